package org.nvmeworkbench.core.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * Follows every I/O command through its eight steps from the two traces (the driver's ring actions and
 * the simulator's), keeps the last {@code capacity} finished journeys, and lets a caller follow one
 * command. Admin commands (queue 0) are left out: the Lab shows the I/O path.
 *
 * <p>With coalescing, {@link JourneyStep#INTERRUPT_RAISED} of a command is the signal that carried it:
 * every completion posted on the vector since its last signal. One SQ doorbell hands over every SQE
 * written since the last ring, and one CQ doorbell releases every CQE consumed since the last write.
 *
 * <p>Threading: fed on the thread that drives the simulator (through {@link LabTrace}); read from any
 * thread. It is a Lab tool, not a hot-path one: it locks and allocates per event.
 */
public final class JourneyTracker {
    private final SimulatedController sim;
    private final int capacity;
    private final Map<Integer, CommandJourney> active = new HashMap<>();
    private final Map<Integer, Long> generations = new HashMap<>();
    private final Map<Integer, List<CommandJourney>> unrung = new HashMap<>();
    private final Map<Integer, List<CommandJourney>> consumed = new HashMap<>();
    private final Map<Integer, List<CommandJourney>> postedOnVector = new HashMap<>();
    private final ArrayDeque<CommandJourney> finished = new ArrayDeque<>();
    private CommandJourney completing;
    private long seq;
    private long interrupts;
    private long finishedCount;
    private LabEvent last;
    private long responses;
    private long responseNanos;
    /** -1: follow nothing; -2: follow the next command written; else qid << 16 | cid. */
    private int followKey = -1;
    private CommandJourney followed;

    public JourneyTracker(SimulatedController sim, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A journey tracker keeps at least one journey, not " + capacity + ".");
        }
        this.sim = sim;
        this.capacity = capacity;
    }

    private static int key(int qid, int cid) {
        return (qid << 16) | (cid & 0xFFFF);
    }

    private LabEvent event(LabEvent.Kind kind, int qid, int cid, int vector, long value, long t) {
        return event(kind, qid, cid, vector, value, t, null);
    }

    private LabEvent event(LabEvent.Kind kind, int qid, int cid, int vector, long value, long t, TripCause cause) {
        last = new LabEvent(++seq, kind, qid, cid, vector, value, t, cause);
        return last;
    }

    private static List<CommandJourney> list(Map<Integer, List<CommandJourney>> m, int k) {
        return m.computeIfAbsent(k, x -> new ArrayList<>());
    }

    // --- host side --------------------------------------------------------------------------------

    synchronized LabEvent sqeWritten(int qid, int cid, int sqTail, long t) {
        int k = key(qid, cid);
        long gen = generations.merge(k, 1L, Long::sum);
        CommandJourney j = new CommandJourney(qid, cid, gen);
        j.stamp(JourneyStep.HOST_WRITES_SQE, t);
        int size = sim.sqSize(qid);
        j.sqSlot = size > 0 ? Math.floorMod(sqTail - 1, size) : -1;
        active.put(k, j);
        list(unrung, qid).add(j);
        if (followKey == -2 || followKey == k) {
            followed = j;
            followKey = -1;
        }
        return event(LabEvent.Kind.HOST_WRITES_SQE, qid, cid, -1, sqTail, t);
    }

    synchronized LabEvent sqDoorbellRung(int qid, int tail, long t) {
        List<CommandJourney> l = list(unrung, qid);
        int n = l.size();
        for (CommandJourney j : l) {
            j.stamp(JourneyStep.SQ_TAIL_DOORBELL, t);
            j.sqDoorbellCovered = n;
        }
        l.clear();
        return n == 0 ? null : event(LabEvent.Kind.SQ_TAIL_DOORBELL, qid, -1, -1, n, t);
    }

    synchronized LabEvent cqeConsumed(int qid, int cid, int cqHead, long t) {
        CommandJourney j = active.get(key(qid, cid));
        if (j == null || !j.reached(JourneyStep.CONTROLLER_WRITES_CQE)) {
            return null;
        }
        j.stamp(JourneyStep.HOST_CONSUMES_CQE, t);
        if (j.signal != null && j.signal[1] == 0) {
            j.signal[1] = 1; // the first completion of a signal the host takes: its response time
            responses++;
            responseNanos += t - j.signal[0];
        }
        if (j.vector >= 0) {
            list(postedOnVector, j.vector).remove(j); // polled, or consumed before its signal
        }
        list(consumed, qid).add(j);
        return event(LabEvent.Kind.HOST_CONSUMES_CQE, qid, cid, j.vector, cqHead, t);
    }

    synchronized LabEvent cqDoorbellRung(int qid, int head, long t) {
        List<CommandJourney> l = list(consumed, qid);
        int n = l.size();
        for (CommandJourney j : l) {
            j.stamp(JourneyStep.CQ_HEAD_DOORBELL, t);
            j.cqDoorbellCovered = n;
            active.remove(key(j.qid(), j.cid()), j);
            finished.addLast(j);
            finishedCount++;
            if (finished.size() > capacity) {
                finished.removeFirst();
            }
        }
        l.clear();
        return n == 0 ? null : event(LabEvent.Kind.CQ_HEAD_DOORBELL, qid, -1, -1, n, t);
    }

    // --- controller side --------------------------------------------------------------------------

    /** The fetch; {@link #executes} follows when the simulator traces the command's media service starting. */
    synchronized LabEvent sqeFetched(int qid, int cid, int opcode, int sqHead, long t) {
        CommandJourney j = qid == 0 ? null : active.get(key(qid, cid));
        if (j == null) {
            return null;
        }
        j.stamp(JourneyStep.CONTROLLER_FETCHES, t);
        j.opcode = opcode;
        return event(LabEvent.Kind.CONTROLLER_FETCHES, qid, cid, -1, sqHead, t);
    }

    synchronized LabEvent executes(int qid, int cid, long t) {
        CommandJourney j = qid == 0 ? null : active.get(key(qid, cid));
        if (j == null || !j.reached(JourneyStep.CONTROLLER_FETCHES)) {
            return null;
        }
        j.stamp(JourneyStep.EXECUTES, t);
        return event(LabEvent.Kind.EXECUTES, qid, cid, -1, j.opcode, t);
    }

    synchronized void commandCompleted(int qid, int cid, int status, long t) {
        completing = qid == 0 ? null : active.get(key(qid, cid));
        if (completing != null) {
            completing.status = status;
            completing.mediaEnd = t;
        }
    }

    synchronized LabEvent cqePosted(int cqid, int cid, int cqTail, int phase, long t) {
        CommandJourney j = completing;
        completing = null;
        if (j == null || j.cid() != cid) {
            return null;
        }
        j.stamp(JourneyStep.CONTROLLER_WRITES_CQE, t);
        int size = sim.cqSize(cqid);
        j.cqSlot = size > 0 ? Math.floorMod(cqTail - 1, size) : -1;
        j.phase = phase;
        j.vector = vectorOf(sim, cqid);
        list(postedOnVector, j.vector).add(j);
        return event(LabEvent.Kind.CONTROLLER_WRITES_CQE, j.qid(), cid, j.vector, cqTail, t);
    }

    /** The vector a CQ signals: its IV, or the one pin (vector 0) in pin-based mode. */
    static int vectorOf(SimulatedController sim, int cqid) {
        return sim.interruptMode() == InterruptMode.PIN ? 0 : sim.cqVector(cqid);
    }

    synchronized LabEvent interruptRaised(int vector, int carried, TripCause cause, long t) {
        List<CommandJourney> l = postedOnVector.get(vector);
        if (l == null || l.isEmpty()) {
            return null; // an admin completion's signal
        }
        long n = ++interrupts;
        long[] signal = {t, 0};
        for (CommandJourney j : l) {
            j.signal = signal;
            j.stamp(JourneyStep.INTERRUPT_RAISED, t);
            j.interruptSeq = n;
            j.completionsCarried = carried;
        }
        l.clear();
        return event(LabEvent.Kind.INTERRUPT_RAISED, -1, -1, vector, carried, t, cause);
    }

    synchronized LabEvent timerArmed(int vector, long deadline, long t) {
        List<CommandJourney> l = postedOnVector.get(vector);
        if (l == null || l.isEmpty()) {
            return null;
        }
        return event(LabEvent.Kind.TIMER_ARMED, -1, -1, vector, deadline, t);
    }

    // --- reading ----------------------------------------------------------------------------------

    /** The last {@code capacity} finished journeys, oldest first (copies). */
    public synchronized List<CommandJourney> finishedJourneys() {
        List<CommandJourney> out = new ArrayList<>(finished.size());
        for (CommandJourney j : finished) {
            out.add(j.copy());
        }
        return out;
    }

    /** Journeys under way (written, not yet released by a CQ head doorbell), copies in no set order. */
    public synchronized List<CommandJourney> activeJourneys() {
        List<CommandJourney> out = new ArrayList<>(active.size());
        for (CommandJourney j : active.values()) {
            out.add(j.copy());
        }
        return out;
    }

    /** Journeys finished since the tracker started (more than {@link #finishedJourneys()} keeps). */
    public synchronized long finishedCount() {
        return finishedCount;
    }

    /** Interrupts that carried I/O completions so far. */
    public synchronized long interrupts() {
        return interrupts;
    }

    /**
     * Signals whose first completion the host has consumed, and the device time summed from each
     * signal being raised to that consumption: {@code {count, nanos}}.
     */
    public synchronized long[] interruptResponses() {
        return new long[] {responses, responseNanos};
    }

    /** The most recent event: the step a stage view lights now (null before the first). */
    public synchronized LabEvent lastEvent() {
        return last;
    }

    /** Follow command {@code cid} of queue {@code qid}: the one under way, or else its next. */
    public synchronized void follow(int qid, int cid) {
        CommandJourney j = active.get(key(qid, cid));
        if (j != null) {
            followed = j;
            followKey = -1;
        } else {
            followed = null;
            followKey = key(qid, cid);
        }
    }

    /** Follow the next command the host writes, on any queue. */
    public synchronized void followNext() {
        followed = null;
        followKey = -2;
    }

    /** The followed command's journey so far (a copy), or null while none is chosen or written yet. */
    public synchronized CommandJourney followed() {
        return followed == null ? null : followed.copy();
    }

    /** The step the followed command is at, or null. */
    public synchronized JourneyStep followedStep() {
        return followed == null ? null : followed.currentStep();
    }
}
