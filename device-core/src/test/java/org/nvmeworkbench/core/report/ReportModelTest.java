package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportModelTest {
    @Test
    void percentileTableHoldsFiosDefaultListAndTheNines() {
        List<ReportModel.PercentileRow> rows = SampleRuns.two().percentileTable();
        assertThat(rows).extracting(ReportModel.PercentileRow::percentile).containsExactly(1.0, 5.0, 10.0, 20.0, 30.0, 40.0,
                50.0, 60.0, 70.0, 80.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999);
    }

    @Test
    void percentileValuesComeFromEachRunsHistogram() {
        ReportModel m = SampleRuns.two();
        for (ReportModel.PercentileRow r : m.percentileTable()) {
            assertThat(r.nanos()[0]).isEqualTo(m.runs().get(0).latency().valueAtPercentile(r.percentile()));
            assertThat(r.nanos()[1]).isEqualTo(m.runs().get(1).latency().valueAtPercentile(r.percentile()));
        }
        assertThat(m.percentileTable().get(18).nanos()[0]).isGreaterThan(1_000_000); // the 20x tail
    }

    @Test
    void comparisonDeltasAreAgainstTheFirstRun() {
        ReportModel.Metric irq = SampleRuns.two().summary().stream().filter(x -> x.metric().equals("Interrupts")).findFirst()
                .orElseThrow();
        assertThat(irq.delta(1)).isEqualTo("-17,400 (-87.0 %)");
        ReportModel.Metric p50 = SampleRuns.two().summary().stream().filter(x -> x.metric().equals("p50")).findFirst().orElseThrow();
        assertThat(p50.delta(1)).startsWith("+15.0 us");
    }

    @Test
    void provenanceNamesFirmwareFeaturesSeedAndTool() {
        List<ReportModel.Field> f = SampleRuns.two().provenance(1);
        assertThat(f).contains(new ReportModel.Field("Firmware", "FW1.2.3"), new ReportModel.Field("Seed", "7"),
                new ReportModel.Field("Tool version", "0.1.0-test"), new ReportModel.Field("Started", "2025-03-04T05:06:07Z"));
        assertThat(f).anySatisfy(x -> assertThat(x.value()).contains("THR 7 = signal after 8 completions"));
        assertThat(f).anySatisfy(x -> assertThat(x.value()).contains("rw=randread bs=4096 iodepth=32"));
    }

    @Test
    void vectorRowsCarryRateAndShare() {
        ReportModel.VectorRow v = SampleRuns.two().vectorTable().get(1);
        assertThat(v.run()).isEqualTo(1);
        assertThat(v.interruptsPerSecond()).isCloseTo(866.67, org.assertj.core.api.Assertions.within(0.01));
        assertThat(v.shareOfInterrupts()).isEqualTo(100.0);
    }

    @Test
    void aReportNeedsARunAndOneLabelEach() {
        assertThatThrownBy(() -> ReportModel.of(List.of())).hasMessage("A report needs at least one run.");
    }
}
