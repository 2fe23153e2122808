package org.nvmeworkbench.core.lab;

import org.nvmeworkbench.core.sim.SimTraceListener;

/** Why a vector was signalled (Feature 08h/09h rules, docs/nvme-reference.md). */
public enum TripCause {
    /** THR + 1 completions gathered. */
    THRESHOLD("threshold reached"),
    /** The aggregation time (TIME x 100 us) since the first gathered completion ran out. */
    TIMER("aggregation time ran out"),
    /** A completion with an error status is signalled at once, carrying whatever was pending. */
    ERROR("error status, signalled at once"),
    /** Feature 08h has THR or TIME 0: every completion is signalled at once. */
    COALESCING_OFF("coalescing off (08h THR or TIME 0)"),
    /** The vector has CD=1 (09h), or is the admin vector, or the one pin: never coalesced. */
    VECTOR_NOT_COALESCED("vector not coalesced (09h CD, admin vector or pin)");

    private final String text;

    TripCause(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * The simulator's cause ({@link SimTraceListener#CAUSE_THRESHOLD} and the others) in these terms; a signal
     * at once is coalescing off when Feature 08h has THR or TIME 0, else the vector's own (09h CD, admin, pin).
     */
    public static TripCause fromSimulator(int cause, boolean coalescingEnabled) {
        switch (cause) {
            case SimTraceListener.CAUSE_THRESHOLD:
                return THRESHOLD;
            case SimTraceListener.CAUSE_TIMER:
                return TIMER;
            case SimTraceListener.CAUSE_ERROR:
                return ERROR;
            default:
                return coalescingEnabled ? VECTOR_NOT_COALESCED : COALESCING_OFF;
        }
    }
}
