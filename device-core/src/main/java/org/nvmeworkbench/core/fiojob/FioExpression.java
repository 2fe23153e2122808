package org.nvmeworkbench.core.fiojob;

/**
 * fio's arithmetic in option values (HOWTO, "Job file parameters"): "an arithmetic expression may be used,
 * provided it is surrounded by parentheses", with addition (+), subtraction (-), multiplication (*),
 * division (/), modulus (%) and exponentiation (^). Exponentiation binds tightest and to the right, then
 * * / %, then + -, as in fio's y.tab grammar. Numbers may be decimal, fractional or 0x hexadecimal.
 */
final class FioExpression {
    private final String text;
    private final String original;
    private int pos;

    private FioExpression(String text, String original) {
        this.text = text;
        this.original = original;
    }

    /** The value of {@code expr} (e.g. "(1+3)*1024" or "(4*1024)"); {@code original} names it in messages. */
    static double evaluate(String expr, String original) {
        FioExpression e = new FioExpression(expr.replace(" ", "").replace("\t", ""), original);
        double v = e.sum();
        if (e.pos != e.text.length()) {
            throw e.malformed();
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("'" + original + "' has no value (a division by zero?).");
        }
        return v;
    }

    /** Whether {@code value} is only numbers, operators and parentheses, with at least one operator. */
    static boolean isArithmetic(String value) {
        String v = value.strip();
        return v.matches("(0[xX][0-9a-fA-F]+|[0-9.]+|[+\\-*/%^() \\t])+") && v.matches(".*[0-9].*") && v.substring(1).matches(".*[+\\-*/%^].*");
    }

    /** Index of the parenthesis closing the one at index 0 of {@code t}; the last index when unbalanced. */
    static int closingParen(String t) {
        int depth = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + t + "' opens a parenthesis it does not close.");
    }

    private double sum() {
        double v = product();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '+') {
                pos++;
                v += product();
            } else if (c == '-') {
                pos++;
                v -= product();
            } else {
                break;
            }
        }
        return v;
    }

    private double product() {
        double v = power();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '*') {
                pos++;
                v *= power();
            } else if (c == '/') {
                pos++;
                v /= power();
            } else if (c == '%') {
                pos++;
                v %= power();
            } else {
                break;
            }
        }
        return v;
    }

    private double power() {
        double base = unary();
        if (pos < text.length() && text.charAt(pos) == '^') {
            pos++;
            return Math.pow(base, power());
        }
        return base;
    }

    private double unary() {
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            return -unary();
        }
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            double v = sum();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw malformed();
            }
            pos++;
            return v;
        }
        return number();
    }

    private double number() {
        int start = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == start + 2) {
                throw malformed();
            }
            return Long.parseLong(text.substring(start + 2, pos), 16);
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos == start) {
            throw malformed();
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private IllegalArgumentException malformed() {
        return new IllegalArgumentException("'" + original + "' is not an arithmetic expression fio accepts: use numbers "
                + "with + - * / % ^ inside parentheses, e.g. (4*1024).");
    }
}
