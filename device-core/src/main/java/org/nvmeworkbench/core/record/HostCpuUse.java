package org.nvmeworkbench.core.record;

import java.util.List;

/**
 * A run on the host's cores: what placement was asked for (fio's words), the host it ran on, the latency
 * from the device's interrupt to the handler starting, and each CPU's share. {@link #NONE} when the source
 * did not measure it (fio's output, a run from before this existed).
 *
 * @param placement        what was asked, e.g. {@code cpus_allowed=0-15 cpus_allowed_policy=split}; empty for the
 *                         device's own placement
 * @param host             the host, e.g. "16 CPUs in 2 NUMA nodes, device on node 0"
 * @param handled          interrupts whose handler latency was measured
 * @param handlerMeanNanos mean interrupt-to-handler latency
 * @param handlerP50Nanos  its median
 * @param handlerP99Nanos  its 99th percentile
 * @param handlerMaxNanos  its maximum
 * @param cores            the CPUs that had work placed on them or spent any, ascending
 */
public record HostCpuUse(String placement, String host, long handled, double handlerMeanNanos, long handlerP50Nanos,
                         long handlerP99Nanos, long handlerMaxNanos, List<CoreShare> cores) {

    public static final HostCpuUse NONE = new HostCpuUse("", "", 0, 0, 0, 0, 0, List.of());

    public HostCpuUse {
        placement = placement == null ? "" : placement;
        host = host == null ? "" : host;
        cores = List.copyOf(cores);
    }

    public boolean present() {
        return !host.isEmpty();
    }

    /** The CPU that takes {@code iv}'s interrupt, -1 when none does. */
    public int cpuOfVector(int iv) {
        for (CoreShare c : cores) {
            if (c.vectors().contains(iv)) {
                return c.cpu();
            }
        }
        return -1;
    }

    /** The CPU that reaps queue {@code qid}, -1 when none does. */
    public int cpuOfQueue(int qid) {
        for (CoreShare c : cores) {
            if (c.queues().contains(qid)) {
                return c.cpu();
            }
        }
        return -1;
    }

    /** The largest share one CPU spent on interrupts, percent. */
    public double busiestIrqCpuPct() {
        double max = 0;
        for (CoreShare c : cores) {
            max = Math.max(max, c.irqCpuPct());
        }
        return max;
    }

    /** Wake-ups that crossed cores, summed. */
    public long remoteWakeups() {
        long n = 0;
        for (CoreShare c : cores) {
            n += c.remoteWakeups();
        }
        return n;
    }
}
