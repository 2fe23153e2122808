package org.nvmeworkbench.core.fiojob;

import java.util.Locale;
import java.util.function.Function;

/**
 * fio's units for sizes and times. Sizes follow fio's default kb_base=1024: "4k", "4KiB" and "4KB" are
 * all 4096 bytes; a plain number is bytes. Times: ns, us (usec), ms (msec), s (sec), m (min), h; a plain
 * number is seconds, as for fio's runtime=. Every failure is one sentence naming the accepted forms.
 */
public final class FioUnits {
    /** fio's size suffixes with kb_base=1024; no suffix is bytes. */
    private static final Quantity SIZE = new Quantity("a size", "an optional unit", "4k, 64KiB or 1m", unit -> switch (unit) {
        case "", "b" -> 1L;
        case "k", "kb", "kib" -> 1L << 10;
        case "m", "mb", "mib" -> 1L << 20;
        case "g", "gb", "gib" -> 1L << 30;
        case "t", "tb", "tib" -> 1L << 40;
        default -> null;
    });

    /** fio's time suffixes in nanoseconds; no suffix is seconds, as for fio's runtime=. */
    private static final Quantity TIME = new Quantity("a time", "a unit", "2s, 500ms or 100us", unit -> switch (unit) {
        case "ns", "nsec" -> 1L;
        case "us", "usec" -> 1_000L;
        case "ms", "msec" -> 1_000_000L;
        case "", "s", "sec" -> 1_000_000_000L;
        case "m", "min" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> null;
    });

    private FioUnits() {
    }

    /** Bytes for "4k", "64KiB", "1m", "512", "1g". */
    public static long parseSize(String text) {
        return SIZE.parse(text);
    }

    /** Nanoseconds for "2s", "500ms", "100us", "250ns", "1m"; a plain number is seconds. */
    public static long parseTimeNanos(String text) {
        return TIME.parse(text);
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

    /**
     * A quantity fio writes as a whole number and a unit suffix (case-insensitive), read the same way for
     * sizes and times; only the suffixes and the words of the messages differ.
     *
     * @param noun        what the text should have been, e.g. "a size"
     * @param unitHint    how the unit is asked for when the suffix is unknown
     * @param examples    accepted forms quoted in the messages
     * @param multipliers the multiplier of a lower-case suffix, null for an unknown one
     */
    private record Quantity(String noun, String unitHint, String examples, Function<String, Long> multipliers) {
        long parse(String text) {
            String t = clean(text);
            int split = numberEnd(t);
            Long multiplier = multipliers.apply(t.substring(split).toLowerCase(Locale.ROOT));
            if (multiplier == null) {
                throw new IllegalArgumentException("'" + text + "' is not " + noun + ": use a number with " + unitHint
                        + ", e.g. " + examples + ".");
            }
            return times(wholeNumber(t.substring(0, split), text, noun + ": use e.g. " + examples), multiplier, text);
        }
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
