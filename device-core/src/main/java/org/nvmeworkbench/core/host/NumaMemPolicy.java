package org.nvmeworkbench.core.host;

import java.util.Locale;

/**
 * fio's {@code numa_mem_policy}: "{@code <mode>[:<nodelist>]}. mode is one of the following memory policies:
 * default, prefer, bind, interleave or local. For default and local memory policies, no node needs to be
 * specified. For prefer, only one node is allowed. For bind and interleave the nodelist may be ... a comma
 * delimited list of numbers, A-B ranges, or all" (fio HOWTO). Here it decides the node of each queue's DMA
 * memory (rings and data buffers): default and local put it on the node of the CPU that reaps the queue (the
 * thread touches it first), prefer and bind on the first node named, interleave round the list queue by queue.
 *
 * @param mode  the policy
 * @param nodes the node list; null for default and local, or for {@code all} (every node of the host)
 */
public record NumaMemPolicy(Mode mode, CpuSet nodes) {
    public enum Mode { DEFAULT, PREFER, BIND, INTERLEAVE, LOCAL }

    public static final NumaMemPolicy DEFAULT = new NumaMemPolicy(Mode.DEFAULT, null);

    /** The node of the {@code i}-th queue's memory, reaped on node {@code reaperNode} of a host of {@code hostNodes}. */
    public int nodeOf(int i, int reaperNode, int hostNodes) {
        switch (mode) {
            case PREFER:
            case BIND:
                return nodes == null ? 0 : nodes.get(0);
            case INTERLEAVE:
                return nodes == null ? i % hostNodes : nodes.get(i % nodes.size());
            default:
                return reaperNode;
        }
    }

    public static NumaMemPolicy parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String m = colon < 0 ? t : t.substring(0, colon);
        String list = colon < 0 ? null : t.substring(colon + 1).strip();
        Mode mode = null;
        for (Mode each : Mode.values()) {
            if (each.name().toLowerCase(Locale.ROOT).equals(m)) {
                mode = each;
            }
        }
        String said = "numa_mem_policy=" + (text == null ? "" : text.strip());
        if (mode == null) {
            throw new IllegalArgumentException(said + " is not default, local, prefer:N, bind:NODES or interleave:NODES.");
        }
        if (mode == Mode.DEFAULT || mode == Mode.LOCAL) {
            if (list != null) {
                throw new IllegalArgumentException(said + ": " + m + " takes no node list.");
            }
            return new NumaMemPolicy(mode, null);
        }
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(said + ": " + m + " needs a node list, e.g. " + m + ":0.");
        }
        CpuSet nodes = list.equals("all") ? null : CpuSet.parse(list, "numa_mem_policy");
        if (mode == Mode.PREFER && (nodes == null || nodes.size() != 1)) {
            throw new IllegalArgumentException(said + ": prefer takes exactly one node.");
        }
        return new NumaMemPolicy(mode, nodes);
    }

    @Override
    public String toString() {
        String m = mode.name().toLowerCase(Locale.ROOT);
        if (mode == Mode.DEFAULT || mode == Mode.LOCAL) {
            return m;
        }
        return m + ":" + (nodes == null ? "all" : nodes.toString());
    }
}
