package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.nvmeworkbench.core.record.RunRecord;

/**
 * HdrHistogram's interval log (.hlog), readable by HistogramLogReader and HdrHistogram's plotting tools.
 * A run record keeps one full-resolution histogram per run (its time-series figures are percentiles, not
 * histograms), so each run is one interval starting at its own start time. A one-run log is untagged, so
 * HdrHistogram's own {@code HistogramLogProcessor -i run.hlog} reads it as it is (it reads only untagged
 * intervals unless given {@code -tag NAME}); in a log of several runs each interval is tagged with its run's
 * label, which {@code -tag} selects.
 * Values are nanoseconds; the log's max-value column is in milliseconds (unit ratio 1e6).
 */
public final class HlogExporter implements ReportExporter {
    /** ns -> ms for the interval lines' max column, as HdrHistogram's own tools expect. */
    public static final double NANOS_PER_MILLI = 1e6;

    @Override
    public String formatId() {
        return "hlog";
    }

    @Override
    public String fileExtension() {
        return "hlog";
    }

    @Override
    public String description() {
        return "HdrHistogram interval log, one interval per run, tagged when there are several (latency in ns)";
    }

    @Override
    public void export(ReportModel model, OutputStream out) throws IOException {
        PrintStream ps = new PrintStream(new NonClosing(out), false, StandardCharsets.UTF_8);
        HistogramLogWriter w = new HistogramLogWriter(ps);
        long base = Long.MAX_VALUE;
        for (RunRecord r : model.runs()) {
            base = Math.min(base, r.startedAt().toEpochMilli());
        }
        w.outputComment("[" + model.title() + "; latency in ns; nvme-workbench " + model.runs().get(0).toolVersion() + "]");
        w.outputLogFormatVersion();
        w.outputStartTime(base);
        w.setBaseTime(base);
        w.outputBaseTime(base);
        w.outputLegend();
        for (int i = 0; i < model.size(); i++) {
            RunRecord r = model.runs().get(i);
            Histogram h = r.latency().toHistogram();
            long start = r.startedAt().toEpochMilli();
            h.setStartTimeStamp(start);
            h.setEndTimeStamp(start + Math.max(1, r.durationNanos() / 1_000_000));
            if (model.size() > 1) {
                h.setTag(tag(model.labels().get(i)));
            }
            w.outputIntervalHistogram((start - base) / 1000.0, (h.getEndTimeStamp() - base) / 1000.0, h, NANOS_PER_MILLI);
        }
        ps.flush();
        if (ps.checkError()) {
            throw new IOException("The interval log could not be written.");
        }
    }

    /** Tags may not hold commas or white space (they end a field of the interval line). */
    static String tag(String label) {
        return label.replaceAll("[\\s,]+", "_");
    }

    /** Lets the PrintStream be flushed without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
