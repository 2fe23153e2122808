package org.nvmeworkbench.ui.lab.coalescing;

import java.util.List;

import org.nvmeworkbench.core.lab.Gathering;
import org.nvmeworkbench.core.lab.TripCause;

/**
 * What one vector's lane shows in a frame: the completions gathering now against the threshold, the
 * aggregation timer, the last interrupt and what tripped it, and a strip of recent gatherings.
 *
 * @param vector        the interrupt vector
 * @param pending       completions gathered and not yet signalled (tokens)
 * @param threshold     THR + 1 (1 when coalescing does not apply to this vector)
 * @param windowNanos   TIME x 100 us (0 when coalescing is off)
 * @param timerElapsed  device time since the timer was armed, or -1 when no timer runs
 * @param lastCarried   completions the last interrupt carried (0 before the first)
 * @param lastCause     what tripped the last interrupt, or null before the first
 * @param lastTrippedAt device time of the last interrupt, or -1
 * @param fresh         the last interrupt is the newest thing on this lane (shown lit)
 * @param history       recent finished gatherings, oldest first
 */
public record VectorLane(int vector, int pending, int threshold, long windowNanos, long timerElapsed, int lastCarried,
                         TripCause lastCause, long lastTrippedAt, boolean fresh, List<Gathering> history) {

    /** How far the timer bar is filled, 0..1 (0 when no timer runs). */
    public double timerFraction() {
        if (timerElapsed < 0 || windowNanos <= 0) {
            return 0;
        }
        return Math.min(1.0, (double) timerElapsed / windowNanos);
    }

    public boolean timerRunning() {
        return timerElapsed >= 0 && windowNanos > 0;
    }

    /** The text beside the timer bar, e.g. "timer 12.3 / 1000 us", "timer idle", "no timer: coalescing off". */
    public String timerText() {
        if (windowNanos <= 0) {
            return "no timer: every completion signals at once";
        }
        if (!timerRunning()) {
            return "timer idle (starts with the first held completion) / " + micros(windowNanos) + " us";
        }
        return "timer " + micros(Math.min(timerElapsed, windowNanos)) + " / " + micros(windowNanos) + " us";
    }

    /** "4 / 4 completions" style text beside the tokens. */
    public String gatheredText() {
        return pending + " / " + threshold + (threshold == 1 ? " completion" : " completions");
    }

    /** The last interrupt in words, e.g. "INTERRUPT carried 4: threshold reached", or "no interrupt yet". */
    public String lastTripText() {
        if (lastCause == null) {
            return "no interrupt yet";
        }
        return "INTERRUPT carried " + lastCarried + ": " + tripped(lastCause);
    }

    /** Why it tripped, short enough for a lane on a projector ({@link TripCause#text()} is the long form). */
    static String tripped(TripCause c) {
        switch (c) {
            case THRESHOLD: return "threshold reached";
            case TIMER: return "timer ran out";
            case ERROR: return "error, signalled at once";
            case COALESCING_OFF: return "at once (off)";
            default: return "at once (vector not coalesced)";
        }
    }

    static String micros(long nanos) {
        long tenths = Math.round(nanos / 100.0);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }
}
