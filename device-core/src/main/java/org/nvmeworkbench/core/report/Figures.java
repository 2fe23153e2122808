package org.nvmeworkbench.core.report;

import java.util.Locale;

/** Numbers as a report prints them: latencies in the unit that reads best, rates with thousands separators. */
public final class Figures {
    private Figures() {
    }

    /** "850 ns", "92.3 us", "4.20 ms", "1.50 s". */
    public static String latency(double nanos) {
        double a = Math.abs(nanos);
        if (a < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (a < 1_000_000) {
            return String.format(Locale.ROOT, a < 100_000 ? "%.1f us" : "%.0f us", nanos / 1e3);
        }
        if (a < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** "12,345" or "12,345.7" for small fractional values. */
    /** A wall-clock span in the unit a person would use: "850 ms", "12 s", "4 min 10 s", "3 h 05 min". */
    public static String duration(long nanos) {
        long ms = Math.max(0, nanos / 1_000_000);
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
    }

    public static String count(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** "3.10 %". */
    public static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v);
    }

    /** A signed change and its relative size: "+12.0 us (+5.1 %)"; the relative part is left out against 0. */
    public static String delta(double base, double value, boolean latency) {
        double d = value - base;
        String abs = (d >= 0 ? "+" : "-") + (latency ? latency(Math.abs(d)) : count(Math.abs(d)));
        if (base == 0) {
            return abs;
        }
        return abs + String.format(Locale.ROOT, " (%+.1f %%)", d * 100 / base);
    }
}
