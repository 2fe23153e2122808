package org.nvmeworkbench.core.spec;

/**
 * Feature 08h, Interrupt Coalescing (global): CDW11 THR 7:0 (aggregation threshold, 0's based) and
 * TIME 15:8 (aggregation time in 100 microsecond units). A 0 in either field turns coalescing off
 * (docs/nvme-reference.md, "Interrupt Coalescing").
 *
 * @param threshold THR as the spec encodes it, 0..255 (THR 7 means 8 completion entries)
 * @param time      TIME as the spec encodes it, 0..255 (TIME 2 means 200 us)
 */
public record InterruptCoalescing(int threshold, int time) {
    public static final InterruptCoalescing OFF = new InterruptCoalescing(0, 0);
    /** One TIME unit: 100 microseconds. */
    public static final long TIME_UNIT_NANOS = 100_000L;

    public InterruptCoalescing {
        if (threshold < 0 || threshold > 255) {
            throw new IllegalArgumentException("THR must be 0..255 (it is 0's based), not " + threshold + ".");
        }
        if (time < 0 || time > 255) {
            throw new IllegalArgumentException("TIME must be 0..255 (in 100 us units), not " + time + ".");
        }
    }

    public static InterruptCoalescing fromCdw11(int cdw11) {
        return new InterruptCoalescing(cdw11 & 0xFF, (cdw11 >>> 8) & 0xFF);
    }

    public int cdw11() {
        return threshold | (time << 8);
    }

    /** A 0 in either field turns coalescing off. */
    public boolean enabled() {
        return threshold != 0 && time != 0;
    }

    /** Completions that trip the threshold: THR + 1. */
    public int completions() {
        return threshold + 1;
    }

    public long timeNanos() {
        return time * TIME_UNIT_NANOS;
    }

    /**
     * What the value means, e.g. "THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us",
     * or "coalescing off (THR 0)" when a field is 0.
     */
    public String describe() {
        if (!enabled()) {
            String why = threshold == 0 && time == 0 ? "THR 0, TIME 0" : threshold == 0 ? "THR 0" : "TIME 0";
            return "coalescing off (" + why + "): every completion is signalled at once";
        }
        return "THR " + threshold + " = signal after " + completions() + " completions, TIME " + time
                + " = wait at most " + formatMicros(timeNanos());
    }

    static String formatMicros(long nanos) {
        long us = nanos / 1000;
        if (us >= 1000 && us % 100 == 0) {
            return (us / 1000) + (us % 1000 == 0 ? "" : "." + (us % 1000) / 100) + " ms";
        }
        return us + " us";
    }
}
