package org.nvmeworkbench.core.telemetry;

/**
 * Turns cumulative interrupt counts into rates between two snapshots. Used on the sampler's thread
 * only; synchronized so two samplers sharing a source still get sane numbers.
 */
public final class VectorRates {
    private long[] lastCounts = new long[0];
    private long lastNanos = Long.MIN_VALUE;

    /** Rates per second of device time since the previous call, in {@code rates}; zeros on the first call. */
    public synchronized void update(long nowNanos, long[] counts, double[] rates) {
        boolean first = lastNanos == Long.MIN_VALUE || lastCounts.length != counts.length;
        long dt = nowNanos - lastNanos;
        for (int i = 0; i < counts.length; i++) {
            rates[i] = first || dt <= 0 ? 0.0 : Math.max(0, counts[i] - lastCounts[i]) * 1e9 / dt;
        }
        if (first || dt > 0) {
            lastCounts = counts.clone();
            lastNanos = nowNanos;
        }
    }
}
