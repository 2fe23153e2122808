package org.nvmeworkbench.core.vfio;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;

/**
 * A real PCI function through Linux VFIO, legacy container/group path with a type1v2 IOMMU, in the
 * order of docs/nvme-reference.md "Linux VFIO ABI": container (API version, TYPE1v2), group (viable),
 * SET_CONTAINER, SET_IOMMU, device fd, region info, BAR0 mmap, bus master on. DMA memory is anonymous
 * memory mapped through the IOMMU; interrupts are eventfds ({@link EventfdVectors}).
 *
 * <p>Per I/O nothing here calls native code: doorbells and registers are memory accesses on the BAR
 * mapping and rings live in DMA memory. Native calls happen at setup and once per interrupt.
 */
public final class VfioPciFunction implements PciFunction {
    private static final int PCI_COMMAND = 0x04;
    private static final int COMMAND_MEMORY = 1 << 1;
    private static final int COMMAND_BUS_MASTER = 1 << 2;
    /** How long {@link #relax} spins at most: hardware makes progress on its own, so stay brief. */
    private static final long RELAX_SPIN_NANOS = 2_000L;

    private final String name;
    private final String bdf;
    private final Container container;
    private final int groupFd;
    private final int deviceFd;
    private final int deviceFlags;
    private final RegionInfo config;
    private final RegionInfo bar0Region;
    private final BarMapping bar;
    private final EventfdVectors irqs;
    private final PciSysfs sysfs;
    private final int numaNode;
    private static final java.nio.file.Path NUMA_MAPS = java.nio.file.Path.of("/proc/self/numa_maps");
    /** Pages of the DMA memory allocated so far per NUMA node, as /proc/self/numa_maps said after each mapping. */
    private long[] dmaPages = new long[0];
    /** Where the kernel routes each vector's IRQ, read back when interrupts are enabled; -1 where unknown. */
    private volatile int[] vectorCpus = new int[0];
    private final Memory configScratch = new Memory(4);
    private boolean closed;

    private VfioPciFunction(String bdf, Container container, int groupFd, int deviceFd, int deviceFlags, RegionInfo config,
                            RegionInfo bar0Region, BarMapping bar, PciSysfs sysfs) {
        this.name = "vfio:" + bdf;
        this.bdf = bdf;
        this.container = container;
        this.groupFd = groupFd;
        this.deviceFd = deviceFd;
        this.deviceFlags = deviceFlags;
        this.config = config;
        this.bar0Region = bar0Region;
        this.bar = bar;
        this.irqs = new EventfdVectors(deviceFd);
        this.sysfs = sysfs;
        this.numaNode = sysfs.numaNode(bdf);
    }

