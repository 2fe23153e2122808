package org.nvmeworkbench.core.fiojob;

import java.util.Locale;

/**
 * fio's units for sizes and times, read as fio's parse.c reads them (HOWTO, "Parameter types"; checked
 * against fio 3.33 with {@code --parse-only --debug=parse}):
 * <ul>
 * <li>A size is a decimal or {@code 0x} hexadecimal number with an optional unit prefix and an optional
 * {@code B}, case-insensitive. With {@code kb_base=1024} (the default) {@code k/m/g/t/p} (and {@code kb},
 * {@code ki}: only the three-letter {@code kib} form is IEC) are powers of 1024, and {@code KiB}, {@code MiB}
 * ... are powers of 1000, "opposite from the SI and IEC standards to provide compatibility with old
 * scripts": {@code 4KiB} is 4000 bytes. {@code kb_base=1000} flips both.</li>
 * <li>{@code z} counts zones of a zoned block device.</li>
 * <li>A time is a number with {@code d, h, m, s (sec), ms (msec), us (usec)}; a plain number is seconds
 * (for some options, e.g. thinktime, microseconds).</li>
 * <li>"Anywhere a numeric value is required, an arithmetic expression may be used, provided it is
 * surrounded by parentheses" ({@code + - * / % ^}); "for time values in expressions, units are
 * microseconds by default".</li>
 * </ul>
 * Every failure is one sentence naming the accepted forms.
 */
public final class FioUnits {
    private static final String SIZE_EXAMPLES = "4k, 64k, 1m or 0x100000";
    private static final String TIME_EXAMPLES = "2s, 500ms or 100us";

    private FioUnits() {
    }

    /** Bytes for "4k", "1m", "512", "0x100000", "(4*1024)" with fio's default kb_base=1024. */
    public static long parseSize(String text) {
        return parseSize(text, 1024);
    }

    /** Bytes for a size with {@code kbBase} 1024 (fio's default) or 1000. */
    public static long parseSize(String text, int kbBase) {
        String t = clean(text);
        if (t.startsWith("(")) {
            int close = wholeOrParen(t);
            double v = FioExpression.evaluate(t.substring(0, close + 1), text);
            return times(Math.round(v), sizeMultiplier(t.substring(close + 1), kbBase, text), text);
        }
        int split = numberEnd(t);
        long n = number(t.substring(0, split), text, "a size: use e.g. " + SIZE_EXAMPLES);
        return times(n, sizeMultiplier(t.substring(split), kbBase, text), text);
    }

    /** Whether the size is written in fio's zone unit ({@code 1z}), which needs a zoned device's zone size. */
    public static boolean isZones(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return t.matches("(0x)?[0-9a-f_]+z");
    }

    /** Nanoseconds for "2s", "500ms", "100us", "1d"; a plain number is seconds, as for fio's runtime=. */
    public static long parseTimeNanos(String text) {
        return parseTimeNanos(text, 1_000_000_000L);
    }

    /**
     * Nanoseconds for a time whose plain number means {@code plainUnitNanos} (seconds for runtime=,
     * microseconds for thinktime=). In a parenthesised expression a plain number is microseconds (HOWTO).
     */
    public static long parseTimeNanos(String text, long plainUnitNanos) {
        String t = clean(text);
        if (t.startsWith("(")) {
            int close = wholeOrParen(t);
            double v = FioExpression.evaluate(t.substring(0, close + 1), text);
            String unit = t.substring(close + 1);
            long mult = unit.isEmpty() ? 1_000L : timeMultiplier(unit, 1_000L, text);
            return times(Math.round(v), mult, text);
        }
        int split = numberEnd(t);
        long n = number(t.substring(0, split), text, "a time: use e.g. " + TIME_EXAMPLES);
        return times(n, timeMultiplier(t.substring(split), plainUnitNanos, text), text);
    }

    /** The end of the expression: the whole text when it is all arithmetic ("(1+3)*1024"), else the first group ("(1+3)k"). */
    private static int wholeOrParen(String t) {
        return FioExpression.isArithmetic(t) ? t.length() - 1 : FioExpression.closingParen(t);
    }

    /** A decimal or 0x-prefixed hexadecimal integer, as nvme-cli accepts for -V and --cdw11. */
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
     * fio's __get_mult_bytes: the three-letter IEC forms ({@code kib}, {@code mib}, ...) use the other base;
     * a letter alone, or with {@code b} or {@code i}, uses kb_base.
     */
    private static long sizeMultiplier(String suffix, int kbBase, String original) {
        String s = suffix.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("b")) {
            return 1;
        }
        if (s.equals("z")) {
            throw new IllegalArgumentException("'" + original + "' counts zones (fio's z unit), and the namespace is "
                    + "not zoned; give a size in bytes such as " + SIZE_EXAMPLES + ".");
        }
        int pow = "kmgtp".indexOf(s.charAt(0)) + 1;
        String rest = s.substring(1);
        if (pow == 0 || !(rest.isEmpty() || rest.equals("b") || rest.equals("i") || rest.equals("ib"))) {
            throw new IllegalArgumentException("'" + original + "' is not a size: use a number with an optional unit, e.g. "
                    + SIZE_EXAMPLES + ".");
        }
        long base = rest.equals("ib") ? (kbBase == 1000 ? 1024 : 1000) : kbBase;
        long m = 1;
        for (int i = 0; i < pow; i++) {
            m *= base;
        }
        return m;
    }

    private static long timeMultiplier(String suffix, long plain, String original) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "" -> plain;
            case "ns", "nsec" -> 1L;
            case "us", "usec" -> 1_000L;
            case "ms", "msec" -> 1_000_000L;
            case "s", "sec" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> throw new IllegalArgumentException("'" + original + "' is not a time: use a number with a unit, e.g. "
                    + TIME_EXAMPLES + ".");
        };
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A value is missing: give a number such as 4k, 2s or 0x020a.");
        }
        return text.trim().replace("_", "");
    }

    /** End of the number: decimal digits, or 0x and hexadecimal digits. */
    private static int numberEnd(String t) {
        int i = 0;
        if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            i = 2;
            while (i < t.length() && Character.digit(t.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static long number(String digits, String original, String what) {
        if (digits.isEmpty() || digits.equalsIgnoreCase("0x")) {
            throw new IllegalArgumentException("'" + original + "' is not " + what + ".");
        }
        try {
            if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
                return Long.parseLong(digits.substring(2), 16);
            }
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + original + "' is too large.");
        }
    }

    private static long times(long n, long multiplier, String original) {
        try {
            return Math.multiplyExact(n, multiplier);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + original + "' is too large.");
        }
    }
}
