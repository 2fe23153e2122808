package org.nvmeworkbench.core.vfio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import org.nvmeworkbench.core.pci.PciException;

/**
 * BAR0 as the driver sees it: the mmappable areas wrapped as direct buffers, so registers and
 * doorbells are plain memory accesses with no native call; anything outside them (e.g. an MSI-X table
 * the kernel keeps to itself) goes through pread/pwrite on the device fd.
 *
 * <p>Accesses go through a byte-buffer {@link VarHandle}: reads are volatile (never hoisted out of a
 * polling loop), writes are release stores, which is what Linux's readl/writel compile to on x86
 * (a plain mov, ordered after the SQE stores that precede a doorbell).
 */
final class BarMapping {
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int deviceFd;
    private final long regionOffset;
    private final long size;
    private final Pointer[] mapped;
    private final long[] mappedLength;
    private final int[] start;
    private final int[] end;
    private final ByteBuffer[] view;
    /** The first (usually the only) area, kept in fields for the doorbell path. */
    private ByteBuffer first;
    private final int firstStart;
    private final int firstEnd;
    private final Memory scratch = new Memory(8);

    private BarMapping(int deviceFd, RegionInfo region, List<long[]> areas) {
        this.deviceFd = deviceFd;
        this.regionOffset = region.offset();
        this.size = region.size();
        int n = areas.size();
        mapped = new Pointer[n];
        mappedLength = new long[n];
        start = new int[n];
        end = new int[n];
        view = new ByteBuffer[n];
        try {
            for (int i = 0; i < n; i++) {
                long off = areas.get(i)[0];
                long len = areas.get(i)[1];
                Pointer p = Posix.mmap(null, len, Posix.PROT_READ | Posix.PROT_WRITE, Posix.MAP_SHARED, deviceFd,
                        regionOffset + off);
                mapped[i] = p;
                mappedLength[i] = len;
                start[i] = (int) off;
                end[i] = (int) (off + len);
                view[i] = p.getByteBuffer(0, len).order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (LastErrorException e) {
            close();
            throw VfioDiagnosis.step("Mapping BAR0 into memory", e.getErrorCode());
        }
        first = n > 0 ? view[0] : null;
        firstStart = n > 0 ? start[0] : 0;
        firstEnd = n > 0 ? end[0] : 0;
    }

    /** Maps what the kernel allows of {@code region} (BAR0 of the device behind {@code deviceFd}). */
    static BarMapping map(int deviceFd, RegionInfo region) {
        if (region.size() <= 0 || region.size() > Integer.MAX_VALUE) {
            throw new PciException("BAR0 of the device has an unusable size of " + region.size() + " bytes; is it an NVMe controller?");
        }
        return new BarMapping(deviceFd, region, region.mmapAreas());
    }

    long size() {
        return size;
    }

    /** Bytes reachable by plain memory access (for diagnostics and tests). */
    long mappedBytes() {
        long n = 0;
        for (long l : mappedLength) {
            n += l;
        }
        return n;
    }

    int read32(int offset) {
        if (offset >= firstStart && offset + 4 <= firstEnd) {
            return (int) INT.getVolatile(first, offset - firstStart);
        }
        return slowRead32(offset);
    }

    void write32(int offset, int value) {
        if (offset >= firstStart && offset + 4 <= firstEnd) {
            INT.setRelease(first, offset - firstStart, value);
            return;
        }
        slowWrite32(offset, value);
    }

    private int slowRead32(int offset) {
        int i = area(offset);
        if (i >= 0) {
            return (int) INT.getVolatile(view[i], offset - start[i]);
        }
        synchronized (scratch) {
            transfer(offset, false);
            return scratch.getInt(0);
        }
    }

    private void slowWrite32(int offset, int value) {
        int i = area(offset);
        if (i >= 0) {
            INT.setRelease(view[i], offset - start[i], value);
            return;
        }
        synchronized (scratch) {
            scratch.setInt(0, value);
            transfer(offset, true);
        }
    }

    private int area(int offset) {
        checkRange(offset);
        for (int i = 0; i < view.length; i++) {
            if (offset >= start[i] && offset + 4 <= end[i] && view[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private void transfer(int offset, boolean write) {
        try {
            long n = write ? Posix.pwrite(deviceFd, scratch, 4, regionOffset + offset)
                    : Posix.pread(deviceFd, scratch, 4, regionOffset + offset);
            if (n != 4) {
                throw new PciException("A 4-byte " + (write ? "write to" : "read of") + " BAR0 at 0x" + Integer.toHexString(offset)
                        + " moved " + n + " bytes; the device may have been removed.");
            }
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step((write ? "Writing" : "Reading") + " BAR0 at 0x" + Integer.toHexString(offset), e.getErrorCode());
        }
    }

    private void checkRange(int offset) {
        if (offset < 0 || (offset & 3) != 0 || offset + 4L > size) {
            throw new PciException("BAR0 offset 0x" + Integer.toHexString(offset) + " is outside the " + size
                    + "-byte BAR or not 4-byte aligned.");
        }
    }

    /** Unmaps every area; later accesses fail with an exception rather than a crash. Idempotent. */
    void close() {
        first = null;
        for (int i = 0; i < mapped.length; i++) {
            view[i] = null;
            if (mapped[i] != null) {
                try {
                    Posix.munmap(mapped[i], mappedLength[i]);
                } catch (LastErrorException ignored) {
                    // the mapping is gone either way once the device fd closes
                }
                mapped[i] = null;
            }
        }
    }
}
