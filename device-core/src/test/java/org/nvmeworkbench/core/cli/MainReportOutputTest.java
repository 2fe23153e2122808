package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.report.PdfText;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

/** run, sweep and report writing report formats through Main, as a user types them. */
class MainReportOutputTest {
    @TempDir
    Path dir;

    @Test
    void runWritesAPdfReportWithItsOwnP99() throws Exception {
        Path pdf = dir.resolve("run.pdf");
        Path saved = dir.resolve("run.json");
        CliRun r = CliRun.of("run", "-d", "sim:tlc", "--ios", "3000", "--coalesce", "3,1", "--save-run", saved.toString(),
                "--output-format", "pdf", "--output", pdf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Wrote pdf report to " + pdf);
        RunRecord rec = RunStore.load(saved);
        PdfText text = PdfText.read(Files.readAllBytes(pdf));
        assertThat(text.text()).contains(rec.device().model(), Figures.latency(rec.latency().valueAtPercentile(99)), "THR 3, TIME 1");
        assertThat(text.images()).isZero();
    }

    @Test
    void aBinaryFormatWithoutAFileIsAUsageErrorBeforeAnythingRuns() {
        CliRun r = CliRun.of("run", "--ios", "100", "-o", "pdf");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("The pdf format is binary: write it to a file with --output FILE.pdf.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownOutputFormatNamesTheChoices() {
        CliRun r = CliRun.of("run", "--ios", "100", "-o", "docx");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err()).contains("There is no output format 'docx': use normal, json or a report format (")
                .contains("html").contains("pdf");
    }

    @Test
    void runWritesTextFormatsToStdout() {
        CliRun r = CliRun.of("run", "--ios", "500", "-o", "html");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("percentile-table");
    }

    @Test
    void sweepWritesItsRecommendationAndChartsAsPdf() throws Exception {
        Path pdf = dir.resolve("sweep.pdf");
        CliRun r = CliRun.of("sweep", "-d", "sim:tlc", "--thr", "0,7", "--time", "0,2", "--ios", "2000", "--slo-p99", "10ms",
                "--output-format", "pdf", "--output", pdf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        PdfText text = PdfText.read(Files.readAllBytes(pdf));
        assertThat(text.text()).contains("Sweep and recommendation", "meets p99", "Comparison");
        assertThat(text.images()).isZero();
        // Pareto, heatmap, histogram, spectrum, time series.
        assertThat(text.formPathOperators()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void reportWritesSavedRunsAsPdf() throws Exception {
        Path a = dir.resolve("a.json");
        assertThat(CliRun.of("run", "--ios", "1000", "--save-run", a.toString()).exit()).isZero();
        Path pdf = dir.resolve("a.pdf");
        CliRun r = CliRun.of("report", a.toString(), "-o", "pdf", "--output", pdf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(PdfText.read(Files.readAllBytes(pdf)).text()).contains("Completion latency percentiles");
        CliRun stdout = CliRun.of("report", a.toString(), "--format", "pdf");
        assertThat(stdout.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(stdout.err()).contains("A pdf report is binary: write it to a file with --output FILE.pdf.");
    }

    @Test
    void reportTakesMinusOAsTheOutputFormatLikeEveryOtherCommandAndNeverWritesAFileNamedJson() throws Exception {
        Path a = dir.resolve("a.json");
        assertThat(CliRun.of("run", "--ios", "500", "--save-run", a.toString()).exit()).isZero();

        CliRun csv = CliRun.of("report", a.toString(), "-o", "csv");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("section,");

        CliRun fio = CliRun.of("report", a.toString(), "--output-format", "fio-json");
        assertThat(fio.exit()).as(fio.err()).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(fio.out()).path("jobs").size()).isEqualTo(1);

        CliRun json = CliRun.of("report", a.toString(), "-o", "json");
        assertThat(json.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(json.oneLineError()).as(json.err()).isTrue();
        assertThat(json.err()).contains("-o fio-json");
        assertThat(json.out()).isEmpty();
        assertThat(Files.exists(Path.of("json"))).isFalse();
        assertThat(Files.exists(dir.resolve("json"))).isFalse();

        // The old spelling, -o FILE, is told where the file option went instead of writing anything.
        Path html = dir.resolve("out.html");
        CliRun old = CliRun.of("report", a.toString(), "-o", html.toString());
        assertThat(old.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(old.err()).contains("-o is the output format").contains("--output " + html);
        assertThat(Files.exists(html)).isFalse();
    }
}
