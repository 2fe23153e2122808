package org.nvmeworkbench.core.workload;

import org.HdrHistogram.Histogram;

/**
 * Latencies of the last {@link #SLICES} slices of device time (one slice = 100 ms, so ~1 s), kept as
 * a ring of slice histograms plus their running sum: rotating adds the finished slice to the sum and
 * subtracts the one that falls out. Nothing here runs per I/O: the loop records each latency once,
 * into its own slice histograms, and hands them over at rotation. Two significant digits are plenty
 * for live percentiles and keep rotation cheap. Used by the run's thread only.
 */
final class LatencyWindow {
    static final int SLICES = 10;
    static final long SLICE_NANOS = 100_000_000L;

    private final Histogram[] ring = new Histogram[SLICES + 1];
    private final Histogram window;
    /** The slice closed since the last time-series sample: the series' current entry. */
    private final Histogram sample;
    private final long[] counts = new long[SLICES + 1];
    private int current;
    private long windowCount;

    LatencyWindow(long highestNanos) {
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Histogram(1, highestNanos, 2);
        }
        window = new Histogram(1, highestNanos, 2);
        sample = new Histogram(1, highestNanos, 2);
    }

    /**
     * Closes the current slice with the latencies recorded in it ({@code reads}, {@code writes} and
     * {@code trims}, kept by the caller at full precision): the window now holds the last {@link #SLICES} slices.
     */
    void rotate(Histogram reads, Histogram writes, Histogram trims) {
        Histogram done = ring[current];
        if (reads.getTotalCount() > 0) {
            done.add(reads);
        }
        if (writes.getTotalCount() > 0) {
            done.add(writes);
        }
        if (trims.getTotalCount() > 0) {
            done.add(trims);
        }
        counts[current] = done.getTotalCount();
        window.add(done);
        sample.add(done);
        windowCount += counts[current];
        current = (current + 1) % ring.length;
        Histogram oldest = ring[current];
        if (counts[current] > 0) {
            window.subtract(oldest);
            windowCount -= counts[current];
        }
        counts[current] = 0;
        oldest.reset();
    }

    /** Forgets everything, for a gap longer than the window. */
    void clear() {
        for (Histogram h : ring) {
            h.reset();
        }
        java.util.Arrays.fill(counts, 0);
        window.reset();
        sample.reset();
        windowCount = 0;
    }

    long sampleCount() {
        return sample.getTotalCount();
    }

    long samplePercentile(double p) {
        return sample.getTotalCount() == 0 ? 0 : sample.getValueAtPercentile(p);
    }

    void startSample() {
        sample.reset();
    }

    long count() {
        return windowCount;
    }

    long percentile(double p) {
        return windowCount == 0 ? 0 : window.getValueAtPercentile(p);
    }
}
