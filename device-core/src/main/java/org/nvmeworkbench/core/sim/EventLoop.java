package org.nvmeworkbench.core.sim;

import org.nvmeworkbench.core.pci.VectorSet;

/**
 * Virtual time: runs the scheduled events in (time, sequence) order, dispatching each to the part of
 * the controller it belongs to (an event from before the last reset, a stale epoch, is ignored except
 * a signal already in flight), and the host's side of time: waiting for an interrupt, polling, and the
 * host CPU cost ({@link HostModel}) run on the clock when control returns to the driver.
 */
final class EventLoop {
    private final SimulatedController c;
    private final EventQueue events;
    private final SimulationControl control;
    private final InterruptController interrupts;
    private final CommandPath path;
    private final ControllerRegisters regs;
    private final QueueTable queues;
    private final CommandTable commands;
    private final FaultSchedule injected;
    /** Host CPU time owed to the clock, ns. */
    private long hostDebt;

    EventLoop(SimulatedController controller, SimulationControl control) {
        this.c = controller;
        this.events = controller.events;
        this.control = control;
        this.interrupts = controller.interrupts;
        this.path = controller.path;
        this.regs = controller.regs;
        this.queues = controller.queues;
        this.commands = controller.commands;
        this.injected = controller.injected;
    }

    /** FLR: events are gone and the host owes nothing. */
    void functionReset() {
        events.clear();
        hostDebt = 0;
    }

    /** The host waits for one of {@code vectors}, the device's events running meanwhile. */
    int awaitInterrupt(VectorSet vectors, long timeoutNanos) {
        long deadline = c.now + Math.max(0, timeoutNanos);
        if (deadline < c.now) {
            deadline = Long.MAX_VALUE;
        }
        injected.pickUp();
        settleHostDebt();
        while (true) {
            int v = interrupts.take(vectors);
            if (v >= 0) {
                long examination = interrupts.taken(v);
                // The handler starts once the wake-up's CPU owed to the clock has run; examining its CQs is the handler.
                interrupts.cores.handlerStarted(v, c.now + hostDebt);
                hostDebt += examination;
                settleHostDebt();
                return v;
            }
            if (events.isEmpty() || events.peekTime() > deadline) {
                if (deadline != Long.MAX_VALUE) {
                    advanceIdle(deadline);
                }
                return -1;
            }
            processNextEvent();
        }
    }

    /** The host polls: events due within {@code maxNanos} run, else time passes idle. */
    void relax(long maxNanos) {
        injected.pickUp();
        settleHostDebt();
        long target = c.now + Math.max(0, maxNanos);
        if (target < c.now) {
            target = Long.MAX_VALUE;
        }
        if (!events.isEmpty() && events.peekTime() <= target) {
            processNextEvent();
        } else if (target != Long.MAX_VALUE) {
            advanceIdle(target);
        }
        settleHostDebt();
    }

    void processNextEvent() {
        long t = events.peekTime();
        if (t > c.now) {
            control.beforeAdvance(c.now, t);
        } else {
            control.beforeAdvance(c.now, c.now);
        }
        events.pop();
        if (t > c.now) {
            c.now = t;
        }
        int kind = events.poppedKind;
        int a = events.poppedA;
        int b = events.poppedB;
        boolean current = events.poppedEpoch == c.epoch;
        switch (kind) {
            case EventQueue.INTERRUPT_DELIVERY:
                hostDebt += interrupts.deliver(a);
                break;
            case EventQueue.SQ_FETCH:
                if (current) {
                    path.fetch(a);
                }
                break;
            case EventQueue.COMMAND_DONE:
                if (current && commands.generation[a] == b) {
                    path.finish(a);
                }
                break;
            case EventQueue.COALESCING_TIMER:
                if (current) {
                    interrupts.timerExpired(a, b);
                }
                break;
            case EventQueue.MEDIA_START:
                if (current) {
                    path.mediaStarted(a, b);
                }
                break;
            case EventQueue.CQ_DRAIN:
                if (current) {
                    queues.cqDrainScheduled[a] = false;
                    path.drain(a);
                }
                break;
            case EventQueue.CONTROLLER_READY:
                if (current) {
                    regs.ready();
                }
                break;
            case EventQueue.SHUTDOWN_COMPLETE:
                if (current) {
                    regs.shutdownComplete();
                }
                break;
            default:
                throw new IllegalStateException("Unknown simulator event " + kind);
        }
    }

    private void advanceIdle(long target) {
        if (target > c.now) {
            control.beforeAdvance(c.now, target);
            c.now = target;
        }
    }

    /** Host CPU time ({@code ns}) to run on the clock before control returns to the driver. */
    void chargeHost(long ns) {
        hostDebt += ns;
    }

    /** Runs the host's CPU costs on the clock: device events keep happening meanwhile. */
    private void settleHostDebt() {
        while (hostDebt > 0) {
            long target = c.now + hostDebt;
            hostDebt = 0;
            while (!events.isEmpty() && events.peekTime() <= target) {
                processNextEvent();
            }
            advanceIdle(target);
        }
    }
}
