package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.cli.CliRunForReports;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.TimeSample;

/** A 12.5-hour run (450,000 samples of 100 ms) must make a report of a few MB, not 525 MB. */
class LongRunReportTest {
    @TempDir
    Path dir;

    @Test
    void aLongTimeSeriesIsDrawnThinnedAndSaysSo() {
        RunRecord shortRun = CliRunForReports.record(dir);
        List<TimeSample> series = new ArrayList<>();
        for (int i = 0; i < 450_000; i++) {
            series.add(new TimeSample((i + 1) * 100_000_000L, 290_000 + (i % 7) * 1000, 30_000, 90_000, 250_000 + (i == 300_000 ? 5_000_000 : 0), 32));
        }
        RunRecord longRun = new RunRecord(shortRun.toolVersion(), shortRun.startedAt(), 45_000_000_000_000L, shortRun.seed(),
                shortRun.device(), shortRun.workload(), shortRun.features(), shortRun.totals(), shortRun.latency(),
                shortRun.readLatency(), shortRun.writeLatency(), shortRun.vectors(), shortRun.completionsPerInterrupt(),
                shortRun.hostIrqCpuPct(), series);
        String html = HtmlExporter.html(ReportModel.of(List.of(longRun)));
        assertThat(html.length()).isLessThan(5_000_000);
        assertThat(html).contains("450,000 samples");
        List<TimeSample> drawn = TimeSeriesThinning.forChart(series);
        assertThat(drawn.size()).isLessThanOrEqualTo(TimeSeriesThinning.MAX_POINTS);
        // The worst p99 survives the thinning: a spike must not vanish from the chart.
        assertThat(drawn.stream().mapToLong(TimeSample::p99Nanos).max().orElse(0)).isEqualTo(5_250_000);
    }
}
