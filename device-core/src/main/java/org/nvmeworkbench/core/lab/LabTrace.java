package org.nvmeworkbench.core.lab;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

import org.nvmeworkbench.core.driver.HostTraceListener;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.sim.SimTraceListener;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The one listener the Lab installs on both sides (the simulator takes one trace listener, the driver
 * one host listener): feeds the {@link JourneyTracker} and the {@link CoalescingScene}, keeps the
 * recent {@link LabEvent}s, and stops at the {@link StepGate} after each event.
 */
public final class LabTrace implements SimTraceListener, HostTraceListener {
    private final SimulatedController sim;
    private final JourneyTracker journeys;
    private final CoalescingScene coalescing;
    private final StepGate gate;
    private final int keepEvents;
    private final ArrayDeque<LabEvent> recent = new ArrayDeque<>();
    private volatile Consumer<LabEvent> onEvent;

    public LabTrace(SimulatedController sim, JourneyTracker journeys, CoalescingScene coalescing, StepGate gate,
                    int keepEvents) {
        this.sim = sim;
        this.journeys = journeys;
        this.coalescing = coalescing;
        this.gate = gate;
        this.keepEvents = Math.max(1, keepEvents);
    }

    /** A trace with a tracker of 256 journeys, a scene of 64 gatherings per vector and 1024 events. */
    public static LabTrace on(SimulatedController sim) {
        return new LabTrace(sim, new JourneyTracker(sim, 256), new CoalescingScene(sim, 64), new StepGate(), 1024);
    }

    /** Installs this trace on both sides; call it from the thread that drives them. */
    public void install(NvmeController ctrl) {
        sim.setTraceListener(this);
        ctrl.setHostTraceListener(this);
    }

    public void uninstall(NvmeController ctrl) {
        sim.setTraceListener(null);
        ctrl.setHostTraceListener(null);
    }

    public JourneyTracker journeys() {
        return journeys;
    }

    public CoalescingScene coalescing() {
        return coalescing;
    }

    public StepGate gate() {
        return gate;
    }

    /** Called on the driving thread after each Lab event is recorded, before the gate (e.g. captions). */
    public void onEvent(Consumer<LabEvent> c) {
        onEvent = c;
    }

    /** The most recent events, oldest first. */
    public synchronized List<LabEvent> recentEvents() {
        return List.copyOf(recent);
    }

    private void emit(LabEvent e) {
        if (e == null) {
            return;
        }
        synchronized (this) {
            recent.addLast(e);
            if (recent.size() > keepEvents) {
                recent.removeFirst();
            }
        }
        Consumer<LabEvent> c = onEvent;
        if (c != null) {
            c.accept(e);
        }
        gate.reached(e);
    }

    // --- host -------------------------------------------------------------------------------------

    @Override
    public void sqeWritten(int qid, int cid, int sqTail, long t) {
        emit(journeys.sqeWritten(qid, cid, sqTail, t));
    }

    @Override
    public void sqDoorbellRung(int qid, int tail, long t) {
        emit(journeys.sqDoorbellRung(qid, tail, t));
    }

    @Override
    public void cqeConsumed(int qid, int cid, int cqHead, int phase, long t) {
        emit(journeys.cqeConsumed(qid, cid, cqHead, t));
    }

    @Override
    public void cqDoorbellRung(int qid, int head, long t) {
        emit(journeys.cqDoorbellRung(qid, head, t));
    }

    // --- controller -------------------------------------------------------------------------------

    @Override
    public void sqeFetched(int qid, int cid, int opcode, int sqHead, long t) {
        emit(journeys.sqeFetched(qid, cid, opcode, sqHead, t));
    }

    @Override
    public void mediaStarted(int qid, int cid, long t) {
        emit(journeys.executes(qid, cid, t));
    }

    @Override
    public void commandCompleted(int qid, int cid, int status, long t) {
        journeys.commandCompleted(qid, cid, status, t);
    }

    @Override
    public void cqePosted(int cqid, int cid, int cqTail, int phase, long t) {
        LabEvent e = journeys.cqePosted(cqid, cid, cqTail, phase, t);
        coalescing.completionPosted(cqid, t);
        // Stopping here is safe for the scene: while the run is stopped nothing else is traced, so the
        // signal this posting may cause still follows it directly.
        emit(e);
    }

    @Override
    public void coalescingTimerArmed(int vector, long deadline) {
        coalescing.timerArmed(vector, deadline);
        emit(journeys.timerArmed(vector, deadline, sim.nanoTime()));
    }

    @Override
    public void interruptRaised(int vector, int completionsCarried, int cause, long t) {
        TripCause why = TripCause.fromSimulator(cause,
                InterruptCoalescing.fromCdw11(sim.interruptCoalescingValue()).enabled());
        coalescing.interruptRaised(vector, completionsCarried, why, t);
        emit(journeys.interruptRaised(vector, completionsCarried, why, t));
    }

}
