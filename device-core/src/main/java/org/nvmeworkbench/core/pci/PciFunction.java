package org.nvmeworkbench.core.pci;

import org.nvmeworkbench.core.host.CoreFigures;
import org.nvmeworkbench.core.host.CorePlan;
import org.nvmeworkbench.core.host.HostTopology;

/**
 * The seam between the userspace driver and the hardware: one PCI function as the driver sees it.
 *
 * <p>The VFIO backend maps these calls to ioctls, mmap and eventfds; the simulator implements them
 * in-process. The driver is written only against this interface and cannot tell which one it talks to.
 *
 * <p>Threading: one thread drives a function (the driver's). {@link #interruptCount(int)},
 * {@link #isMasked(int)}, {@link #isPending(int)} and {@link #nanoTime()} may also be read from a
 * sampling thread; they return values that were true at some recent instant.
 *
 * <p>Hot path: {@link #mmioWrite32}, {@link #awaitInterrupt} and {@link #relax} are called per I/O or
 * per batch; implementations must not allocate or lock there.
 */
public interface PciFunction extends AutoCloseable {

    /** What the user named to open this function, e.g. {@code sim:tlc} or {@code vfio:0000:00:05.0}. */
    String name();

    // --- configuration space -------------------------------------------------------------------

    int configRead8(int offset);

    int configRead16(int offset);

    int configRead32(int offset);

    void configWrite16(int offset, int value);

    void configWrite32(int offset, int value);

    // --- BAR0 MMIO -----------------------------------------------------------------------------

    /** Size of BAR0 in bytes. */
    long bar0Size();

    int mmioRead32(int offset);

    long mmioRead64(int offset);

    void mmioWrite32(int offset, int value);

    void mmioWrite64(int offset, long value);

    // --- DMA memory ----------------------------------------------------------------------------

    /**
     * Allocates zeroed memory the device can reach, aligned to 4 KiB, at least {@code bytes} long
     * (rounded up to whole 4 KiB pages). Allocation is for setup, never per I/O.
     */
    DmaRegion allocateDma(int bytes);

    // --- interrupts ----------------------------------------------------------------------------

    /**
     * Switches the function to {@code mode} with up to {@code vectors} vectors and returns how many it
     * granted (1 for {@link InterruptMode#PIN}; MSI grants a power of two up to 32; MSI-X up to the
     * table size). Counts restart at zero.
     */
    int enableInterrupts(InterruptMode mode, int vectors);

    InterruptMode interruptMode();

    /** Vectors granted by the last {@link #enableInterrupts}; 0 before. */
    int vectorCount();

    /**
     * Blocks until one of {@code vectors} is signalled, or until {@code timeoutNanos} passed on this
     * function's clock. Returns the vector's index, or -1 on timeout. A signal consumed here is
     * counted once in {@link #interruptCount(int)}. The simulator advances virtual time to the next
     * event while it waits.
     */
    int awaitInterrupt(VectorSet vectors, long timeoutNanos);

    /**
     * Lets the device make progress for at most {@code maxNanos} without waiting for an interrupt:
     * the host is polling. Hardware spins briefly; the simulator advances virtual time to its next
     * event (or by {@code maxNanos}, whichever comes first).
     */
    void relax(long maxNanos);

    /** Interrupts delivered on {@code vector} since interrupts were enabled or counts were reset. */
    long interruptCount(int vector);

    void resetInterruptCounts();

    /** Masks a vector: signals that arrive while masked are held pending, then delivered on unmask. */
    void maskVector(int vector);

    void unmaskVector(int vector);

    boolean isMasked(int vector);

    /** True when a signal arrived while the vector was masked and has not been delivered yet. */
    boolean isPending(int vector);

    /**
     * Host CPU time spent taking interrupts (delivery and handler), in nanoseconds, since interrupts
     * were enabled or counts were reset. The simulator models it; VFIO measures the waiting thread.
     */
    long interruptCpuNanos();

    // --- host CPUs ----------------------------------------------------------------------------

    /** The NUMA node of the host the function hangs off, -1 when unknown or when the host has no NUMA information. */
    default int numaNode() {
        return -1;
    }

    /**
     * Pages of the DMA memory allocated so far on each NUMA node (index = node), as the kernel reports them; empty
     * when unknown (the simulator's memory is not placed).
     */
    default long[] dmaPagesPerNode() {
        return new long[0];
    }

    /** The host's CPUs and NUMA nodes as this function places work on them; null when it does not. */
    default HostTopology hostTopology() {
        return null;
    }

    /**
     * Puts {@code plan} in force (where each vector's interrupt is taken, which core reaps each queue, where
     * each queue's memory is) and restarts {@link #coreFigures()}; null returns to the function's own
     * placement. Set-up, never per I/O. A function that does not place work ignores it.
     */
    default void placeCores(CorePlan plan) {
    }

    /**
     * The host CPU that takes {@code vector}'s interrupts, -1 when the function does not know. May be read from a
     * sampling thread.
     */
    default int vectorCpu(int vector) {
        return -1;
    }

    /** What each core did since the last {@link #placeCores}; {@link CoreFigures#NONE} when not placed. */
    default CoreFigures coreFigures() {
        return CoreFigures.NONE;
    }

    // --- time ----------------------------------------------------------------------------------

    /**
     * Now, on this function's clock in nanoseconds: virtual time in the simulator, the monotonic
     * clock on hardware. Latencies are measured with it.
     */
    long nanoTime();

    /** Resets the function (FLR or the simulator's equivalent): the controller comes back disabled. */
    void resetFunction();

    /** Releases every resource: DMA memory, interrupts, file descriptors. Idempotent. */
    @Override
    void close();
}
