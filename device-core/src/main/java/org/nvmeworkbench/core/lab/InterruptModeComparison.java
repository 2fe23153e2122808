package org.nvmeworkbench.core.lab;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.workload.RunResult;

/**
 * The same workload under pin-based, MSI and MSI-X interrupts, each on a fresh simulator, with the
 * figures of the real runs and what the host has to do in each mode ("why MSI-X").
 */
public final class InterruptModeComparison {

    /**
     * One mode's run.
     *
     * @param vectorsUsed vectors that carried the workload's interrupts (PIN: the one line)
     * @param hostDuties  what the host must do in this mode, one sentence
     */
    public record ModeFigures(InterruptMode mode, List<Integer> vectorsUsed, long interrupts, double interruptsPerSecond,
                              double completionsPerInterrupt, double iops, long readP99Nanos, double hostIrqCpuPct,
                              String hostDuties, LabRun run) {
    }

    private InterruptModeComparison() {
    }

    /** Runs {@code plan}'s first run (no reruns) under PIN, MSI and MSI-X, as fast as possible. */
    public static List<ModeFigures> run(ScenarioPlan plan) {
        List<ModeFigures> out = new ArrayList<>();
        for (InterruptMode m : List.of(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX)) {
            ScenarioPlan p = plan.withInterruptMode(m).withSpeed(0).withCoalescing(plan.workload().coalescing());
            try (ScenarioRunner r = new ScenarioRunner(p)) {
                LabRun run = r.runAll().get(0);
                RunResult res = run.result();
                List<Integer> used = new ArrayList<>();
                for (RunResult.VectorCount v : res.vectors()) {
                    if (v.count() > 0) {
                        used.add(v.iv());
                    }
                }
                out.add(new ModeFigures(m, used, res.totalInterrupts(), run.interruptsPerSecond(),
                        res.completionsPerInterrupt(), res.iops(), run.readPercentileNanos(99), res.hostIrqCpuPct(),
                        duties(m, used.size(), plan.workload().queues()), run));
            }
        }
        return out;
    }

    /** What the host must do in mode {@code m} (reference/nvme.md, "MSI, MSI-X, pin-based"). */
    static String duties(InterruptMode m, int vectors, int queues) {
        switch (m) {
            case PIN:
                return "One shared, level-triggered line for all " + queues + " queue(s): on every interrupt the host "
                        + "must read every completion queue to find the work, and masks the line with INTMS/INTMC.";
            case MSI:
                return "Up to 32 contiguous vectors (a power of two) written as messages, here " + vectors
                        + " in use: a queue's interrupt names its queue; masking is per function, INTMS/INTMC still apply.";
            default:
                return "A vector per queue (" + vectors + " in use) from a table in BAR memory, each with its own mask bit "
                        + "and a pending bit in the PBA: the host reads only the queue that signalled and can steer it to a core.";
        }
    }
}
