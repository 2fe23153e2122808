package org.nvmeworkbench.core.record;

import java.util.List;

/**
 * One host CPU during a run: what was placed on it and what it spent.
 *
 * @param cpu           the CPU number
 * @param node          its NUMA node
 * @param vectors       vectors whose interrupts it takes
 * @param queues        queues (qid) whose completions it reaps
 * @param interrupts    hard interrupts it ran
 * @param remoteWakeups wake-ups it received from another core's interrupt (IPIs)
 * @param irqCpuNanos   interrupt CPU time on it: handlers, mask writes, CQs examined, cross-core hand-offs
 * @param reapCpuNanos  CPU time on it consuming completion entries
 * @param irqCpuPct     irqCpuNanos as a share of the run's duration, percent of this one CPU
 */
public record CoreShare(int cpu, int node, List<Integer> vectors, List<Integer> queues, long interrupts,
                        long remoteWakeups, long irqCpuNanos, long reapCpuNanos, double irqCpuPct) {
    public CoreShare {
        vectors = List.copyOf(vectors);
        queues = List.copyOf(queues);
    }
}
