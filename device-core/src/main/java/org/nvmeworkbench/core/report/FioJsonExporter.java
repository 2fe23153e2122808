package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;

/** fio's {@code --output-format=json}: per-run jobs with {@code clat_ns.percentile}. */
public final class FioJsonExporter implements ReportExporter {
    @Override
    public String formatId() {
        return "fio-json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String description() {
        return "fio JSON (jobs[].read/write with clat_ns percentiles), for fio's tools and consumers";
    }

    @Override
    public void export(ReportModel model, OutputStream out) throws IOException {
        FioJsonReport.write(model, false, out);
    }
}
