package org.nvmeworkbench.core.report;

import java.util.Locale;

/** The percentiles a report tabulates: fio's default list, then the nines out to 99.9999. */
public final class Percentiles {
    private Percentiles() {
    }

    /** fio's default {@code percentile_list} (fio(1), "percentile_list"). */
    public static final double[] FIO_DEFAULT = {1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.5, 99.9, 99.95, 99.99};

    /** The nines a tail-latency reader asks for. */
    public static final double[] NINES = {90, 99, 99.9, 99.99, 99.999, 99.9999};

    /** fio's list followed by the nines it does not already hold, ascending. */
    public static double[] table() {
        java.util.TreeSet<Double> all = new java.util.TreeSet<>();
        for (double p : FIO_DEFAULT) {
            all.add(p);
        }
        for (double p : NINES) {
            all.add(p);
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** fio's key for a percentile in JSON output: "%f", e.g. "99.900000". */
    public static String fioKey(double p) {
        return String.format(Locale.ROOT, "%f", p);
    }

    /** "99.99" or "50": as short as the value allows. */
    public static String label(double p) {
        String s = String.format(Locale.ROOT, "%.4f", p);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
