package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** HTML and PDF draw the same run charts with the same captions; the time series only where there is one. */
class ReportChartsTest {
    private static final String HISTOGRAM = "Share of I/Os per latency bucket (log scale).";
    private static final String SPECTRUM = "Percentile spectrum: each decade to the right is one more nine.";
    private static final String SERIES = "IOPS, p50 (solid) and p99 (dashed) latency, and interrupts per second of device time.";

    private static final ReportModel NO_SERIES = new ReportModel("No series", Instant.parse("2025-03-04T06:00:00Z"),
            List.of(SampleRuns.run(80_000, 0, 0, 20_000, 0)), List.of("off"));

    private static byte[] export(ReportExporter e, ReportModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.export(m, out);
        return out.toByteArray();
    }

    /** The captions of the charts section, then its SVGs' id prefixes and heights. */
    private static List<String> htmlCaptions(ReportModel m) throws IOException {
        String html = new String(export(new HtmlExporter(), m), StandardCharsets.UTF_8);
        String charts = html.substring(html.indexOf("<section id=\"charts\">"));
        charts = charts.substring(0, charts.indexOf("</section>"));
        List<String> captions = new ArrayList<>();
        Matcher c = Pattern.compile("<figcaption>(.*?)</figcaption>").matcher(charts);
        while (c.find()) {
            captions.add(c.group(1));
        }
        // Each chart's SVG id prefix and height, e.g. "hist 420.0".
        Matcher svg = Pattern.compile("<svg id='(\\w+)-chart'[^>]* height='([0-9.]+)'").matcher(charts);
        List<String> svgs = new ArrayList<>();
        while (svg.find()) {
            svgs.add(svg.group(1) + " " + svg.group(2));
        }
        captions.add(String.join(", ", svgs));
        return captions;
    }

    @Test
    void htmlDrawsTheTimeSeriesOnlyWhenARunRecordedOne() throws IOException {
        assertThat(htmlCaptions(SampleRuns.two())).containsExactly(HISTOGRAM, SPECTRUM, SERIES, "hist 420.0, spec 420.0, time 620.0");
        assertThat(htmlCaptions(NO_SERIES)).containsExactly(HISTOGRAM, SPECTRUM, "hist 420.0, spec 420.0");
    }

    @Test
    void pdfCaptionsTheSameCharts() throws IOException {
        String two = PdfText.read(export(new PdfExporter(), SampleRuns.two())).text().replaceAll("\\s+", " ");
        assertThat(two).contains(HISTOGRAM, SPECTRUM, SERIES);
        String none = PdfText.read(export(new PdfExporter(), NO_SERIES)).text().replaceAll("\\s+", " ");
        assertThat(none).contains(HISTOGRAM, SPECTRUM).doesNotContain(SERIES);
    }
}
