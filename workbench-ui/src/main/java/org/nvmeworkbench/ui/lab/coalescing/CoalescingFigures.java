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
 * @param on  one line per run of the scenario with its coalescing
 * @param off one line for the run with coalescing off
 */
public record CoalescingFigures(List<String> on, String off) {

    public CoalescingFigures {
        on = List.copyOf(on);
    }

    /** Runs the comparisons: call it away from the FX thread (a few seconds for the largest scenario). */
    static CoalescingFigures compute(ScenarioPlan plan) {
        CoalescingComparison first = CoalescingComparison.run(plan);
        List<String> on = new ArrayList<>();
        on.add(line(first.withCoalescing()));
        for (ScenarioPlan.Rerun r : plan.reruns()) {
            on.add(line(CoalescingComparison.run(plan.withCoalescing(r.coalescing())).withCoalescing(), r.label()));
        }
        return new CoalescingFigures(on, line(first.withoutCoalescing()));
    }

    static String line(LabRun run) {
        return line(run, null);
    }

    /** "4.0 completions/interrupt, 18,783 interrupts/s, read p99 144.3 us" (with the rerun's label first). */
    static String line(LabRun run, String label) {
        String figures = String.format(Locale.ROOT, "%.1f completions/interrupt,  %,.0f interrupts/s,  read p99 %.1f us",
                run.result().completionsPerInterrupt(), run.interruptsPerSecond(), run.readPercentileNanos(99) / 1e3);
        return label == null ? figures : label + ":  " + figures;
    }
}
