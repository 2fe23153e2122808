package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;

/** fio's {@code --output-format=json+}: fio JSON plus the latency {@code bins} fio_jsonplus_clat2csv reads. */
public final class FioJsonPlusExporter implements ReportExporter {
    @Override
    public String formatId() {
        return "fio-jsonplus";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String description() {
        return "fio JSON+ (fio JSON with clat_ns bins in fio's buckets)";
    }

    @Override
    public void export(ReportModel model, OutputStream out) throws IOException {
        FioJsonReport.write(model, true, out);
    }
}