    /**
     * Opens {@code bdf}, a member of IOMMU group {@code group}, through VFIO. {@code sysfs} only serves
     * to name the devices that block a group that is not viable.
     *
     * @throws PciException with one sentence saying what to do when the kernel refuses a step
     */
    static VfioPciFunction open(String bdf, int group, PciSysfs sysfs) {
        int containerFd = -1;
        int groupFd = -1;
        int deviceFd = -1;
        BarMapping bar = null;
        try {
            try {
                containerFd = Posix.open("/dev/vfio/vfio", Posix.O_RDWR | Posix.O_CLOEXEC);
            } catch (LastErrorException e) {
                throw VfioDiagnosis.containerOpen(e.getErrorCode());
            }
            int version = ioctlValue(containerFd, VfioAbi.GET_API_VERSION, 0, "Asking VFIO for its API version");
            if (version != VfioAbi.API_VERSION) {
                throw VfioDiagnosis.apiVersion(version);
            }
            if (ioctlValue(containerFd, VfioAbi.CHECK_EXTENSION, VfioAbi.TYPE1V2_IOMMU, "Checking for the type1v2 IOMMU") <= 0) {
                throw VfioDiagnosis.noType1v2();
            }
            try {
                groupFd = Posix.open("/dev/vfio/" + group, Posix.O_RDWR | Posix.O_CLOEXEC);
            } catch (LastErrorException e) {
                throw VfioDiagnosis.groupOpen(e.getErrorCode(), group, bdf);
            }
            Memory status = new Memory(VfioAbi.GROUP_STATUS_SIZE);
            status.setInt(0, VfioAbi.GROUP_STATUS_SIZE);
            status.setInt(4, 0);
            ioctl(groupFd, VfioAbi.GROUP_GET_STATUS, status, "Reading the status of IOMMU group " + group);
            if ((status.getInt(4) & VfioAbi.GROUP_FLAGS_VIABLE) == 0) {
                throw VfioDiagnosis.groupNotViable(group, sysfs.groupBlockers(group));
            }
            Memory fdArg = new Memory(4);
            fdArg.setInt(0, containerFd);
            try {
                Posix.ioctl(groupFd, VfioAbi.GROUP_SET_CONTAINER, fdArg);
            } catch (LastErrorException e) {
                throw VfioDiagnosis.setContainer(e.getErrorCode(), group);
            }
            try {
                Posix.ioctl(containerFd, VfioAbi.SET_IOMMU, VfioAbi.TYPE1V2_IOMMU);
            } catch (LastErrorException e) {
                throw VfioDiagnosis.setIommu(e.getErrorCode());
            }
            Memory bdfArg = new Memory(bdf.length() + 1L);
            bdfArg.setString(0, bdf, "US-ASCII");
            try {
                deviceFd = Posix.ioctl(groupFd, VfioAbi.GROUP_GET_DEVICE_FD, bdfArg);
            } catch (LastErrorException e) {
                throw VfioDiagnosis.deviceFd(e.getErrorCode(), bdf, group);
            }
            Memory info = new Memory(VfioAbi.DEVICE_INFO_SIZE);
            info.clear();
            info.setInt(0, VfioAbi.DEVICE_INFO_SIZE);
            ioctl(deviceFd, VfioAbi.DEVICE_GET_INFO, info, "Reading the device information of " + bdf);
            int flags = info.getInt(4);
            if ((flags & VfioAbi.DEVICE_FLAGS_PCI) == 0) {
                throw new PciException(bdf + " is not a PCI device to VFIO; check the address with 'nvme-workbench list'.");
            }
            RegionInfo bar0 = RegionInfo.query(deviceFd, VfioAbi.PCI_BAR0_REGION_INDEX);
            RegionInfo config = RegionInfo.query(deviceFd, VfioAbi.PCI_CONFIG_REGION_INDEX);
            if (!bar0.readable() || bar0.size() == 0) {
                throw new PciException("BAR0 of " + bdf + " is not readable through VFIO; is it an NVMe controller?");
            }
            bar = BarMapping.map(deviceFd, bar0);
            VfioPciFunction f = new VfioPciFunction(bdf, new Container(containerFd), groupFd, deviceFd, flags, config, bar0, bar,
                    sysfs);
            f.configWrite16(PCI_COMMAND, f.configRead16(PCI_COMMAND) | COMMAND_MEMORY | COMMAND_BUS_MASTER);
            return f;
        } catch (RuntimeException e) {
            if (bar != null) {
                bar.close();
            }
            Posix.closeQuietly(deviceFd);
            Posix.closeQuietly(groupFd);
            Posix.closeQuietly(containerFd);
            throw e;
        }
    }

    private static int ioctlValue(int fd, long request, long arg, String what) {
        try {
            return Posix.ioctl(fd, request, arg);
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step(what, e.getErrorCode());
        }
    }

