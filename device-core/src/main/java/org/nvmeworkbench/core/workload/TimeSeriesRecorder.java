package org.nvmeworkbench.core.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nvmeworkbench.core.record.TimeSample;

/**
 * A run's figures per sample interval, in arrays that grow by doubling (once in a long while, never per I/O).
 * Written by the run's thread only; {@link #soFar()} may be called from any thread: an entry is complete
 * before the size that covers it is published, and a grown array holds every entry of the old one.
 */
final class TimeSeriesRecorder {
    private volatile long[] at;
    private volatile double[] iops;
    private volatile long[] p50;
    private volatile long[] p99;
    private volatile double[] irqs;
    private volatile int size;

    TimeSeriesRecorder(int expectedSamples) {
        int n = Math.max(4, expectedSamples + 1);
        at = new long[n];
        iops = new double[n];
        p50 = new long[n];
        p99 = new long[n];
        irqs = new double[n];
    }

    void add(long atNanos, double iopsValue, long p50Nanos, long p99Nanos, double interruptsPerSecond) {
        if (size == iops.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            iops = Arrays.copyOf(iops, n);
            p50 = Arrays.copyOf(p50, n);
            p99 = Arrays.copyOf(p99, n);
            irqs = Arrays.copyOf(irqs, n);
        }
        int n = size;
        at[n] = atNanos;
        iops[n] = iopsValue;
        p50[n] = p50Nanos;
        p99[n] = p99Nanos;
        irqs[n] = interruptsPerSecond;
        size = n + 1;
    }

    /** The samples published so far; any thread. */
    List<TimeSample> soFar() {
        return result();
    }

    /** The samples so far, stamped with the end of their interval. */
    List<TimeSample> result() {
        int n = size;
        long[] a = at;
        double[] io = iops;
        long[] l50 = p50;
        long[] l99 = p99;
        double[] ir = irqs;
        List<TimeSample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new TimeSample(a[i], io[i], ir[i], l50[i], l99[i], 0));
        }
        return out;
    }
}
