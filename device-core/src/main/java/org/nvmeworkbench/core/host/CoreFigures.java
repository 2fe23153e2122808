package org.nvmeworkbench.core.host;

import org.HdrHistogram.Histogram;

/**
 * What the host's cores did since a {@link CorePlan} was put in force, per CPU: interrupts taken (hard
 * interrupt handlers run there), interrupt CPU time (handlers, mask writes, completion queues examined, the
 * wake-ups of threads on other cores), reaping CPU time (completion entries consumed), and wake-ups that
 * arrived from another core; and the interrupt-to-handler latency of every interrupt the host serviced: from
 * the device's signal to the reaping thread starting on it. A snapshot; the arrays are the caller's.
 *
 * @param handlerLatency interrupt-to-handler latencies, ns
 */
public record CoreFigures(HostTopology host, long[] interrupts, long[] irqCpuNanos, long[] reapCpuNanos,
                          long[] remoteWakeups, Histogram handlerLatency) {

    /** A function that does not place work on cores reports nothing. */
    public static final CoreFigures NONE = new CoreFigures(null, new long[0], new long[0], new long[0], new long[0],
            null);

    public boolean present() {
        return host != null;
    }
}
