package org.nvmeworkbench.core.lab;

import java.util.Arrays;

/**
 * One command's way through the eight {@link JourneyStep}s, with the device time of each. A journey is
 * identified by (qid, cid, generation): the driver reuses a CID for the next command on its slot, and
 * each reuse is a new generation. Instances handed out by {@link JourneyTracker} are copies: they do not
 * change afterwards.
 */
public final class CommandJourney {
    /** Stamp of a step not (yet) reached. */
    public static final long NOT_REACHED = -1;

    private final int qid;
    private final int cid;
    private final long generation;
    private final long[] stamps = new long[JourneyStep.values().length];
    int opcode = -1;
    int status = -1;
    long mediaEnd = NOT_REACHED;
    int sqSlot = -1;
    int cqSlot = -1;
    int phase = -1;
    int vector = -1;
    long interruptSeq = -1;
    int completionsCarried;
    int sqDoorbellCovered;
    int cqDoorbellCovered;
    /** The signal that carried this completion, shared by every journey it carried; not copied. */
    long[] signal;

    CommandJourney(int qid, int cid, long generation) {
        this.qid = qid;
        this.cid = cid;
        this.generation = generation;
        Arrays.fill(stamps, NOT_REACHED);
    }

    void stamp(JourneyStep step, long t) {
        stamps[step.ordinal()] = t;
    }

    CommandJourney copy() {
        CommandJourney c = new CommandJourney(qid, cid, generation);
        System.arraycopy(stamps, 0, c.stamps, 0, stamps.length);
        c.opcode = opcode;
        c.status = status;
        c.mediaEnd = mediaEnd;
        c.sqSlot = sqSlot;
        c.cqSlot = cqSlot;
        c.phase = phase;
        c.vector = vector;
        c.interruptSeq = interruptSeq;
        c.completionsCarried = completionsCarried;
        c.sqDoorbellCovered = sqDoorbellCovered;
        c.cqDoorbellCovered = cqDoorbellCovered;
        return c;
    }

    public int qid() {
        return qid;
    }

    public int cid() {
        return cid;
    }

    public long generation() {
        return generation;
    }

    /** Device time (ns) the command reached {@code step}, or {@link #NOT_REACHED}. */
    public long at(JourneyStep step) {
        return stamps[step.ordinal()];
    }

    public boolean reached(JourneyStep step) {
        return stamps[step.ordinal()] != NOT_REACHED;
    }

    /** The furthest step reached (the one a stage view lights for this command), or null before the first. */
    public JourneyStep currentStep() {
        JourneyStep[] all = JourneyStep.values();
        for (int i = all.length - 1; i >= 0; i--) {
            if (stamps[i] != NOT_REACHED) {
                return all[i];
            }
        }
        return null;
    }

    /** True once the host rang the CQ head doorbell that released the command's CQE. */
    public boolean finished() {
        return reached(JourneyStep.CQ_HEAD_DOORBELL);
    }

    /** The opcode the controller fetched, or -1 before the fetch. */
    public int opcode() {
        return opcode;
    }

    /** The completion's status (SCT/SC packed; 0 = success), or -1 before the CQE. */
    public int status() {
        return status;
    }

    /** Media start: when the command's unit (or the write buffer) began serving it, at or after the fetch. */
    public long mediaStart() {
        return at(JourneyStep.EXECUTES);
    }

    /** When the command's execution ended (device time), or {@link #NOT_REACHED}. */
    public long mediaEnd() {
        return mediaEnd;
    }

    /** The SQ entry index the SQE was written to, or -1. */
    public int sqSlot() {
        return sqSlot;
    }

    /** The CQ entry index the controller posted the CQE to, or -1. */
    public int cqSlot() {
        return cqSlot;
    }

    /** The phase tag the CQE carried, or -1. */
    public int phase() {
        return phase;
    }

    /** The vector the CQ signals, known from the CQE on; -1 before. */
    public int vector() {
        return vector;
    }

    /** Which interrupt (numbered from 1 in the run) carried the completion; -1 when none did (polling, or not yet). */
    public long interruptSeq() {
        return interruptSeq;
    }

    /** How many completions the interrupt that carried this one carried in all (coalescing: more than 1). */
    public int completionsCarried() {
        return completionsCarried;
    }

    /** How many SQEs the SQ tail doorbell that handed this one over covered. */
    public int sqDoorbellCovered() {
        return sqDoorbellCovered;
    }

    /** How many CQEs the CQ head doorbell that released this one covered. */
    public int cqDoorbellCovered() {
        return cqDoorbellCovered;
    }

    /** SQE written to CQ head doorbell (ns), or -1 while unfinished. */
    public long totalNanos() {
        return finished() ? at(JourneyStep.CQ_HEAD_DOORBELL) - at(JourneyStep.HOST_WRITES_SQE) : NOT_REACHED;
    }

    @Override
    public String toString() {
        return "CommandJourney[qid=" + qid + ", cid=" + cid + ", gen=" + generation + ", at=" + currentStep() + "]";
    }
}
