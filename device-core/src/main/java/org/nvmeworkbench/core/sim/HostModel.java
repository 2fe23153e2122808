package org.nvmeworkbench.core.sim;

/**
 * What the host pays for completions, charged to the virtual clock so that a run can report the CPU
 * share spent on interrupts (the trade-off interrupt coalescing exists for), and the share the
 * interrupt mode adds (pin-based and MSI make the host do more per interrupt than MSI-X).
 *
 * <p>Per interrupt and per completion, and where they come from: Tai et al., "Optimizing Storage
 * Performance with Calibrated Interrupts" (OSDI 2021) measured a 4 KiB Optane read at 10 us with
 * interrupts against 8 us polled, so taking one interrupt costs about 2 us end to end; we split it into
 * 1 us from the MSI-X write to the handler's start and 1 us of CPU in the handler and the wake-up. Reaping
 * one CQE costs about 100 ns: SPDK reports 13.85M IOPS per core, about 72 ns of CPU for a whole I/O, of
 * which reaping is a part. Those measurements were of MSI-X with one completion queue per vector, so
 * the per-interrupt figure already holds what such a handler does: read the phase tag of the one CQ
 * its vector names and ring that CQ's head doorbell. Doorbells are therefore not charged again.
 *
 * <p>Per action, for the work a mode adds to that (NVMe base spec, host software interrupt handling):
 * <ul>
 * <li>{@code mmioWriteNanos}, each INTMS or INTMC write (pin-based and MSI mask on entry and unmask on
 * exit). A register write is posted, but BAR0 is mapped uncached, so the core issues such stores one at
 * a time: a kernel loop of 64-bit BAR writes put 50-300 ns between consecutive writes on the PCIe link
 * ("Why do MemReq TLPs take 100s nanoseconds to be generated after MMIO writes?", Intel Community,
 * Software Tuning forum). We take 100 ns, the lower part of that range.</li>
 * <li>{@code cqExaminationNanos}, each completion queue examined beyond the first a taken interrupt
 * stands for (pin-based: the line names no queue, so every I/O CQ; MSI and MSI-X: every CQ bound to
 * the vector). Looking means reading the phase tag of the CQE at the head, a line the device writes by
 * DMA, so the core's cached copy is invalidated: a main-memory reference, 100 ns in the latency table
 * of Dean's "Numbers Everyone Should Know" (updated by Colin Scott, 2020). Intel DDIO can leave the
 * line in the last-level cache, and a queue found empty may still hold its line, so this is an upper
 * figure for one look, an assumption rather than a measurement of this model's host.</li>
 * </ul>
 *
 * @param irqDeliveryNanos   from the device's MSI-X write to the start of the host's handler
 * @param irqCpuNanos        host CPU per interrupt taken (counted in interrupt CPU time)
 * @param completionCpuNanos host CPU per completion entry consumed (charged at the CQ head doorbell)
 * @param mmioWriteNanos     host CPU per INTMS/INTMC write (counted in interrupt CPU time)
 * @param cqExaminationNanos host CPU per CQ examined beyond the first an interrupt taken stands for
 *                           (counted in interrupt CPU time)
 */
public record HostModel(long irqDeliveryNanos, long irqCpuNanos, long completionCpuNanos, long mmioWriteNanos,
                        long cqExaminationNanos) {

    public static final HostModel DEFAULT = new HostModel(1_000, 1_000, 100, 100, 100);
    /** A host that costs nothing: for tests that count time exactly. */
    public static final HostModel FREE = new HostModel(0, 0, 0, 0, 0);

    public HostModel {
        if (irqDeliveryNanos < 0 || irqCpuNanos < 0 || completionCpuNanos < 0 || mmioWriteNanos < 0
                || cqExaminationNanos < 0) {
            throw new IllegalArgumentException("Host costs cannot be negative.");
        }
    }
}
