package org.nvmeworkbench.core.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.host.CoreFigures;
import org.nvmeworkbench.core.host.CorePlan;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.host.CpuSet;
import org.nvmeworkbench.core.host.HostTopology;
import org.nvmeworkbench.core.record.CoreShare;
import org.nvmeworkbench.core.record.HostCpuUse;

/**
 * Turns what the host's cores did in a run ({@link CoreFigures}) into the record's per-core shares, naming
 * the vectors and queues placed on each CPU. Without a plan the host is the one CPU of the host model, CPU 0,
 * which then holds every vector and queue of the run.
 */
final class CoreAccounting {
    private CoreAccounting() {
    }

    /** Places {@code queues} by {@code placement} on {@code host}; null when nothing was asked. */
    static CorePlan plan(CpuPlacement placement, HostTopology host, IoQueuePair[] queues) {
        if (!placement.given()) {
            return null;
        }
        int[] qids = new int[queues.length];
        int[] vectors = new int[queues.length];
        for (int i = 0; i < queues.length; i++) {
            qids[i] = queues[i].qid();
            vectors[i] = queues[i].vector();
        }
        return placement.resolve(host, qids, vectors);
    }

    /** The record's view of {@code f}; {@link HostCpuUse#NONE} when the function did not report. */
    static HostCpuUse use(CpuPlacement placement, CorePlan plan, CoreFigures f, IoQueuePair[] queues, long durationNanos) {
        if (!f.present()) {
            return HostCpuUse.NONE;
        }
        HostTopology host = f.host();
        TreeMap<Integer, List<Integer>> vectorsOn = new TreeMap<>();
        TreeMap<Integer, List<Integer>> queuesOn = new TreeMap<>();
        for (IoQueuePair q : queues) {
            int irqCpu = plan == null ? 0 : plan.vectorCpu(q.vector());
            int reapCpu = plan == null ? 0 : plan.queueCpu(q.qid());
            List<Integer> vs = vectorsOn.computeIfAbsent(irqCpu, k -> new ArrayList<>());
            if (!vs.contains(q.vector())) {
                vs.add(q.vector());
            }
            queuesOn.computeIfAbsent(reapCpu, k -> new ArrayList<>()).add(q.qid());
        }
        List<CoreShare> cores = new ArrayList<>();
        for (int cpu = 0; cpu < host.cpus(); cpu++) {
            List<Integer> vs = vectorsOn.getOrDefault(cpu, List.of());
            List<Integer> qs = queuesOn.getOrDefault(cpu, List.of());
            boolean active = f.interrupts()[cpu] > 0 || f.irqCpuNanos()[cpu] > 0 || f.reapCpuNanos()[cpu] > 0;
            if (vs.isEmpty() && qs.isEmpty() && !active) {
                continue;
            }
            vs = new ArrayList<>(vs);
            vs.sort(null);
            cores.add(new CoreShare(cpu, host.nodeOf(cpu), vs, qs, f.interrupts()[cpu], f.remoteWakeups()[cpu],
                    f.irqCpuNanos()[cpu], f.reapCpuNanos()[cpu],
                    durationNanos == 0 ? 0 : f.irqCpuNanos()[cpu] * 100.0 / durationNanos));
        }
        Histogram h = f.handlerLatency();
        long n = h == null ? 0 : h.getTotalCount();
        String host1 = plan == null ? "the host model's one CPU (CPU 0); place the run with cpus_allowed or irq_affinity to use "
                + host : host.toString();
        return new HostCpuUse(placement.describe(), host1, n, n == 0 ? 0 : h.getMean(), n == 0 ? 0 : h.getValueAtPercentile(50),
                n == 0 ? 0 : h.getValueAtPercentile(99), n == 0 ? 0 : h.getMaxValue(), cores);
    }

    /** The CPUs that are busy in {@code use}, in fio's list syntax, for a sentence. */
    static String cpuList(HostCpuUse use) {
        int[] ids = new int[use.cores().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = use.cores().get(i).cpu();
        }
        return CpuSet.of(ids).toString();
    }
}
