package org.nvmeworkbench.core.record;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * A latency histogram of a finished run, in nanoseconds, at full HdrHistogram resolution. Immutable:
 * it keeps a private copy and hands out copies, so a saved record can never be changed by its reader.
 * Persisted with HdrHistogram's compressed encoding in base64, the form its own tools read.
 */
public final class LatencyHistogram {
    private final Histogram histogram;
    private final java.util.Map<Double, Long> percentiles = new java.util.HashMap<>();

    /**
     * Kept packed: a full-range histogram (1 ns .. 1 h, 3 digits) is ~33,000 counters, 264 KB, of which a run
     * fills a few hundred; three per record made a 1,000-point sweep hold 700 MB. A PackedHistogram holds only
     * the counters in use and answers the same queries.
     */
    private LatencyHistogram(Histogram histogram) {
        this.histogram = histogram instanceof PackedHistogram ? histogram : packed(histogram);
    }

    /** A packed copy of {@code h}: PackedHistogram's copy constructor copies the settings, not the counts. */
    private static PackedHistogram packed(Histogram h) {
        PackedHistogram p = new PackedHistogram(h);
        // Only the counters in use: add(h) would visit all ~33,000 of them.
        for (org.HdrHistogram.HistogramIterationValue v : h.recordedValues()) {
            p.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
        }
        p.setStartTimeStamp(h.getStartTimeStamp());
        p.setEndTimeStamp(h.getEndTimeStamp());
        return p;
    }

    public static LatencyHistogram of(Histogram h) {
        return new LatencyHistogram(packed(h));
    }

    /** Wraps {@code h} without copying it: the caller hands it over and never touches it again. */
    public static LatencyHistogram handedOver(Histogram h) {
        return new LatencyHistogram(h);
    }

    /**
     * The percentile curve without copying the histogram: {@code (percentile, value)} pairs, {@code ticks}
     * per halving of the distance to 100 % (HdrHistogram's percentile iteration).
     */
    public java.util.List<double[]> percentilePoints(int ticks) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        if (histogram.getTotalCount() > 0) {
            for (org.HdrHistogram.HistogramIterationValue v : histogram.percentiles(ticks)) {
                out.add(new double[] {v.getPercentileLevelIteratedTo(), v.getValueIteratedTo()});
            }
        }
        return out;
    }

    /** Log buckets from the minimum, each {@code factor} wider: {@code (bucket top, count)} pairs, without a copy. */
    public java.util.List<double[]> logBuckets(double factor) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        if (histogram.getTotalCount() > 0) {
            for (org.HdrHistogram.HistogramIterationValue v : histogram.logarithmicBucketValues(Math.max(1, histogram.getMinValue()), factor)) {
                out.add(new double[] {v.getValueIteratedTo(), v.getCountAddedInThisIterationStep()});
            }
        }
        return out;
    }

    /** An empty histogram tracking 1 ns .. 1 h at 3 significant digits. */
    public static LatencyHistogram empty() {
        return new LatencyHistogram(new PackedHistogram(3_600_000_000_000L, 3));
    }

    /** Decodes what {@link #encoded()} wrote; throws IllegalArgumentException with one sentence if it is not one. */
    public static LatencyHistogram decode(String base64) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
            return new LatencyHistogram(Histogram.decodeFromCompressedByteBuffer(b, 0));
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("A latency histogram in the file is damaged.", e);
        }
    }

    /** HdrHistogram's compressed encoding, base64. */
    public String encoded() {
        ByteBuffer b = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int len = histogram.encodeIntoCompressedByteBuffer(b);
        byte[] bytes = new byte[len];
        b.flip();
        b.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy the caller may change, e.g. to add runs together. */
    public Histogram toHistogram() {
        // An ordinary (unpacked) histogram: callers add runs together into it, which packed counters do slowly.
        Histogram h = new Histogram(histogram);
        h.add(histogram);
        return h;
    }

    public long count() { return histogram.getTotalCount(); }
    public long min() { return histogram.getTotalCount() == 0 ? 0 : histogram.getMinValue(); }
    public long max() { return histogram.getMaxValue(); }
    public double mean() { return histogram.getMean(); }
    public double stdDeviation() { return histogram.getStdDeviation(); }

    /** Roughly the memory this histogram holds, bytes. */
    public long footprintBytes() {
        return histogram.getEstimatedFootprintInBytes();
    }

    /** The value at a percentile, 0..100. */
    public long valueAtPercentile(double percentile) {
        // A packed histogram walks its counters for every query; a sweep's analysis asks each point for the same
        // few percentiles thousands of times (Pareto dominance), so the answers are remembered.
        synchronized (percentiles) {
            Long v = percentiles.get(percentile);
            if (v == null) {
                v = histogram.getValueAtPercentile(percentile);
                if (percentiles.size() < 64) {
                    percentiles.put(percentile, v);
                }
            }
            return v;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        // Counters are compared last: walking every packed counter is slow, and a sweep's analysis compares
        // points (list.contains) thousands of times, nearly all of which differ in count, max or min.
        return o instanceof LatencyHistogram other && histogram.getTotalCount() == other.histogram.getTotalCount()
                && histogram.getMaxValue() == other.histogram.getMaxValue()
                && histogram.getMinNonZeroValue() == other.histogram.getMinNonZeroValue()
                && (histogram.getTotalCount() == 0 || histogram.equals(other.histogram));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(histogram.getTotalCount()) * 31 + Long.hashCode(histogram.getMaxValue());
    }

    @Override
    public String toString() {
        return "LatencyHistogram[count=" + count() + ", min=" + min() + ", max=" + max() + "]";
    }
}
