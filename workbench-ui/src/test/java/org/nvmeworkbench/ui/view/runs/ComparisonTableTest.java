package org.nvmeworkbench.ui.view.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.view.runs.ComparisonTable.Row;
import org.nvmeworkbench.ui.view.runs.ComparisonTable.Verdict;

class ComparisonTableTest {
    /** Coalescing off: one interrupt per completion, 10 000 I/Os in 250 ms, latencies around 100 us. */
    private final RunRecord off = Runs.run(InterruptCoalescing.OFF, 32, 10_000, 10_000, 250_000_000L, 100_000, 4.0);
    /** THR 7 TIME 2: one interrupt per 8 completions, faster and with a lower tail. */
    private final RunRecord thr7 =
            Runs.run(new InterruptCoalescing(7, 2), 32, 10_000, 1_250, 200_000_000L, 90_000, 0.5);
    /** THR 7 TIME 2 again at iodepth 8: slower than THR 7 at 32, more interrupts. */
    private final RunRecord shallow =
            Runs.run(new InterruptCoalescing(7, 2), 8, 10_000, 2_000, 400_000_000L, 120_000, 0.8);

    @Test
    void twoRunsShowOnlyTheSettingThatDiffersAndTheChangeOfEachFigure() {
        ComparisonTable t = ComparisonTable.of(List.of(off, thr7), List.of(thr7, off));

        assertThat(t.runs()).containsExactly(RunComparison.label(0, off), RunComparison.label(1, thr7));
        assertThat(t.sameSettings()).isFalse();
        assertThat(t.settings()).extracting(Row::name).containsExactly("coalescing (read back)");
        Row coalescing = t.settings().get(0);
        assertThat(coalescing.cells()).extracting(ComparisonTable.Cell::value)
                .containsExactly("THR 0 TIME 0, off", "THR 7 TIME 2");
        assertThat(coalescing.cell(1).verdict()).isEqualTo(Verdict.CHANGED);
        assertThat(coalescing.cell(1).detail()).isEqualTo(RunComparison.coalescing(thr7));

        Row perCompletion = t.figure("interrupts / completion");
        assertThat(perCompletion.cell(0).text()).isEqualTo("1.000");
        assertThat(perCompletion.cell(0).verdict()).isEqualTo(Verdict.BASELINE);
        assertThat(perCompletion.cell(1).text()).isEqualTo("0.125 (-87.5%, better)");
        assertThat(t.figure("completions / interrupt").cell(1).text()).isEqualTo("8.00 (+700.0%, better)");
        assertThat(t.figure("interrupts").cell(1).value()).isEqualTo(String.format("%,.0f", 1_250.0));
        assertThat(t.figure("completions").cell(1).text()).isEqualTo(String.format("%,.0f", 10_000.0) + " (same)");
        assertThat(t.figure("completions").cell(1).verdict()).isEqualTo(Verdict.SAME);
        // 10 000 I/Os in 200 ms against 250 ms.
        assertThat(t.figure("IOPS").cell(1).value()).isEqualTo(String.format("%,.0f", 50_000.0));
        assertThat(t.figure("IOPS").cell(1).note()).isEqualTo("+25.0%, better");
        assertThat(t.figure("p99 latency (us)").cell(1).value())
                .isEqualTo(String.format("%.1f", thr7.latency().valueAtPercentile(99) / 1e3));
        assertThat(t.figure("p99 latency (us)").cell(1).verdict()).isEqualTo(Verdict.BETTER);
        assertThat(t.figure("host CPU on interrupts (%)").cell(1).text()).isEqualTo("0.50 (-87.5%, better)");
    }

    @Test
    void threeRunsCompareEachAgainstTheFirstAndListEverySettingThatDiffersAnywhere() {
        ComparisonTable t = ComparisonTable.of(List.of(off, thr7, shallow), List.of(shallow, off, thr7));

        assertThat(t.runs()).hasSize(3).first().isEqualTo(RunComparison.label(0, off));
        // Only the third run differs in iodepth: the row still gives every run its value.
        assertThat(t.settings()).extracting(Row::name).containsExactly("coalescing (read back)", "iodepth");
        Row iodepth = t.settings().get(1);
        assertThat(iodepth.cells()).extracting(ComparisonTable.Cell::value).containsExactly("32", "32", "8");
        assertThat(iodepth.cells()).extracting(ComparisonTable.Cell::verdict)
                .containsExactly(Verdict.BASELINE, Verdict.SAME, Verdict.CHANGED);

        Row perCompletion = t.figure("interrupts / completion");
        assertThat(perCompletion.cells()).extracting(ComparisonTable.Cell::text)
                .containsExactly("1.000", "0.125 (-87.5%, better)", "0.200 (-80.0%, better)");
        // 25 000 IOPS against the baseline's 40 000.
        assertThat(t.figure("IOPS").cell(2).note()).isEqualTo("-37.5%, worse");
        assertThat(t.figure("IOPS").cell(2).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(t.figure("p50 latency (us)").cell(2).verdict()).isEqualTo(Verdict.WORSE);
        assertThat(t.figure("p50 latency (us)").cell(1).verdict()).isEqualTo(Verdict.BETTER);
        assertThat(t.text())
                .contains("interrupts / completion: 1.000 | 0.125 (-87.5%, better) | 0.200 (-80.0%, better)");
    }

    @Test
    void identicalSettingsGiveNoSettingRowsAndAZeroBaselineGivesNoPercentage() {
        RunRecord polled = Runs.run(InterruptCoalescing.OFF, 32, 10_000, 0, 250_000_000L, 100_000, 0);
        ComparisonTable t = ComparisonTable.of(List.of(polled, off), List.of(polled, off));

        assertThat(t.sameSettings()).isTrue();
        assertThat(t.text()).contains(ComparisonTable.SAME_SETTINGS);
        // No percentage of zero interrupts, but still a verdict in words.
        assertThat(t.figure("interrupts").cell(1).note()).isEqualTo("worse");
    }

    @Test
    void fewerThanTwoRunsIsRefusedInASentence() {
        assertThatThrownBy(() -> ComparisonTable.of(List.of(off), List.of(off)))
                .hasMessage("A comparison needs two runs or more, not 1.");
    }
}
