package org.nvmeworkbench.core.record;

/**
 * One point of a run's time series: rates over the interval that ends at {@code atNanos} (device time
 * since the run started).
 */
public record TimeSample(long atNanos, double iops, double interruptsPerSecond, long p50Nanos, long p99Nanos,
                         int inFlight) {
}
