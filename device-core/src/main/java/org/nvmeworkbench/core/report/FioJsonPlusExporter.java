package org.nvmeworkbench.core.report;

/** fio's {@code --output-format=json+}: fio JSON plus the latency {@code bins} fio_jsonplus_clat2csv reads. */
public final class FioJsonPlusExporter extends FioJsonExporter {
    public FioJsonPlusExporter() {
        super("fio-jsonplus", "fio JSON+ (fio JSON with clat_ns bins in fio's buckets)", true);
    }
}
