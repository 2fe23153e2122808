package org.nvmeworkbench.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a workload asks of the host's CPUs, in fio's words, before it meets a host: {@code cpus_allowed},
 * {@code cpus_allowed_policy}, {@code numa_cpu_nodes}, {@code numa_mem_policy}, and where the vectors'
 * interrupts are taken. {@link #resolve} places a run's queues and vectors on a given host's cores.
 *
 * @param cpusAllowed  CPUs the run's threads may use; null for every CPU of the host
 * @param policy       how the queues share them (fio's default: shared)
 * @param irqAffinity  where the vectors' interrupts are taken; null for spread
 * @param numaCpuNodes only the CPUs of these nodes; null for every node
 * @param memPolicy    where the queues' DMA memory is; null for default
 */
public record CpuPlacement(CpuSet cpusAllowed, CpusAllowedPolicy policy, InterruptAffinity irqAffinity,
                           CpuSet numaCpuNodes, NumaMemPolicy memPolicy) {

    /** Nothing asked: the host's own placement. */
    public static final CpuPlacement NONE = new CpuPlacement(null, null, null, null, null);

    /**
     * fio's words as typed (null or blank: not given), e.g. from the command line, a scenario or a view's fields.
     *
     * @throws IllegalArgumentException one sentence naming the first bad word
     */
    public static CpuPlacement ofWords(String cpusAllowed, String policy, String numaCpuNodes, String memPolicy,
                                       String irqAffinity) {
        return new CpuPlacement(given(cpusAllowed) ? CpuSet.parse(cpusAllowed, "cpus_allowed") : null,
                given(policy) ? CpusAllowedPolicy.parse(policy) : null,
                given(irqAffinity) ? InterruptAffinity.parse(irqAffinity) : null,
                given(numaCpuNodes) ? CpuSet.parse(numaCpuNodes, "numa_cpu_nodes") : null,
                given(memPolicy) ? NumaMemPolicy.parse(memPolicy) : null);
    }

    private static boolean given(String word) {
        return word != null && !word.isBlank();
    }

    /** This placement with what {@code over} gives on top. */
    public CpuPlacement with(CpuPlacement over) {
        return new CpuPlacement(over.cpusAllowed != null ? over.cpusAllowed : cpusAllowed,
                over.policy != null ? over.policy : policy, over.irqAffinity != null ? over.irqAffinity : irqAffinity,
                over.numaCpuNodes != null ? over.numaCpuNodes : numaCpuNodes,
                over.memPolicy != null ? over.memPolicy : memPolicy);
    }

    /** Whether any of it was asked for. */
    public boolean given() {
        return cpusAllowed != null || policy != null || irqAffinity != null || numaCpuNodes != null || memPolicy != null;
    }

    public CpusAllowedPolicy policyOrDefault() {
        return policy == null ? CpusAllowedPolicy.SHARED : policy;
    }

    public InterruptAffinity affinityOrDefault() {
        return irqAffinity == null ? InterruptAffinity.SPREAD : irqAffinity;
    }

    public NumaMemPolicy memPolicyOrDefault() {
        return memPolicy == null ? NumaMemPolicy.DEFAULT : memPolicy;
    }

    public CpuPlacement withCpusAllowed(CpuSet v) {
        return new CpuPlacement(v, policy, irqAffinity, numaCpuNodes, memPolicy);
    }

    public CpuPlacement withPolicy(CpusAllowedPolicy v) {
        return new CpuPlacement(cpusAllowed, v, irqAffinity, numaCpuNodes, memPolicy);
    }

    public CpuPlacement withIrqAffinity(InterruptAffinity v) {
        return new CpuPlacement(cpusAllowed, policy, v, numaCpuNodes, memPolicy);
    }

    public CpuPlacement withNumaCpuNodes(CpuSet v) {
        return new CpuPlacement(cpusAllowed, policy, irqAffinity, v, memPolicy);
    }

    public CpuPlacement withMemPolicy(NumaMemPolicy v) {
        return new CpuPlacement(cpusAllowed, policy, irqAffinity, numaCpuNodes, v);
    }

    /** The CPUs the run may use on {@code host}; one sentence when they are not the host's. */
    public CpuSet allowedOn(HostTopology host) {
        CpuSet allowed = cpusAllowed == null ? host.all() : cpusAllowed;
        if (allowed.last() >= host.cpus()) {
            throw new IllegalArgumentException("cpus_allowed=" + allowed + " names CPU " + allowed.last()
                    + ", but the host has " + host.cpus() + " CPUs (0-" + (host.cpus() - 1) + ").");
        }
        if (numaCpuNodes != null) {
            if (numaCpuNodes.last() >= host.nodes()) {
                throw new IllegalArgumentException("numa_cpu_nodes=" + numaCpuNodes + " names node " + numaCpuNodes.last()
                        + ", but the host has " + host.nodes() + " NUMA node(s) (0-" + (host.nodes() - 1) + ").");
            }
            allowed = allowed.intersect(host.cpusOf(numaCpuNodes));
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("No CPU is both in cpus_allowed=" + (cpusAllowed == null ? "all" : cpusAllowed)
                        + " and on numa_cpu_nodes=" + numaCpuNodes + ".");
            }
        }
        return allowed;
    }

    /**
     * Places a run on {@code host}: queue {@code qids[i]} signals vector {@code vectors[i]}. Each queue's home is
     * the allowed set's i-th CPU (round the set again when it is shorter). Vectors are taken where the affinity
     * says. A vector's completions are reaped by its first queue's thread: with split on the queue's home; with
     * shared on the interrupt's own CPU when that CPU is allowed (the scheduler wakes the thread where the waker
     * runs, the wake-affine case), else on the home.
     *
     * @throws IllegalArgumentException one sentence, when the placement names CPUs or nodes the host lacks
     */
    public CorePlan resolve(HostTopology host, int[] qids, int[] vectors) {
        CpuSet allowed = allowedOn(host);
        InterruptAffinity affinity = affinityOrDefault();
        if (affinity.cpus() != null && affinity.cpus().last() >= host.cpus()) {
            throw new IllegalArgumentException("irq_affinity=" + affinity + " names CPU " + affinity.cpus().last()
                    + ", but the host has " + host.cpus() + " CPUs (0-" + (host.cpus() - 1) + ").");
        }
        NumaMemPolicy mem = memPolicyOrDefault();
        if (mem.nodes() != null && mem.nodes().last() >= host.nodes()) {
            throw new IllegalArgumentException("numa_mem_policy=" + mem + " names node " + mem.nodes().last()
                    + ", but the host has " + host.nodes() + " NUMA node(s) (0-" + (host.nodes() - 1) + ").");
        }
        int maxQid = 0;
        int maxVector = 0;
        for (int i = 0; i < qids.length; i++) {
            maxQid = Math.max(maxQid, qids[i]);
            maxVector = Math.max(maxVector, vectors[i]);
        }
        List<Integer> distinct = new ArrayList<>(new TreeSet<>(box(vectors)));
        int[] vectorCpu = filled(maxVector + 1);
        int[] reaperCpu = filled(maxVector + 1);
        int[] queueCpu = filled(maxQid + 1);
        int[] queueNode = filled(maxQid + 1);
        for (int k = 0; k < distinct.size(); k++) {
            vectorCpu[distinct.get(k)] = affinity.cpuOf(k, distinct.size(), host.cpus());
        }
        boolean split = policyOrDefault() == CpusAllowedPolicy.SPLIT;
        for (int i = 0; i < qids.length; i++) {
            int v = vectors[i];
            if (reaperCpu[v] < 0) {
                int home = allowed.get(i % allowed.size());
                reaperCpu[v] = split || !allowed.contains(vectorCpu[v]) ? home : vectorCpu[v];
            }
            queueCpu[qids[i]] = reaperCpu[v];
            queueNode[qids[i]] = mem.nodeOf(i, host.nodeOf(reaperCpu[v]), host.nodes());
        }
        return new CorePlan(host, vectorCpu, reaperCpu, queueCpu, queueNode);
    }

    private static List<Integer> box(int[] a) {
        List<Integer> out = new ArrayList<>(a.length);
        for (int x : a) {
            out.add(x);
        }
        return out;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /** fio's words for what was asked, e.g. {@code cpus_allowed=0-15 cpus_allowed_policy=split}; empty when nothing. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (cpusAllowed != null) {
            sb.append("cpus_allowed=").append(cpusAllowed);
        }
        if (policy != null) {
            sb.append(sb.length() > 0 ? " " : "").append("cpus_allowed_policy=").append(policy.fioName());
        }
        if (numaCpuNodes != null) {
            sb.append(sb.length() > 0 ? " " : "").append("numa_cpu_nodes=").append(numaCpuNodes);
        }
        if (memPolicy != null) {
            sb.append(sb.length() > 0 ? " " : "").append("numa_mem_policy=").append(memPolicy);
        }
        if (irqAffinity != null) {
            sb.append(sb.length() > 0 ? " " : "").append("irq_affinity=").append(irqAffinity);
        }
        return sb.toString();
    }
}
