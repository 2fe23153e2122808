package org.nvmeworkbench.core.lab;

import java.util.List;

/**
 * Completions gathering on one vector from the first after a signal to the signal that carried them all:
 * what a coalescing view draws as dots filling up towards the threshold while the timer runs.
 *
 * @param vector          the interrupt vector
 * @param completionTimes device time of each gathered I/O completion, in order
 * @param threshold       completions that trip the threshold: THR + 1 (1 when coalescing does not apply)
 * @param windowNanos     TIME x 100 us (0 when coalescing is off)
 * @param timerArmedAt    when the aggregation timer started, or -1 when it never did
 * @param deadline        when it would run out (timerArmedAt + window), or -1
 * @param trippedAt       when the vector was signalled; -1 while still gathering
 * @param cause           why it was signalled; null while still gathering
 * @param carried         completions the signal carried (as the controller counted them: admin ones too)
 */
public record Gathering(int vector, List<Long> completionTimes, int threshold, long windowNanos, long timerArmedAt,
                        long deadline, long trippedAt, TripCause cause, int carried) {

    public Gathering {
        completionTimes = List.copyOf(completionTimes);
    }

    /** Completions gathered so far (the pending count a view draws against the threshold). */
    public int pending() {
        return completionTimes.size();
    }

    public boolean tripped() {
        return cause != null;
    }

    /** From the first completion to the signal (or to {@code now} while gathering): what coalescing added. */
    public long heldNanos(long now) {
        if (completionTimes.isEmpty()) {
            return 0;
        }
        return (trippedAt >= 0 ? trippedAt : now) - completionTimes.get(0);
    }
}
