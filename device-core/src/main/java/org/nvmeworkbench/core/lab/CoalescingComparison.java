package org.nvmeworkbench.core.lab;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The same workload with the scenario's coalescing and with coalescing off, each on a fresh simulator,
 * side by side: both runs and both scenes (gatherings per vector), as fast as possible.
 */
public record CoalescingComparison(LabRun withCoalescing, CoalescingScene scene, LabRun withoutCoalescing,
                                   CoalescingScene sceneOff) {

    public static CoalescingComparison run(ScenarioPlan plan) {
        ScenarioPlan on = plan.withSpeed(0).withCoalescing(plan.workload().coalescing());
        ScenarioPlan off = plan.withSpeed(0).withCoalescing(InterruptCoalescing.OFF);
        try (ScenarioRunner a = new ScenarioRunner(on); ScenarioRunner b = new ScenarioRunner(off)) {
            LabRun ra = a.runAll().get(0);
            LabRun rb = b.runAll().get(0);
            return new CoalescingComparison(ra, a.coalescing(), rb, b.coalescing());
        }
    }

    /**
     * The model's figures for the claims a scenario checks: interrupt response, p99 read latency,
     * interrupt CPU and completions per interrupt, off -> on, in one paragraph.
     */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "The model gives: interrupt response %.1f -> %.1f us, read p99 %.1f -> %.1f us, interrupt CPU %.1f%% -> %.1f%%, "
                        + "completions per interrupt %.1f -> %.1f (coalescing off -> %s).",
                withoutCoalescing.meanInterruptResponse() / 1e3, withCoalescing.meanInterruptResponse() / 1e3,
                withoutCoalescing.readPercentileNanos(99) / 1e3, withCoalescing.readPercentileNanos(99) / 1e3,
                withoutCoalescing.result().hostIrqCpuPct(), withCoalescing.result().hostIrqCpuPct(),
                withoutCoalescing.result().completionsPerInterrupt(), withCoalescing.result().completionsPerInterrupt(),
                withCoalescing.result().workload().coalescing() < 0 ? "device's own"
                        : InterruptCoalescing.fromCdw11(withCoalescing.result().workload().coalescing()).describe());
    }
}
