package org.nvmeworkbench.core.host;

/**
 * The host's CPUs and NUMA nodes, numbered as Linux numbers them on a common two-socket server: node n holds
 * the consecutive CPUs {@code n*cpusPerNode .. (n+1)*cpusPerNode-1}.
 *
 * @param cpus       online CPUs
 * @param nodes      NUMA nodes (sockets)
 * @param deviceNode the node the NVMe function hangs off (its PCIe root port's socket)
 */
public record HostTopology(int cpus, int nodes, int deviceNode) {
    public HostTopology {
        if (cpus < 1 || cpus > CpuSet.MAX_CPU + 1) {
            throw new IllegalArgumentException("A host has 1 to " + (CpuSet.MAX_CPU + 1) + " CPUs, not " + cpus + ".");
        }
        if (nodes < 1 || nodes > cpus) {
            throw new IllegalArgumentException("A host of " + cpus + " CPUs has 1 to " + cpus + " NUMA nodes, not " + nodes + ".");
        }
        if (deviceNode < 0 || deviceNode >= nodes) {
            throw new IllegalArgumentException("The device's NUMA node must be one of the host's 0.." + (nodes - 1)
                    + ", not " + deviceNode + ".");
        }
    }

    public int cpusPerNode() {
        return (cpus + nodes - 1) / nodes;
    }

    public int nodeOf(int cpu) {
        return cpu / cpusPerNode();
    }

    /** Every CPU of the host. */
    public CpuSet all() {
        return CpuSet.range(cpus);
    }

    /** The CPUs of {@code nodeSet}'s nodes. */
    public CpuSet cpusOf(CpuSet nodeSet) {
        int[] ids = new int[cpus];
        int n = 0;
        for (int c = 0; c < cpus; c++) {
            if (nodeSet.contains(nodeOf(c))) {
                ids[n++] = c;
            }
        }
        return CpuSet.of(java.util.Arrays.copyOf(ids, n));
    }

    @Override
    public String toString() {
        return cpus + " CPUs in " + nodes + (nodes == 1 ? " NUMA node" : " NUMA nodes") + ", device on node " + deviceNode;
    }
}
