package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.TimeSample;

/**
 * One tidy CSV (RFC 4180) with a section column, so a spreadsheet or pandas can filter and pivot it:
 * {@code section,run,key,metric,value}. Sections: {@code summary} (key empty), {@code percentile} (key =
 * percentile, metric clat_ns), {@code series} (key = seconds of device time; iops, p50_ns, p99_ns,
 * interrupts_per_s) and {@code vector} (key = IV; interrupts, completions, completions_per_interrupt).
 */
public final class CsvExporter implements ReportExporter {
    public static final String HEADER = "section,run,key,metric,value";

    @Override
    public String formatId() {
        return "csv";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String description() {
        return "CSV: summary, percentile table, time series (every 100 ms) and per-vector counts in one table";
    }

    @Override
    public void export(ReportModel model, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER + "\r\n");
        for (int i = 0; i < model.size(); i++) {
            String run = model.labels().get(i);
            RunRecord r = model.runs().get(i);
            for (ReportModel.Metric m : model.summary()) {
                row(w, "summary", run, "", metricName(m.metric()), num(m.values()[i]));
            }
            for (ReportModel.PercentileRow p : model.percentileTable()) {
                row(w, "percentile", run, Percentiles.label(p.percentile()), "clat_ns", Long.toString(p.nanos()[i]));
            }
            for (TimeSample t : r.timeSeries()) {
                String at = num(t.atNanos() / 1e9);
                row(w, "series", run, at, "iops", num(t.iops()));
                row(w, "series", run, at, "p50_ns", Long.toString(t.p50Nanos()));
                row(w, "series", run, at, "p99_ns", Long.toString(t.p99Nanos()));
                row(w, "series", run, at, "interrupts_per_s", num(t.interruptsPerSecond()));
            }
        }
        for (ReportModel.VectorRow v : model.vectorTable()) {
            String run = model.labels().get(v.run());
            String iv = Integer.toString(v.vector().iv());
            row(w, "vector", run, iv, "interrupts", Long.toString(v.vector().interrupts()));
            row(w, "vector", run, iv, "completions", Long.toString(v.vector().completions()));
            row(w, "vector", run, iv, "completions_per_interrupt", num(v.vector().completionsPerInterrupt()));
            row(w, "vector", run, iv, "interrupts_per_s", num(v.interruptsPerSecond()));
        }
        w.flush();
    }

    /** "Interrupt CPU share (%)" -> "interrupt_cpu_share_pct". */
    static String metricName(String title) {
        return title.toLowerCase(Locale.ROOT).replace("%", "pct").replace("/s", "_per_s").replace("/", "_per_")
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** A figure the run did not measure (NaN) is an empty cell, which a spreadsheet or pandas reads as missing. */
    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).trim();
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells[i]));
        }
        w.write("\r\n");
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break; double the quotes inside. */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
