package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * fio's {@code --output-format=json}: per-run jobs with {@code clat_ns.percentile}. fio's json+ is the
 * same document with latency bins added, so {@link FioJsonPlusExporter} is this exporter with bins on.
 */
public sealed class FioJsonExporter implements ReportExporter permits FioJsonPlusExporter {
    private final String formatId;
    private final String description;
    private final boolean bins;

    public FioJsonExporter() {
        this("fio-json", "fio JSON (jobs[].read/write with clat_ns percentiles), for fio's tools and consumers", false);
    }

    FioJsonExporter(String formatId, String description, boolean bins) {
        this.formatId = formatId;
        this.description = description;
        this.bins = bins;
    }

    @Override
    public final String formatId() {
        return formatId;
    }

    @Override
    public final String fileExtension() {
        return "json";
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final void export(ReportModel model, OutputStream out) throws IOException {
        FioJsonReport.write(model, bins, out);
    }
}
