package org.nvmeworkbench.core.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nvmeworkbench.core.record.TimeSample;

/** A run's figures per sample interval, in arrays that grow by doubling (once in a long while, never per I/O). */
final class TimeSeriesRecorder {
    private long[] at;
    private double[] iops;
    private long[] p50;
    private long[] p99;
    private double[] irqs;
    private int size;

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
        at[size] = atNanos;
        iops[size] = iopsValue;
        p50[size] = p50Nanos;
        p99[size] = p99Nanos;
        irqs[size] = interruptsPerSecond;
        size++;
    }

    /** The samples so far, stamped with the end of their interval. */
    List<TimeSample> result() {
        List<TimeSample> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new TimeSample(at[i], iops[i], irqs[i], p50[i], p99[i], 0));
        }
        return out;
    }
}
