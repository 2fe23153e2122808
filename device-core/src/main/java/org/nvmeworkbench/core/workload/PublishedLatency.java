package org.nvmeworkbench.core.workload;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;

/**
 * A run's cumulative latency histogram as of its last closed slice, handed from the run's thread to the
 * sampler without a lock: the run copies its totals into the back one of two preallocated histograms once
 * per slice (never per I/O) and flips; a reader copies the front one and checks its sequence number
 * (a seqlock per buffer), retrying when the run was writing it meanwhile.
 */
final class PublishedLatency {
    private static final int READ_ATTEMPTS = 8;

    private final Histogram[] buffers;
    private final long[] durationNanos = new long[2];
    private final long[] completed = new long[2];
    private final long[] interrupts = new long[2];
    /** Per buffer: odd while the run writes it. */
    private final AtomicLongArray sequence = new AtomicLongArray(2);
    private volatile int front;
    /** How many times the run has published: tells a reader whether anything changed. */
    private volatile long version;

    PublishedLatency(long highestNanos) {
        buffers = new Histogram[] {new Histogram(1, highestNanos, 3), new Histogram(1, highestNanos, 3)};
    }

    /** The run's thread: the totals so far (reads and writes together). Allocates nothing. */
    void publish(Histogram reads, Histogram writes, long duration, long completions, long irqs) {
        int back = 1 - front;
        long s = sequence.get(back);
        sequence.setOpaque(back, s + 1);
        VarHandle.storeStoreFence();
        Histogram h = buffers[back];
        h.reset();
        if (reads.getTotalCount() > 0) {
            h.add(reads);
        }
        if (writes.getTotalCount() > 0) {
            h.add(writes);
        }
        durationNanos[back] = duration;
        completed[back] = completions;
        interrupts[back] = irqs;
        sequence.setRelease(back, s + 2);
        front = back;
        version = version + 1; // the run's thread is the only writer
    }

    long version() {
        return version;
    }

    /** A consistent copy of the last published figures, or null if the run kept overwriting them (try later). */
    Copy read() {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            long v = version;
            int f = front;
            long s = sequence.getAcquire(f);
            if ((s & 1) != 0) {
                continue;
            }
            try {
                Histogram h = buffers[f].copy();
                long d = durationNanos[f];
                long c = completed[f];
                long i = interrupts[f];
                VarHandle.acquireFence();
                if (sequence.getOpaque(f) == s) {
                    return new Copy(v, h, d, c, i);
                }
            } catch (RuntimeException torn) {
                // a copy taken while the run rewrote the buffer: try again
            }
        }
        return null;
    }

    /** What {@link #read()} returns: the figures of one publication. */
    record Copy(long version, Histogram latency, long durationNanos, long completed, long interrupts) {
    }
}
