package org.nvmeworkbench.core.lab;

import java.util.Locale;

/**
 * One published claim beside what the model gives for it: the claimed value before and after a change, the
 * model's two runs' values, whether the model reproduces it, and why not when it does not.
 *
 * @param claim         the claim in words
 * @param unit          the unit both sides are in, e.g. "us"
 * @param claimedBefore the claimed value before the change; NaN for a claim with one value
 * @param claimedAfter  the claimed value after
 * @param modelBefore   the model's value before (a real run's); NaN with a one-value claim
 * @param modelAfter    the model's value after
 * @param verdict       whether the model reproduces it
 * @param why           what the model has or lacks that explains the difference; for a reproduced claim, what
 *                      produces it in the model
 */
public record ClaimCheck(String claim, String unit, double claimedBefore, double claimedAfter, double modelBefore,
                         double modelAfter, Verdict verdict, String why) {

    /** How close the model comes. */
    public enum Verdict {
        /** Both values within {@link #TOLERANCE} of the claimed ones. */
        REPRODUCED("reproduced"),
        /** The model moves the same way, by a different amount or from different values. */
        DIRECTION_ONLY("direction only"),
        /** The model does not move the claimed way. */
        NOT_REPRODUCED("not reproduced");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** How far from a claimed value the model's may be and still count as reproducing it. */
    public static final double TOLERANCE = 0.25;
    /** Smaller changes than this (relative) are no change. */
    static final double NO_CHANGE = 0.05;

    /** Judges the model's values against the claimed ones. */
    static Verdict judge(double claimedBefore, double claimedAfter, double modelBefore, double modelAfter) {
        boolean oneValue = Double.isNaN(claimedBefore);
        if (near(modelAfter, claimedAfter) && (oneValue || near(modelBefore, claimedBefore))) {
            return Verdict.REPRODUCED;
        }
        if (oneValue) {
            return Verdict.NOT_REPRODUCED;
        }
        double claimed = claimedAfter - claimedBefore;
        double model = modelAfter - modelBefore;
        boolean moved = Math.abs(model) > NO_CHANGE * Math.max(Math.abs(modelBefore), 1e-12);
        return moved && Math.signum(claimed) == Math.signum(model) ? Verdict.DIRECTION_ONLY : Verdict.NOT_REPRODUCED;
    }

    private static boolean near(double model, double claimed) {
        return Math.abs(model - claimed) <= TOLERANCE * Math.abs(claimed);
    }

    /** "12 -> 3.2 us" or "16". */
    public String claimedText() {
        return span(claimedBefore, claimedAfter);
    }

    public String modelText() {
        return span(modelBefore, modelAfter);
    }

    private String span(double before, double after) {
        String u = unit.isEmpty() ? "" : unit.equals("%") ? "%" : " " + unit;
        return Double.isNaN(before) ? number(after) + u : number(before) + " -> " + number(after) + u;
    }

    static String number(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
