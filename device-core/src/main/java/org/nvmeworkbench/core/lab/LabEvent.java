package org.nvmeworkbench.core.lab;

/**
 * One thing that happened on the command path, as the Lab steps through it: a journey step of one
 * command (qid, cid), or an event that concerns several (a doorbell covering several SQEs, an interrupt
 * carrying several completions, a coalescing timer armed on a vector).
 *
 * @param seq    order of the event in the scenario, from 1
 * @param kind   what happened
 * @param qid    the queue, or -1 for a vector event
 * @param cid    the command, or -1 when the event covers several
 * @param vector the interrupt vector, or -1 when none applies
 * @param value  a kind-specific figure: commands a doorbell covered, completions an interrupt carried,
 *               the ring index after the action, or the timer's deadline (ns) for {@link Kind#TIMER_ARMED}
 * @param t      device time (ns)
 */
public record LabEvent(long seq, Kind kind, int qid, int cid, int vector, long value, long t) {

    public enum Kind {
        HOST_WRITES_SQE, SQ_TAIL_DOORBELL, CONTROLLER_FETCHES, EXECUTES, CONTROLLER_WRITES_CQE,
        INTERRUPT_RAISED, HOST_CONSUMES_CQE, CQ_HEAD_DOORBELL,
        /** A coalescing timer started on {@code vector}; {@code value} is its deadline. */
        TIMER_ARMED;

        /** The journey step this kind lights, or null for {@link #TIMER_ARMED}. */
        public JourneyStep step() {
            return this == TIMER_ARMED ? null : JourneyStep.values()[ordinal()];
        }
    }

    /** The journey step this event lights, or null. */
    public JourneyStep step() {
        return kind.step();
    }
}
