package org.nvmeworkbench.ui.lab.claims;

import org.nvmeworkbench.core.lab.ClaimCheck;

/**
 * One claim as the board shows it: the claim, the claimed and the model's values in words, the verdict, why.
 *
 * @param verdictStyle {@code success}, {@code warning} or {@code danger}, for the verdict's colour
 */
public record ClaimRow(String claim, String claimed, String model, String verdict, String verdictStyle, String why) {

    static ClaimRow of(ClaimCheck c) {
        String style = switch (c.verdict()) {
            case REPRODUCED -> "success";
            case DIRECTION_ONLY -> "warning";
            case NOT_REPRODUCED -> "danger";
        };
        return new ClaimRow(c.claim(), "claimed " + c.claimedText(), "model " + c.modelText(), c.verdict().words(), style,
                c.why());
    }
}
