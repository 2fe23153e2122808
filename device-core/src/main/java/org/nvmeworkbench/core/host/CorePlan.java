package org.nvmeworkbench.core.host;

/**
 * A run placed on a host's cores ({@link CpuPlacement#resolve}): per vector the CPU that takes its interrupt
 * and the CPU whose thread reaps its queues; per queue (by qid) that reaping CPU and the NUMA node of its DMA
 * memory. Unused indexes hold -1. The arrays are copied in and out: a plan is set up once per run.
 */
public final class CorePlan {
    private final HostTopology host;
    private final int[] vectorCpu;
    private final int[] reaperCpu;
    private final int[] queueCpu;
    private final int[] queueNode;

    public CorePlan(HostTopology host, int[] vectorCpu, int[] reaperCpu, int[] queueCpu, int[] queueNode) {
        this.host = host;
        this.vectorCpu = vectorCpu.clone();
        this.reaperCpu = reaperCpu.clone();
        this.queueCpu = queueCpu.clone();
        this.queueNode = queueNode.clone();
    }

    public HostTopology host() {
        return host;
    }

    /** The CPU that takes vector {@code v}'s interrupt, -1 when the run does not use it. */
    public int vectorCpu(int v) {
        return v >= 0 && v < vectorCpu.length ? vectorCpu[v] : -1;
    }

    /** The CPU whose thread reaps vector {@code v}'s queues, -1 when the run does not use it. */
    public int reaperCpu(int v) {
        return v >= 0 && v < reaperCpu.length ? reaperCpu[v] : -1;
    }

    /** The CPU that reaps queue {@code qid}, -1 when the run does not use it. */
    public int queueCpu(int qid) {
        return qid >= 0 && qid < queueCpu.length ? queueCpu[qid] : -1;
    }

    /** The NUMA node of queue {@code qid}'s DMA memory, -1 when the run does not use it. */
    public int queueNode(int qid) {
        return qid >= 0 && qid < queueNode.length ? queueNode[qid] : -1;
    }

    public int vectorSlots() {
        return vectorCpu.length;
    }

    public int queueSlots() {
        return queueCpu.length;
    }
}
