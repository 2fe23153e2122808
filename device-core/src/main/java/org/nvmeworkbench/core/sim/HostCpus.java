package org.nvmeworkbench.core.sim;

import org.nvmeworkbench.core.host.HostTopology;

/**
 * The simulated host's CPUs and what it costs to hand an interrupt from one core to another, used when a run
 * places its queues and vectors on cores ({@link org.nvmeworkbench.core.host.CorePlan}). The figures, and
 * where they come from (docs/cpu-affinity.md lists them too):
 * <ul>
 * <li>{@code ipiNanos}, from the interrupted core's wake-up of a thread on another core (a reschedule
 * inter-processor interrupt, an APIC ICR write) to that thread running: 1.5 us. Measured IPI round trips on
 * x86 are 1-3 us ("Inter-Processor Interrupts", onedfrk newsletter, 2026-05-25: "an IPI takes ~1-3
 * microseconds round-trip"; the sgx-step APIC IPI microbenchmarks, AEX-Notify paper appendix A, measure the
 * cycles from the ICR write to the remote handler). A wake-up is one way; we take the middle of 1-2 us.</li>
 * <li>{@code lineNanos}, one cache line moved from another core's cache on the same socket: 100 ns. Intel's
 * Memory Latency Checker gives 40-42 ns L2-to-L2 modified intervention on a 10-core Broadwell-EP (Intel
 * Community, "Core-to-Core Communication Latency in Skylake/Kaby Lake"); chipsandcheese's "Core to Core Latency
 * Data on Large Systems" (2023) finds large server parts well above that, up to about 100 ns inside a socket.
 * We take the upper figure, as our hosts are the large ones.</li>
 * <li>{@code crossNodeLineNanos}, the same across sockets: 200 ns, twice the figure inside one (the same
 * sources show cross-socket transfers at roughly twice to three times the in-socket ones).</li>
 * <li>{@code linesPerWakeup}, lines a cross-core hand-off moves: 2, the eventfd counter the interrupt side
 * writes and the waiting thread's wait-queue entry / run-queue slot. The completion entries themselves are
 * written by the device's DMA, not by another core, so they cost the same wherever they are reaped.</li>
 * <li>{@code remoteMemoryNanos}, extra per completion reaped by a core on another node than the queue's DMA
 * memory (reading the CQE and touching the data buffer remotely): 60 ns, the difference between remote
 * (~130 ns) and local (~70 ns) DRAM latency on current two-socket servers (Velten et al., "Memory
 * Performance of AMD EPYC Rome and Intel Cascade Lake SP Server Processors", ICPE 2022, report the same
 * order).</li>
 * </ul>
 * These are assumptions from published measurements of other machines, not measurements of this model's
 * host; they are the model's knobs and are printed with every placed run.
 *
 * @param topology host CPUs and nodes; the default is a two-socket host of 16 CPUs, the device on node 0
 */
public record HostCpus(HostTopology topology, long ipiNanos, long lineNanos, long crossNodeLineNanos,
                       int linesPerWakeup, long remoteMemoryNanos) {

    public static final HostCpus DEFAULT = new HostCpus(new HostTopology(16, 2, 0), 1_500, 100, 200, 2, 60);

    public HostCpus {
        if (topology == null) {
            throw new IllegalArgumentException("A host needs its CPUs and nodes.");
        }
        if (ipiNanos < 0 || lineNanos < 0 || crossNodeLineNanos < 0 || linesPerWakeup < 0 || remoteMemoryNanos < 0) {
            throw new IllegalArgumentException("Cross-core costs cannot be negative.");
        }
    }

    /** The same costs on another topology. */
    public HostCpus withTopology(HostTopology t) {
        return new HostCpus(t, ipiNanos, lineNanos, crossNodeLineNanos, linesPerWakeup, remoteMemoryNanos);
    }

    /** One line moved from {@code fromCpu}'s cache to {@code toCpu}'s. */
    long lineBetween(int fromCpu, int toCpu) {
        return topology.nodeOf(fromCpu) == topology.nodeOf(toCpu) ? lineNanos : crossNodeLineNanos;
    }
}
