package org.nvmeworkbench.core.sim;

/**
 * What the host pays for completions, charged to the virtual clock so that a run can report the CPU
 * share spent on interrupts (the trade-off interrupt coalescing exists for).
 *
 * <p>Defaults and where they come from: Tai et al., "Optimizing Storage Performance with Calibrated
 * Interrupts" (OSDI 2021) measured a 4 KiB Optane read at 10 us with interrupts against 8 us polled, so
 * taking one interrupt costs about 2 us end to end; we split it into 1 us from the MSI-X write to the
 * handler's start and 1 us of CPU in the handler and the wake-up. Reaping one CQE costs about 100 ns:
 * SPDK reports 13.85M IOPS per core, about 72 ns of CPU for a whole I/O, of which reaping is a part.
 *
 * @param irqDeliveryNanos   from the device's MSI-X write to the start of the host's handler
 * @param irqCpuNanos        host CPU per interrupt taken (counted in interrupt CPU time)
 * @param completionCpuNanos host CPU per completion entry consumed (charged at the CQ head doorbell)
 */
public record HostModel(long irqDeliveryNanos, long irqCpuNanos, long completionCpuNanos) {

    public static final HostModel DEFAULT = new HostModel(1_000, 1_000, 100);
    /** A host that costs nothing: for tests that count time exactly. */
    public static final HostModel FREE = new HostModel(0, 0, 0);

    public HostModel {
        if (irqDeliveryNanos < 0 || irqCpuNanos < 0 || completionCpuNanos < 0) {
            throw new IllegalArgumentException("Host costs cannot be negative.");
        }
    }
}
