package org.nvmeworkbench.core.vfio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.nvmeworkbench.core.pci.DmaRegion;

/**
 * Anonymous memory (zeroed, page aligned) pinned and mapped through the IOMMU at an IOVA from the
 * container's {@link IovaAllocator}. Closing unmaps it from the IOMMU first, then from the process.
 */
final class VfioDmaRegion implements DmaRegion {
    private final DmaSpace space;
    private final Pointer address;
    private final long length;
    private final long iova;
    private final int size;
    private ByteBuffer buffer;
    private boolean closed;

    private VfioDmaRegion(DmaSpace space, Pointer address, long length, long iova, int size) {
        this.space = space;
        this.address = address;
        this.length = length;
        this.iova = iova;
        this.size = size;
        this.buffer = address.getByteBuffer(0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The container side of DMA: its fd, its IOVA allocator and the regions still open. */
    interface DmaSpace {
        int containerFd();

        IovaAllocator iovas();

        void forget(VfioDmaRegion region);
    }

    /**
     * Maps {@code bytes} (rounded up to 4 KiB pages) for device reads and writes, its pages preferably on NUMA
     * node {@code node} (-1: the kernel's default): the policy is set before VFIO pins, and so faults in, the pages.
     */
    static VfioDmaRegion map(DmaSpace space, int bytes, int node) {
        long length = IovaAllocator.roundUp(bytes);
        Pointer p;
        try {
            p = Posix.mmap(null, length, Posix.PROT_READ | Posix.PROT_WRITE, Posix.MAP_PRIVATE | Posix.MAP_ANONYMOUS, -1, 0);
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step("Allocating " + length + " bytes of DMA memory", e.getErrorCode());
        }
        DmaNode.prefer(p, length, node); // refused without NUMA support: the kernel's default then applies
        long iova;
        try {
            iova = space.iovas().allocate(length);
        } catch (IllegalStateException e) {
            unmapQuietly(p, length);
            throw new org.nvmeworkbench.core.pci.PciException(e.getMessage());
        }
        Memory m = new Memory(VfioAbi.DMA_MAP_SIZE);
        m.setInt(0, VfioAbi.DMA_MAP_SIZE);
        m.setInt(4, VfioAbi.DMA_MAP_FLAG_READ | VfioAbi.DMA_MAP_FLAG_WRITE);
        m.setLong(8, Pointer.nativeValue(p));
        m.setLong(16, iova);
        m.setLong(24, length);
        try {
            Posix.ioctl(space.containerFd(), VfioAbi.IOMMU_MAP_DMA, m);
        } catch (LastErrorException e) {
            space.iovas().release(iova, length);
            unmapQuietly(p, length);
            throw VfioDiagnosis.mapDma(e.getErrorCode(), length);
        }
        return new VfioDmaRegion(space, p, length, iova, (int) length);
    }

    /** The address of the mapping, for /proc/self/numa_maps. */
    long address() {
        return Pointer.nativeValue(address);
    }

    @Override
    public ByteBuffer buffer() {
        ByteBuffer b = buffer;
        if (b == null) {
            throw new IllegalStateException("This DMA region has been closed.");
        }
        return b;
    }

    @Override
    public long busAddress() {
        return iova;
    }

    @Override
    public int size() {
        return size;
    }

    /** Where the region sits in this process, for tests that look for it in /proc/self/maps. */
    long hostAddress() {
        return Pointer.nativeValue(address);
    }

    /** Bytes mapped, in pages. */
    long mappedLength() {
        return length;
    }

    @Override
    public void close() {
        synchronized (space) {
            if (closed) {
                return;
            }
            closed = true;
            buffer = null;
            unmapFromIommu();
            unmapQuietly(address, length);
            space.forget(this);
        }
    }

    /** IOMMU_UNMAP_DMA; the IOVA goes back to the allocator only when the IOMMU let go of it. */
    private void unmapFromIommu() {
        Memory m = new Memory(VfioAbi.DMA_UNMAP_SIZE);
        m.setInt(0, VfioAbi.DMA_UNMAP_SIZE);
        m.setInt(4, 0);
        m.setLong(8, iova);
        m.setLong(16, length);
        try {
            Posix.ioctl(space.containerFd(), VfioAbi.IOMMU_UNMAP_DMA, m);
            space.iovas().release(iova, length);
        } catch (LastErrorException e) {
            // The container may already be closed (which unmaps everything); never reuse this IOVA.
        }
    }

    private static void unmapQuietly(Pointer p, long length) {
        try {
            Posix.munmap(p, length);
        } catch (LastErrorException ignored) {
            // nothing more can be done for memory the kernel would not unmap
        }
    }
}
