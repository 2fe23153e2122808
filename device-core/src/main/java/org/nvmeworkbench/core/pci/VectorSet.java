package org.nvmeworkbench.core.pci;

import java.util.Arrays;

/**
 * A set of interrupt vector indexes (0..2047), kept as a bitmap so waiting on it allocates nothing.
 */
public final class VectorSet {
    /** MSI-X allows at most 2048 vectors. */
    public static final int MAX_VECTORS = 2048;

    private final long[] words = new long[MAX_VECTORS / 64];

    public static VectorSet of(int... vectors) {
        VectorSet set = new VectorSet();
        for (int v : vectors) {
            set.add(v);
        }
        return set;
    }

    public VectorSet add(int vector) {
        check(vector);
        words[vector >>> 6] |= 1L << vector;
        return this;
    }

    public VectorSet remove(int vector) {
        check(vector);
        words[vector >>> 6] &= ~(1L << vector);
        return this;
    }

    public boolean contains(int vector) {
        return vector >= 0 && vector < MAX_VECTORS && (words[vector >>> 6] & (1L << vector)) != 0;
    }

    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    public void clear() {
        Arrays.fill(words, 0L);
    }

    /** The first member at or after {@code from}, or -1. Iterate with {@code next(v + 1)}. */
    public int next(int from) {
        if (from < 0) {
            from = 0;
        }
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    public int size() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    private static void check(int vector) {
        if (vector < 0 || vector >= MAX_VECTORS) {
            throw new IllegalArgumentException("Interrupt vector " + vector + " is outside 0.." + (MAX_VECTORS - 1) + ".");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int v = next(0); v >= 0; v = next(v + 1)) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(v);
        }
        return sb.append('}').toString();
    }
}
