package org.nvmeworkbench.core.report;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * fio's latency histogram (stat.h / stat.c, "plat" buckets) so JSON+ bins carry the keys fio itself
 * would write: 64 linear buckets per power of two (FIO_IO_U_PLAT_BITS 6), 29 groups
 * (FIO_IO_U_PLAT_GROUP_NR, nanosecond resolution up to about 17 s); a bin's key is the middle of its bucket.
 */
public final class FioLatencyBins {
    static final int PLAT_BITS = 6;
    static final int PLAT_VAL = 1 << PLAT_BITS;
    static final int PLAT_GROUP_NR = 29;
    static final int PLAT_NR = PLAT_GROUP_NR * PLAT_VAL;

    private FioLatencyBins() {
    }

    /** fio's plat_val_to_idx. */
    public static int index(long nanos) {
        long val = Math.max(0, nanos);
        int msb = val == 0 ? 0 : 63 - Long.numberOfLeadingZeros(val);
        if (msb <= PLAT_BITS) {
            return (int) val;
        }
        int errorBits = msb - PLAT_BITS;
        int base = (errorBits + 1) << PLAT_BITS;
        int offset = (int) ((PLAT_VAL - 1) & (val >>> errorBits));
        return Math.min(base + offset, PLAT_NR - 1);
    }

    /** fio's plat_idx_to_val: the middle of bucket {@code idx}. */
    public static long value(int idx) {
        if (idx < (PLAT_VAL << 1)) {
            return idx;
        }
        int errorBits = (idx >> PLAT_BITS) - 1;
        long base = 1L << (errorBits + PLAT_BITS);
        long k = idx % PLAT_VAL;
        return base + (long) ((k + 0.5) * (1L << errorBits));
    }

    /** The histogram re-binned into fio's buckets: bin value in ns -> count, ascending, empty bins left out. */
    public static Map<Long, Long> bins(Histogram h) {
        long[] counts = new long[PLAT_NR];
        for (HistogramIterationValue v : h.recordedValues()) {
            counts[index(h.medianEquivalentValue(v.getValueIteratedTo()))] += v.getCountAtValueIteratedTo();
        }
        Map<Long, Long> out = new TreeMap<>();
        for (int i = 0; i < PLAT_NR; i++) {
            if (counts[i] != 0) {
                out.merge(value(i), counts[i], Long::sum);
            }
        }
        return out;
    }
}
