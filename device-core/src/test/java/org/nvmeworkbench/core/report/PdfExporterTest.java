package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.RunRecord;

class PdfExporterTest {
    private static byte[] pdf(ReportModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfExporter().export(m, out);
        return out.toByteArray();
    }

    @Test
    void statesTheRunsProvenanceAndItsPercentilesAsText() throws IOException {
        RunRecord run = SampleRuns.run(80_000, 7, 2, 2_600);
        ReportModel m = new ReportModel("One run", Instant.parse("2025-03-04T06:00:00Z"), List.of(run), List.of("thr7"));
        PdfText pdf = PdfText.read(pdf(m));

        assertThat(pdf.text()).contains("One run", "Provenance", "NVMe Workbench \"Sim\" <Controller>", "FW1.2.3",
                "rw=randread bs=4096 iodepth=32", "THR 7", "0.1.0-test", "2025-03-04T05:06:07Z");
        // The p99 and the deepest nine, in the words the HTML report uses.
        assertThat(pdf.text()).contains(Figures.latency(run.latency().valueAtPercentile(99)))
                .contains("99.9999").contains(Figures.latency(run.latency().valueAtPercentile(99.9999)));
        assertThat(pdf.text()).contains("Interrupts per MSI-X vector", "Completions per interrupt", "Interrupt CPU share",
                "of one CPU spent in interrupt handling");
    }

    @Test
    void drawsItsChartsAsVectorPathsNotImages() throws IOException {
        PdfText pdf = PdfText.read(pdf(SampleRuns.two()));

        assertThat(pdf.images()).isZero();
        // Histogram, spectrum and time series: each a form full of path operators.
        assertThat(pdf.formPathOperators()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> assertThat(n).isGreaterThan(50));
        // The charts' own labels are text, not pixels.
        assertThat(pdf.text()).contains("Latency histogram", "Percentile spectrum", "Device time (s)");
    }

    @Test
    void comparesSeveralRunsWithDeltasAgainstTheFirst() throws IOException {
        ReportModel m = SampleRuns.two();
        PdfText pdf = PdfText.read(pdf(m));

        long p99a = m.runs().get(0).latency().valueAtPercentile(99);
        long p99b = m.runs().get(1).latency().valueAtPercentile(99);
        assertThat(pdf.text()).contains("Comparison", "thr7, time2 vs off", Figures.delta(p99a, p99b, true));
    }

    @Test
    void isBinaryAndNamedPdf() {
        PdfExporter e = new PdfExporter();
        assertThat(e.binary()).isTrue();
        assertThat(e.formatId()).isEqualTo("pdf");
        assertThat(new HtmlExporter().binary()).isFalse();
    }
}
