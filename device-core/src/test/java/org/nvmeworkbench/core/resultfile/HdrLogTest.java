package org.nvmeworkbench.core.resultfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.report.HlogExporter;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.report.SampleRuns;

class HdrLogTest {

    @Test
    void ourOwnLogGivesOneRunPerTagInNanoseconds(@TempDir Path dir) throws Exception {
        ReportModel m = SampleRuns.two();
        Path log = dir.resolve("two.hlog");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HlogExporter().export(m, out);
        Files.write(log, out.toByteArray());

        ResultListing l = ResultFiles.open(List.of(log));
        assertThat(l.problems()).isEmpty();
        assertThat(l.files().get(0).kind()).isEqualTo(ResultKind.HDR_HISTOGRAM_LOG);
        assertThat(l.labels()).containsExactly("HdrHistogram log two off", "HdrHistogram log two thr7_time2");
        for (int i = 0; i < 2; i++) {
            RunRecord back = l.records().get(i);
            RunRecord orig = m.runs().get(i);
            assertThat(back.latency().count()).isEqualTo(orig.latency().count());
            for (double p : new double[] {50, 99, 99.9}) {
                assertThat(back.latency().valueAtPercentile(p)).isEqualTo(orig.latency().valueAtPercentile(p));
            }
            assertThat(back.startedAt()).isEqualTo(orig.startedAt());
            assertThat(back.durationNanos()).isEqualTo(orig.durationNanos());
            assertThat(back.origin().source()).isEqualTo(RunOrigin.Source.HDR_HISTOGRAM);
            assertThat(back.interruptsMeasured()).isFalse();
            assertThat(back.hostIrqCpuPct()).isNaN();
            assertThat(back.notes()).noneMatch(n -> n.contains("unit"));
            assertThat(back.timeSeries()).hasSize(1);
            assertThat(back.timeSeries().get(0).interruptsPerSecond()).isNaN();
        }
    }

    @Test
    void anHdrHistogramWriterLogInMicrosecondsIsConvertedAndItsIntervalsFormTheTimeSeries(@TempDir Path dir) throws Exception {
        long base = Instant.parse("2026-01-02T03:04:05Z").toEpochMilli();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        HistogramLogWriter w = new HistogramLogWriter(ps);
        w.outputComment("[service latency; values in us]");
        w.outputLogFormatVersion();
        w.outputStartTime(base);
        w.setBaseTime(base);
        w.outputBaseTime(base);
        w.outputLegend();
        Histogram total = new Histogram(3_600_000_000L, 3);
        for (int s = 0; s < 3; s++) {
            Histogram h = new Histogram(3_600_000_000L, 3);
            for (int i = 0; i < 1000 * (s + 1); i++) {
                h.recordValue(100 + i % 50 + s * 10); // us
            }
            total.add(h);
            h.setStartTimeStamp(base + s * 1000L);
            h.setEndTimeStamp(base + (s + 1) * 1000L);
            w.outputIntervalHistogram(h);
        }
        Path log = dir.resolve("service.log"); // not .hlog: the content decides
        Files.write(log, bytes.toByteArray());

        ResultListing l = ResultFiles.open(List.of(log));
        assertThat(l.problems()).isEmpty();
        RunRecord r = l.records().get(0);
        assertThat(l.labels()).containsExactly("HdrHistogram log service");
        assertThat(r.latency().count()).isEqualTo(6000);
        assertThat((double) r.latency().valueAtPercentile(99)).isCloseTo(total.getValueAtPercentile(99) * 1000.0,
                within(total.getValueAtPercentile(99) * 1000.0 / 500));
        assertThat(r.startedAt()).isEqualTo(Instant.ofEpochMilli(base));
        assertThat(r.durationNanos()).isEqualTo(3_000_000_000L);
        assertThat(r.timeSeries()).hasSize(3);
        assertThat(r.timeSeries()).extracting(t -> t.iops()).containsExactly(1000.0, 2000.0, 3000.0);
        assertThat(r.timeSeries().get(2).atNanos()).isEqualTo(3_000_000_000L);
        assertThat(r.notes()).anyMatch(n -> n.contains("in us and were converted"));
    }

    @Test
    void aLogThatDoesNotSayItsUnitIsTakenAsNanosecondsAndSaysSo(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter w = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Histogram h = new Histogram(3);
        h.recordValueWithCount(5_000, 10);
        h.setStartTimeStamp(0);
        h.setEndTimeStamp(2000);
        w.outputIntervalHistogram(h);
        Path log = dir.resolve("bare.hlog");
        Files.write(log, bytes.toByteArray());
        RunRecord r = ResultFiles.open(List.of(log)).records().get(0);
        assertThat(r.latency().valueAtPercentile(50)).isEqualTo(h.getValueAtPercentile(50));
        assertThat(r.notes()).anyMatch(n -> n.contains("taken as nanoseconds")).anyMatch(n -> n.contains("start time is unknown"));
    }

    @Test
    void aDamagedIntervalIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HlogExporter().export(SampleRuns.two(), out);
        List<String> lines = new java.util.ArrayList<>(new String(out.toByteArray(), StandardCharsets.UTF_8).lines().toList());
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).substring(0, lines.get(last).length() / 2) + "!!");
        Path log = dir.resolve("cut.hlog");
        Files.write(log, lines);
        ResultListing l = ResultFiles.open(List.of(log));
        assertThat(l.problems()).containsExactly(log + " is a damaged HdrHistogram log at line " + (last + 1)
                + ": an interval's histogram cannot be decoded.");
    }
}
