package org.nvmeworkbench.core.host;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A set of CPU (or NUMA node) numbers in fio's list syntax: numbers and A-B ranges separated by commas,
 * indexed from 0 (fio HOWTO, {@code cpus_allowed}: "to use CPUs 0 and 5 you would specify
 * cpus_allowed=0,5 ... a binding to CPUs 0, 5, and 8 to 15, you would set cpus_allowed=0,5,8-15").
 * Immutable; {@link #toString()} gives the shortest form of the same set, e.g. {@code 0-3,6}.
 */
public final class CpuSet {
    /** CPU numbers above this are refused as typing mistakes: no host has that many. */
    public static final int MAX_CPU = 4095;

    private final int[] ids;

    private CpuSet(BitSet bits) {
        this.ids = bits.stream().toArray();
    }

    /** The CPUs {@code 0..count-1}. */
    public static CpuSet range(int count) {
        BitSet b = new BitSet();
        b.set(0, Math.max(0, count));
        return new CpuSet(b);
    }

    public static CpuSet of(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            if (c < 0 || c > MAX_CPU) {
                throw new IllegalArgumentException("CPU " + c + " is not a CPU number (0 to " + MAX_CPU + ").");
            }
            b.set(c);
        }
        return new CpuSet(b);
    }

    /**
     * Parses fio's list syntax; {@code what} names the option in the one-sentence error, e.g. "cpus_allowed".
     *
     * @throws IllegalArgumentException naming the option and the bad part
     */
    public static CpuSet parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " needs a list such as 0-3,6, not nothing.");
        }
        BitSet b = new BitSet();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            int from;
            int to;
            try {
                if (dash < 0) {
                    from = Integer.parseInt(p);
                    to = from;
                } else {
                    from = Integer.parseInt(p.substring(0, dash).strip());
                    to = Integer.parseInt(p.substring(dash + 1).strip());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + "=" + text.strip() + " is not a list such as 0-3,6: '" + p
                        + "' is not a number or a range A-B.");
            }
            if (from < 0 || to > MAX_CPU) {
                throw new IllegalArgumentException(what + "=" + text.strip() + " names " + (from < 0 ? from : to)
                        + "; numbers go from 0 to " + MAX_CPU + ".");
            }
            if (to < from) {
                throw new IllegalArgumentException(what + "=" + text.strip() + ": the range " + p
                        + " ends before it starts.");
            }
            b.set(from, to + 1);
        }
        return new CpuSet(b);
    }

    public int size() {
        return ids.length;
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    /** The {@code i}-th member in ascending order. */
    public int get(int i) {
        return ids[i];
    }

    public boolean contains(int cpu) {
        return Arrays.binarySearch(ids, cpu) >= 0;
    }

    /** The largest member, -1 when empty. */
    public int last() {
        return ids.length == 0 ? -1 : ids[ids.length - 1];
    }

    public int[] toArray() {
        return ids.clone();
    }

    /** The members of both. */
    public CpuSet intersect(CpuSet other) {
        BitSet b = bits();
        b.and(other.bits());
        return new CpuSet(b);
    }

    private BitSet bits() {
        BitSet b = new BitSet();
        for (int id : ids) {
            b.set(id);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet c && Arrays.equals(ids, c.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    /** fio's syntax, runs of consecutive numbers as ranges: {@code 0-3,6}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < ids.length) {
            int j = i;
            while (j + 1 < ids.length && ids[j + 1] == ids[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(ids[i]);
            if (j > i) {
                sb.append('-').append(ids[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