    private static void ioctl(int fd, long request, Memory arg, String what) {
        try {
            Posix.ioctl(fd, request, arg);
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step(what, e.getErrorCode());
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** The function's address, e.g. {@code 0000:00:05.0}. */
    public String address() {
        return bdf;
    }

    /** Bytes of BAR0 reachable by plain memory access (the rest, e.g. an MSI-X table, goes through the fd). */
    public long bar0MappedBytes() {
        return bar.mappedBytes();
    }

    /** For tests in the guest: the device fd and BAR0's region, to reach BAR0 through pread/pwrite. */
    int deviceFd() {
        return deviceFd;
    }

    RegionInfo bar0Region() {
        return bar0Region;
    }

    // --- configuration space: pread/pwrite at the CONFIG region's offset ------------------------------

    @Override
    public int configRead8(int offset) {
        return configRead(offset, 1) & 0xFF;
    }

    @Override
    public int configRead16(int offset) {
        return configRead(offset, 2) & 0xFFFF;
    }

    @Override
    public int configRead32(int offset) {
        return configRead(offset, 4);
    }

    @Override
    public void configWrite16(int offset, int value) {
        configWrite(offset, 2, value);
    }

    @Override
    public void configWrite32(int offset, int value) {
        configWrite(offset, 4, value);
    }

    private int configRead(int offset, int width) {
        checkConfig(offset, width);
        synchronized (configScratch) {
            configScratch.setInt(0, 0);
            try {
                long n = Posix.pread(deviceFd, configScratch, width, config.offset() + offset);
                if (n != width) {
                    throw new PciException("Reading config space of " + bdf + " at 0x" + Integer.toHexString(offset) + " returned "
                            + n + " bytes; the device may have been removed.");
                }
            } catch (LastErrorException e) {
                throw VfioDiagnosis.step("Reading config space of " + bdf, e.getErrorCode());
            }
            return width == 1 ? configScratch.getByte(0) : width == 2 ? configScratch.getShort(0) : configScratch.getInt(0);
        }
    }

    private void configWrite(int offset, int width, int value) {
        checkConfig(offset, width);
        synchronized (configScratch) {
            if (width == 2) {
                configScratch.setShort(0, (short) value);
            } else {
                configScratch.setInt(0, value);
            }
            try {
                long n = Posix.pwrite(deviceFd, configScratch, width, config.offset() + offset);
                if (n != width) {
                    throw new PciException("Writing config space of " + bdf + " at 0x" + Integer.toHexString(offset) + " wrote "
                            + n + " bytes; the device may have been removed.");
                }
            } catch (LastErrorException e) {
                throw VfioDiagnosis.step("Writing config space of " + bdf, e.getErrorCode());
            }
        }
    }

    private void checkConfig(int offset, int width) {
        if (closed) {
            throw new PciException(name + " has been closed.");
        }
        if (offset < 0 || offset % width != 0 || offset + width > config.size()) {
            throw new PciException("Config space offset 0x" + Integer.toHexString(offset) + " is outside the " + config.size()
                    + "-byte config space or not aligned.");
        }
    }

    // --- BAR0 ---------------------------------------------------------------------------------------

    @Override
    public long bar0Size() {
        return bar.size();
    }

    @Override
    public int mmioRead32(int offset) {
        return bar.read32(offset);
    }

    /** Low dword first, then high, as Linux's lo_hi_readq does for NVMe's 64-bit registers. */
    @Override
    public long mmioRead64(int offset) {
        long lo = bar.read32(offset) & 0xFFFF_FFFFL;
        long hi = bar.read32(offset + 4) & 0xFFFF_FFFFL;
        return lo | (hi << 32);
    }

    @Override
    public void mmioWrite32(int offset, int value) {
        bar.write32(offset, value);
    }

    @Override
    public void mmioWrite64(int offset, long value) {
        bar.write32(offset, (int) value);
        bar.write32(offset + 4, (int) (value >>> 32));
    }

    // --- DMA ----------------------------------------------------------------------------------------

    @Override
    public DmaRegion allocateDma(int bytes) {
        if (bytes <= 0) {
            throw new PciException("A DMA region needs at least one byte, not " + bytes + ".");
        }
        synchronized (container) {
            if (closed) {
                throw new PciException(name + " has been closed.");
            }
            VfioDmaRegion r = VfioDmaRegion.map(container, bytes, numaNode);
            long[] pages = DmaNode.pagesPerNode(NUMA_MAPS, r.address());
            if (pages.length > dmaPages.length) {
                dmaPages = java.util.Arrays.copyOf(dmaPages, pages.length);
            }
            for (int n = 0; n < pages.length; n++) {
                dmaPages[n] += pages[n];
            }
            container.regions.add(r);
            return r;
        }
    }

    // --- interrupts ---------------------------------------------------------------------------------

    @Override
    public int enableInterrupts(InterruptMode mode, int vectors) {
        if (closed) {
            throw new PciException(name + " has been closed.");
        }
        int granted = irqs.enable(mode, vectors);
        vectorCpus = sysfs.vectorCpus(bdf, granted); // the IRQs exist once VFIO_DEVICE_SET_IRQS has run
        return granted;
    }

    /** The first CPU of the vector's IRQ affinity, as /proc/irq says; -1 when unknown. */
    @Override
    public int vectorCpu(int vector) {
        int[] cpus = vectorCpus;
        return vector >= 0 && vector < cpus.length ? cpus[vector] : -1;
    }

    @Override
    public long[] dmaPagesPerNode() {
        synchronized (container) {
            return dmaPages.clone();
        }
    }

    /** From sys/bus/pci/devices/BDF/numa_node, read when the function was opened. */
    @Override
    public int numaNode() {
        return numaNode;
    }

    @Override
    public InterruptMode interruptMode() {
        return irqs.mode();
    }

    @Override
    public int vectorCount() {
        return irqs.granted();
    }

    @Override
    public int awaitInterrupt(VectorSet vectors, long timeoutNanos) {
        return irqs.await(vectors, timeoutNanos);
    }

    /** Spins with {@link Thread#onSpinWait} for at most a couple of microseconds: the device runs on its own. */
    @Override
    public void relax(long maxNanos) {
        long end = System.nanoTime() + Math.min(Math.max(0, maxNanos), RELAX_SPIN_NANOS);
        do {
            Thread.onSpinWait();
        } while (System.nanoTime() - end < 0);
    }

    @Override
    public long interruptCount(int vector) {
        return irqs.count(vector);
    }

    @Override
    public void resetInterruptCounts() {
        irqs.resetCounts();
    }

    @Override
    public void maskVector(int vector) {
        irqs.mask(vector);
    }

    @Override
    public void unmaskVector(int vector) {
        irqs.unmask(vector);
    }

    @Override
    public boolean isMasked(int vector) {
        return irqs.isMasked(vector);
    }

    @Override
    public boolean isPending(int vector) {
        return irqs.isPending(vector);
    }

    @Override
    public long interruptCpuNanos() {
        return irqs.cpuNanos();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** VFIO_DEVICE_RESET (an FLR or what the kernel has instead); the kernel restores config space. */
    @Override
    public void resetFunction() {
        if ((deviceFlags & VfioAbi.DEVICE_FLAGS_RESET) == 0) {
            throw new PciException(bdf + " offers no function reset through VFIO; reset the controller with CC.EN instead.");
        }
        try {
            Posix.ioctl(deviceFd, VfioAbi.DEVICE_RESET, 0L);
        } catch (LastErrorException e) {
            throw VfioDiagnosis.step("Resetting " + bdf, e.getErrorCode());
        }
    }

    /**
     * Interrupts off, DMA unmapped, BAR unmapped, then the eventfds, device, group and container fds
     * closed, in that order. Idempotent.
     */
    @Override
    public void close() {
        List<VfioDmaRegion> open;
        synchronized (container) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(container.regions);
        }
        irqs.disable();
        for (VfioDmaRegion r : open) {
            r.close();
        }
        bar.close();
        Posix.closeQuietly(deviceFd);
        Posix.closeQuietly(groupFd);
        Posix.closeQuietly(container.fd);
    }

    /** The container's side of DMA: its fd, IOVA space and the regions still mapped. */
    private static final class Container implements VfioDmaRegion.DmaSpace {
        final int fd;
        final IovaAllocator iovas = new IovaAllocator();
        final List<VfioDmaRegion> regions = new ArrayList<>();

        Container(int fd) {
            this.fd = fd;
        }

        @Override
        public int containerFd() {
            return fd;
        }

        @Override
        public IovaAllocator iovas() {
            return iovas;
        }

        @Override
        public void forget(VfioDmaRegion region) {
            regions.remove(region);
        }
    }
}
