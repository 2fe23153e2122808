package org.nvmeworkbench.ui.lab.coalescing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nvmeworkbench.core.lab.CoalescingComparison;
import org.nvmeworkbench.core.lab.LabRun;
import org.nvmeworkbench.core.lab.ScenarioPlan;

/**
 * The figures under the scene, from real runs: for the scenario's first run and each rerun, the same
 * plan played at full speed on fresh simulators with its coalescing and with coalescing off
 * ({@link CoalescingComparison}). Same seed and device time as the paced scene, so the same events.
 *
 * @param on  one row per run of the scenario with its coalescing
 * @param off the run with coalescing off
 */
public record CoalescingFigures(List<Row> on, Row off) {

    /** One run's figures, as a table row. */
    public record Row(String run, double completionsPerInterrupt, double interruptsPerSecond, long readP99Nanos) {

        static Row of(String run, LabRun r) {
            return new Row(run, r.result().completionsPerInterrupt(), r.interruptsPerSecond(), r.readPercentileNanos(99));
        }

        public String completionsPerInterruptText() {
            return String.format(Locale.ROOT, "%.1f", completionsPerInterrupt);
        }

        public String interruptsPerSecondText() {
            return String.format(Locale.ROOT, "%,.0f", interruptsPerSecond);
        }

        public String p99Text() {
            return String.format(Locale.ROOT, "%.1f us", readP99Nanos / 1e3);
        }
    }

    public CoalescingFigures {
        on = List.copyOf(on);
    }

    /** Runs the comparisons: call it away from the FX thread (a few seconds for the largest scenario). */
    static CoalescingFigures compute(ScenarioPlan plan) {
        CoalescingComparison first = CoalescingComparison.run(plan);
        List<Row> on = new ArrayList<>();
        on.add(Row.of(plan.reruns().isEmpty() ? "as set" : "as set (first run)", first.withCoalescing()));
        for (ScenarioPlan.Rerun r : plan.reruns()) {
            on.add(Row.of(r.label(), CoalescingComparison.run(plan.withCoalescing(r.coalescing())).withCoalescing()));
        }
        return new CoalescingFigures(on, Row.of("coalescing off", first.withoutCoalescing()));
    }
}
