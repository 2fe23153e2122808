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
 * @param cause  for {@link Kind#INTERRUPT_RAISED}, what tripped the signal (the simulator's own cause); else null
 */
public record LabEvent(long seq, Kind kind, int qid, int cid, int vector, long value, long t, TripCause cause) {

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

    /** The event in words, for a presenter's status line: what happened, to which command, where. */
    public String describe() {
        String cmd = "Command " + cid + " (queue " + qid + ")";
        switch (kind) {
            case HOST_WRITES_SQE:
                return cmd + ": the host writes its SQE into the submission queue (tail will be " + value + ").";
            case SQ_TAIL_DOORBELL:
                return "Queue " + qid + ": the host rings the SQ tail doorbell, handing " + plural(value, "command")
                        + " to the controller.";
            case CONTROLLER_FETCHES:
                return cmd + ": the controller fetches the SQE (SQ head now " + value + ").";
            case EXECUTES:
                return cmd + ": the controller executes it.";
            case CONTROLLER_WRITES_CQE:
                return cmd + ": the controller writes its CQE (CQ tail now " + value + ").";
            case INTERRUPT_RAISED:
                return "Vector " + vector + ": the controller raises an interrupt carrying " + plural(value, "completion")
                        + (cause == null ? "" : " (" + cause.text() + ")") + ".";
            case HOST_CONSUMES_CQE:
                return cmd + ": the host consumes its CQE (CQ head now " + value + ").";
            case CQ_HEAD_DOORBELL:
                return "Queue " + qid + ": the host rings the CQ head doorbell, releasing " + plural(value, "entry", "entries") + ".";
            case TIMER_ARMED:
                return "Vector " + vector + ": a completion waits; the coalescing timer starts.";
            default:
                return kind.name();
        }
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
