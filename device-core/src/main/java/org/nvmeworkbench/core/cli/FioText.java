package org.nvmeworkbench.core.cli;

import java.util.Locale;

import org.nvmeworkbench.core.record.LatencyHistogram;

/**
 * Numbers the way fio's summary prints them: IOPS and bandwidth with 3-4 significant digits and a
 * unit, latencies scaled to nsec/usec/msec by fio's own rules (stat.c), percentiles four to a line.
 */
final class FioText {
    private FioText() {
    }

    /** fio's default percentile list plus two more nines for tail work. */
    static final double[] PERCENTILES = {1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.5, 99.9, 99.95, 99.99,
        99.999, 99.9999};

    /** "245k", "12.3k", "1234". */
    static String count(double v) {
        return scaled(v, 1000, new String[] {"", "k", "M", "G", "T"});
    }

    /** "957MiB/s (1003MB/s)". */
    static String bandwidth(double bytesPerSecond) {
        return scaled(bytesPerSecond, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB"}) + "/s ("
                + scaled(bytesPerSecond, 1000, new String[] {"B", "kB", "MB", "GB", "TB"}) + "/s)";
    }

    /** "9570MiB". */
    static String bytes(double b) {
        return scaled(b, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB"});
    }

    /** "410MB": the same in powers of 1000, as fio prints beside the IEC figure. */
    static String decimalBytes(double b) {
        return scaled(b, 1000, new String[] {"B", "kB", "MB", "GB", "TB"});
    }

    private static String scaled(double v, int base, String[] units) {
        int u = 0;
        while (v >= 10_000 && u < units.length - 1) {
            v /= base;
            u++;
        }
        if (u > 0 && v < 99.95) {
            return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
        }
        return Math.round(v) + units[u];
    }

    /**
     * "lat (usec): min=80, max=2100, avg=95.12, stdev=12.30". fio scales nsec to usec (and usec to msec)
     * only when min, max, mean and stdev all exceed 1000 units.
     */
    static String latencyLine(String label, LatencyHistogram h) {
        double min = h.min();
        double max = h.max();
        double mean = h.mean();
        double dev = h.stdDeviation();
        String[] units = {"nsec", "usec", "msec"};
        int u = 0;
        while (u < 2 && min > 1000 && max > 1000 && mean > 1000 && dev > 1000) {
            min /= 1000;
            max /= 1000;
            mean /= 1000;
            dev /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%s (%s): min=%d, max=%d, avg=%.2f, stdev=%.2f", label, units[u],
                (long) min, (long) max, mean, dev);
    }

    /** fio's clat percentiles block: a heading, then "|  1.00th=[   82]," four to a line. */
    static String percentileBlock(String indent, String label, LatencyHistogram h) {
        long minv = h.valueAtPercentile(PERCENTILES[0]);
        long maxv = h.valueAtPercentile(PERCENTILES[PERCENTILES.length - 1]);
        long divisor;
        String unit;
        // fio stat.c show_clat_percentiles: default nsec, scale when the whole range allows it.
        if (minv > 2_000_000 && maxv > 99_999_999L) {
            divisor = 1_000_000;
            unit = "msec";
        } else if (minv > 2000 && maxv > 99_999) {
            divisor = 1000;
            unit = "usec";
        } else {
            divisor = 1;
            unit = "nsec";
        }
        int width = Math.max(5, Long.toString(maxv / divisor).length());
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append(label).append(" percentiles (").append(unit).append("):\n");
        for (int i = 0; i < PERCENTILES.length; i++) {
            if (i % 4 == 0) {
                sb.append(indent).append(" |");
            }
            String v = Long.toString(h.valueAtPercentile(PERCENTILES[i]) / divisor);
            sb.append(' ').append(pad(percentileName(PERCENTILES[i]), 5)).append("th=[").append(pad(v, width)).append(']');
            boolean last = i == PERCENTILES.length - 1;
            sb.append(last ? "\n" : i % 4 == 3 ? ",\n" : ",");
        }
        return sb.toString();
    }

    /** "1.00", "99.50", "99.999": at least two decimals, more when the percentile has them. */
    static String percentileName(double p) {
        String s = String.format(Locale.ROOT, "%.4f", p);
        while (s.endsWith("0") && s.indexOf('.') < s.length() - 3) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** fio's JSON key for a percentile: "99.000000". */
    static String percentileKey(double p) {
        return String.format(Locale.ROOT, "%f", p);
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(s).toString();
    }
}
