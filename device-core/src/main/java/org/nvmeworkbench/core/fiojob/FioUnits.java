package org.nvmeworkbench.core.fiojob;

import java.util.Locale;

/**
 * fio's units for sizes and times. Sizes follow fio's default kb_base=1024: "4k", "4KiB" and "4KB" are
 * all 4096 bytes; a plain number is bytes. Times: ns, us (usec), ms (msec), s (sec), m (min), h; a plain
 * number is seconds, as for fio's runtime=. Every failure is one sentence naming the accepted forms.
 */
public final class FioUnits {
    private FioUnits() {
    }

    /** Bytes for "4k", "64KiB", "1m", "512", "1g". */
    public static long parseSize(String text) {
        String t = clean(text);
        int split = numberEnd(t);
        String unit = t.substring(split).toLowerCase(Locale.ROOT);
        long multiplier;
        switch (unit) {
            case "": case "b": multiplier = 1; break;
            case "k": case "kb": case "kib": multiplier = 1L << 10; break;
            case "m": case "mb": case "mib": multiplier = 1L << 20; break;
            case "g": case "gb": case "gib": multiplier = 1L << 30; break;
            case "t": case "tb": case "tib": multiplier = 1L << 40; break;
            default: throw new IllegalArgumentException("'" + text + "' is not a size: use a number with an optional unit, e.g. 4k, 64KiB or 1m.");
        }
        return times(wholeNumber(t.substring(0, split), text, "a size: use e.g. 4k, 64KiB or 1m"), multiplier, text);
    }

    /** Nanoseconds for "2s", "500ms", "100us", "250ns", "1m"; a plain number is seconds. */
    public static long parseTimeNanos(String text) {
        String t = clean(text);
        int split = numberEnd(t);
        String unit = t.substring(split).toLowerCase(Locale.ROOT);
        long multiplier;
        switch (unit) {
            case "ns": case "nsec": multiplier = 1; break;
            case "us": case "usec": multiplier = 1_000; break;
            case "ms": case "msec": multiplier = 1_000_000; break;
            case "": case "s": case "sec": multiplier = 1_000_000_000L; break;
            case "m": case "min": multiplier = 60_000_000_000L; break;
            case "h": multiplier = 3_600_000_000_000L; break;
            default: throw new IllegalArgumentException("'" + text + "' is not a time: use a number with a unit, e.g. 2s, 500ms or 100us.");
        }
        return times(wholeNumber(t.substring(0, split), text, "a time: use e.g. 2s, 500ms or 100us"), multiplier, text);
    }

    /** A decimal or 0x-prefixed hexadecimal integer, as nvme-cli accepts for -v and --cdw11. */
    public static long parseInteger(String text) {
        String t = clean(text);
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number: use decimal (522) or hexadecimal (0x020a).");
        }
    }

    /** fio's short form of a byte count: "4k" for 4096, "1m", "512" when not a whole unit. */
    public static String formatSize(long bytes) {
        String[] units = {"", "k", "m", "g", "t"};
        int u = 0;
        long v = bytes;
        while (u < units.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            u++;
        }
        return v + units[u];
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A value is missing: give a number such as 4k, 2s or 0x020a.");
        }
        return text.trim().replace("_", "");
    }

    private static int numberEnd(String t) {
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static long times(long n, long multiplier, String original) {
        try {
            return Math.multiplyExact(n, multiplier);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + original + "' is too large.");
        }
    }

    private static long wholeNumber(String digits, String original, String what) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("'" + original + "' is not " + what + ".");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + original + "' is too large.");
        }
    }
}
