package org.nvmeworkbench.core.record;

import java.util.Arrays;

/**
 * How deep the queues ran, counted as fio counts it (fio 3.33 io_u.c: io_u_mark_depth, io_u_mark_submit,
 * io_u_mark_complete) so that fio's {@code iodepth_level}, {@code iodepth_submit} and
 * {@code iodepth_complete} can be written from a run's own counts. Seven buckets each:
 * <ul>
 * <li>{@code atSubmit}: I/Os by the queue's depth (in flight, these included) when its doorbell was rung:
 *     1, 2-3, 4-7, 8-15, 16-31, 32-63, 64 and more (fio's "1", "2", "4", ... "&gt;=64");</li>
 * <li>{@code perSubmit}: doorbell rings by how many commands each one submitted, and {@code perReap}: reaps
 *     of a completion queue by how many completions each found: 0, 1-4, 5-8, 9-16, 17-32, 33-64, more
 *     (fio's "0", "4", "8", "16", "32", "64", "&gt;=64").</li>
 * </ul>
 * {@link #NONE} is a run whose source did not count them (an HdrHistogram log, fio's output, an older
 * record): not zero, unknown.
 */
public final class QueueDepths {
    /** Buckets in each distribution, as in fio. */
    public static final int BUCKETS = 7;
    public static final QueueDepths NONE = new QueueDepths(null, null, null);

    private final long[] atSubmit;
    private final long[] perSubmit;
    private final long[] perReap;

    private QueueDepths(long[] atSubmit, long[] perSubmit, long[] perReap) {
        this.atSubmit = atSubmit;
        this.perSubmit = perSubmit;
        this.perReap = perReap;
    }

    /** Counts as a run made them, copied; each array has {@link #BUCKETS} entries. */
    public static QueueDepths of(long[] atSubmit, long[] perSubmit, long[] perReap) {
        for (long[] a : new long[][] {atSubmit, perSubmit, perReap}) {
            if (a.length != BUCKETS) {
                throw new IllegalArgumentException("A queue depth distribution has " + BUCKETS + " buckets, not " + a.length + ".");
            }
            for (long v : a) {
                if (v < 0) {
                    throw new IllegalArgumentException("A queue depth count cannot be negative (" + v + ").");
                }
            }
        }
        return new QueueDepths(atSubmit.clone(), perSubmit.clone(), perReap.clone());
    }

    /** fio's bucket for an I/O submitted at {@code depth} commands in flight (io_u_mark_depth). */
    public static int depthBucket(int depth) {
        if (depth >= 64) {
            return 6;
        }
        if (depth <= 1) {
            return 0;
        }
        return 31 - Integer.numberOfLeadingZeros(depth); // 2-3 → 1, 4-7 → 2, ... 32-63 → 5
    }

    /** fio's bucket for {@code n} commands submitted or reaped at once (__io_u_mark_map). */
    public static int batchBucket(int n) {
        if (n <= 0) {
            return 0;
        }
        if (n > 64) {
            return 6;
        }
        if (n <= 4) {
            return 1;
        }
        return 32 - Integer.numberOfLeadingZeros(n - 1) - 1; // 5-8 → 2, 9-16 → 3, 17-32 → 4, 33-64 → 5
    }

    public boolean measured() {
        return atSubmit != null;
    }

    public long[] atSubmit() {
        return copy(atSubmit);
    }

    public long[] perSubmit() {
        return copy(perSubmit);
    }

    public long[] perReap() {
        return copy(perReap);
    }

    private static long[] copy(long[] a) {
        return a == null ? new long[BUCKETS] : a.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueDepths q && Arrays.equals(atSubmit, q.atSubmit) && Arrays.equals(perSubmit, q.perSubmit)
                && Arrays.equals(perReap, q.perReap);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atSubmit) * 31 + Arrays.hashCode(perSubmit) * 17 + Arrays.hashCode(perReap);
    }

    @Override
    public String toString() {
        return measured() ? "QueueDepths" + Arrays.toString(atSubmit) + Arrays.toString(perSubmit) + Arrays.toString(perReap)
                : "QueueDepths[not counted]";
    }
}
