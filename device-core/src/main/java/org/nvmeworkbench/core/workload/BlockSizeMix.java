package org.nvmeworkbench.core.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * I/O sizes drawn per I/O, fio's bssplit ("blocksize/percentage" entries) and bsrange. The draw is a
 * table lookup with the run's seeded random source, so the I/O path allocates nothing and a seed gives the
 * same sizes every time.
 *
 * @param sizes   bytes of each entry
 * @param weights percentage of I/Os of each entry (they add up to 100); for bsrange every size weighs the same
 * @param text    how the job file said it, e.g. "bssplit=4k/10:64k/90"
 */
public record BlockSizeMix(List<Integer> sizes, List<Integer> weights, String text) {
    public BlockSizeMix {
        sizes = List.copyOf(sizes);
        weights = List.copyOf(weights);
        if (sizes.isEmpty() || sizes.size() != weights.size()) {
            throw new IllegalArgumentException("A block size mix needs one weight per size.");
        }
    }

    /** fio's bsrange=MIN-MAX: every multiple of MIN from MIN to MAX, equally likely (at most 256 sizes). */
    public static BlockSizeMix range(int min, int max, String text) {
        List<Integer> s = new ArrayList<>();
        List<Integer> w = new ArrayList<>();
        long multiples = ((long) max - min) / min; // sizes above MIN
        long step = multiples <= 255 ? min : (multiples + 254) / 255 * min;
        for (long v = min; v <= max; v += step) {
            s.add((int) v);
            w.add(1);
        }
        return new BlockSizeMix(s, w, text);
    }

    public int maxBytes() {
        int m = 0;
        for (int s : sizes) {
            m = Math.max(m, s);
        }
        return m;
    }

    public int minBytes() {
        int m = Integer.MAX_VALUE;
        for (int s : sizes) {
            m = Math.min(m, s);
        }
        return m;
    }

    /** Logical blocks per I/O, one entry per unit of weight: a uniform draw of an index is one I/O's size. */
    public int[] blockTable(int lbaSize) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int[] t = new int[total];
        int i = 0;
        for (int k = 0; k < sizes.size(); k++) {
            for (int n = 0; n < weights.get(k); n++) {
                t[i++] = sizes.get(k) / lbaSize;
            }
        }
        return t;
    }
}
