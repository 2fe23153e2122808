package org.nvmeworkbench.core.resultfile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.record.LatencyHistogram;

/**
 * A latency histogram from one direction of a fio job's {@code clat_ns} block (fio 3.x; fio 2.x wrote
 * {@code clat} in microseconds).
 *
 * <p>JSON+ has {@code bins}: bucket value in ns -> count, fio's own log-linear buckets (stat.h: 64 per power
 * of two, the value being the bucket's middle). They go into the histogram exactly, so every percentile fio
 * printed, which fio also takes from those buckets (stat.c, calc_clat_percentiles: the first bucket whose
 * running count reaches p% of the total), comes out the same, within HdrHistogram's 3 significant digits.
 *
 * <p>Plain JSON only has the percentile list. The histogram is rebuilt from it: each listed value gets the
 * I/Os between its percentile and the one before, the rest go to the maximum and one to the minimum, so
 * {@code valueAtPercentile} at each listed percentile gives fio's value, and min and max are fio's.
 *
 * @param histogram the latencies, ns
 * @param rebuiltFrom 0 when fio's bins filled it, else how many of fio's percentiles it was rebuilt from
 */
record FioLatency(LatencyHistogram histogram, int rebuiltFrom) {
    /** 1 ns .. 1 h, as the workbench's own records. */
    private static final long HIGHEST = 3_600_000_000_000L;

    /** The completion latency of one direction ({@code read}, {@code write} or {@code trim}), or null when fio gave none. */
    static FioLatency of(JsonNode direction) {
        JsonNode clat = direction.get("clat_ns");
        long scale = 1;
        if (clat == null || clat.isNull()) {
            clat = direction.get("clat"); // fio 2.x: microseconds
            scale = 1000;
        }
        if (clat == null || !clat.isObject()) {
            return null;
        }
        Histogram h = new Histogram(HIGHEST, 3);
        JsonNode bins = clat.get("bins");
        if (bins != null && bins.isObject() && bins.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = bins.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> b = it.next();
                long count = b.getValue().asLong();
                if (count > 0) {
                    h.recordValueWithCount(clamp(Long.parseLong(b.getKey().trim()) * scale), count);
                }
            }
            return new FioLatency(LatencyHistogram.of(h), 0);
        }
        JsonNode list = clat.get("percentile");
        long n = clat.path("N").asLong(direction.path("total_ios").asLong());
        if (list == null || !list.isObject() || list.size() == 0 || n <= 0) {
            return null;
        }
        TreeMap<BigDecimal, Long> percentiles = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            percentiles.put(new BigDecimal(p.getKey().trim()), p.getValue().asLong() * scale);
        }
        long min = clat.path("min").asLong(-1) * (clat.has("min") ? scale : 1);
        long max = clat.path("max").asLong(-1) * (clat.has("max") ? scale : 1);
        long recorded = 0;
        boolean first = true;
        for (Map.Entry<BigDecimal, Long> p : percentiles.entrySet()) {
            // fio: the first bucket where the running count >= p/100 * N, i.e. ceil(p * N / 100) I/Os at or below it.
            long upTo = Math.min(n, p.getKey().multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0,
                    RoundingMode.CEILING).longValueExact());
            long count = upTo - recorded;
            if (count <= 0) {
                continue;
            }
            long value = clamp(p.getValue());
            if (first && min >= 0 && min < value && count >= 2) {
                h.recordValue(clamp(min)); // keeps the running count at this value, so its percentile holds
                count--;
            }
            h.recordValueWithCount(value, count);
            recorded = upTo;
            first = false;
        }
        if (recorded < n) {
            h.recordValueWithCount(clamp(Math.max(max, h.getMaxValue())), n - recorded);
        }
        return new FioLatency(LatencyHistogram.of(h), percentiles.size());
    }

    private static long clamp(long nanos) {
        return Math.max(0, Math.min(HIGHEST, nanos));
    }
}
