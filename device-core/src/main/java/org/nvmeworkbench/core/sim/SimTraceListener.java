package org.nvmeworkbench.core.sim;

/**
 * What happens inside the simulated controller, for the Lab perspective and for tests. Called on the
 * thread that drives the simulator, at virtual time {@code t} (ns), with primitive arguments only so
 * tracing allocates nothing. Every method defaults to doing nothing; a listener must be quick.
 */
public interface SimTraceListener {
    /** {@link #doorbell} kind: an SQ tail doorbell. */
    int SQ_TAIL = 0;
    /** {@link #doorbell} kind: a CQ head doorbell. */
    int CQ_HEAD = 1;

    default void doorbell(int kind, int qid, int value, long t) {
    }

    /** A doorbell write the controller ignored (queue absent, value out of range). */
    default void invalidDoorbell(int kind, int qid, int value, long t) {
    }

    default void sqeFetched(int qid, int cid, int opcode, int sqHead, long t) {
    }

    default void commandCompleted(int qid, int cid, int status, long t) {
    }

    default void cqePosted(int cqid, int cid, int cqTail, int phase, long t) {
    }

    /** The CQ was full: posting stalls until the host moves the head. */
    default void cqFull(int cqid, long t) {
    }

    default void coalescingTimerArmed(int vector, long deadline) {
    }

    default void interruptRaised(int vector, int completionsCarried, long t) {
    }

    /** {@link #interruptRaised(int, int, int, long)} cause: THR + 1 completions gathered (Feature 08h). */
    int CAUSE_THRESHOLD = 0;
    /** Cause: the aggregation time (TIME x 100 us) ran out. */
    int CAUSE_TIMER = 1;
    /** Cause: signalled at once, not coalesced (08h THR or TIME 0, 09h CD=1, the admin vector, or an admin CQ). */
    int CAUSE_IMMEDIATE = 2;
    /** Cause: a completion with an error status, signalled at once with whatever was pending. */
    int CAUSE_ERROR = 3;

    /**
     * The vector is signalled carrying {@code completionsCarried} entries, and why ({@code cause}, one of the
     * CAUSE_ constants). Defaults to {@link #interruptRaised(int, int, long)}.
     */
    default void interruptRaised(int vector, int completionsCarried, int cause, long t) {
        interruptRaised(vector, completionsCarried, t);
    }

    /**
     * I/O command {@code cid} of SQ {@code qid} starts executing on the media: at its fetch when its unit is
     * free, later when it waits for the unit (or the write buffer). Commands that fail their checks start
     * (and end) at once. Traced runs only schedule the extra event this needs.
     */
    default void mediaStarted(int qid, int cid, long t) {
    }

    /** The vector was masked: the signal waits in the PBA. */
    default void interruptPending(int vector, long t) {
    }

    /** The signal was lost (fault injection, or no interrupts enabled). */
    default void interruptDropped(int vector, long t) {
    }

    default void interruptDelivered(int vector, long t) {
    }

    /** CSTS changed (RDY, CFS, SHST). */
    default void controllerStatus(int csts, long t) {
    }

    /** An armed fault took effect; {@code kind} is a {@link Faults.Kind} ordinal. */
    default void faultTriggered(int kind, int argument, long t) {
    }
}
