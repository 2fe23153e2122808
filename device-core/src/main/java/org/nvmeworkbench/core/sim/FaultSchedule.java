package org.nvmeworkbench.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The driving thread's side of {@link Faults}: armed faults wait here for their I/O command count, then
 * take effect as a one-shot state (the next N errors, a stuck or slow command, a lost signal) that the
 * command and interrupt paths consume. The per-I/O checks are a compare and a counter.
 */
final class FaultSchedule {
    private static final Logger LOG = Logger.getLogger(SimulatedController.class.getName());

    private final SimulatedController c;
    private final Faults faults;
    private long ioFetched;
    private long nextFaultAt = Long.MAX_VALUE;
    private final List<Faults.Armed> scheduled = new ArrayList<>();
    private final List<Long> scheduledAt = new ArrayList<>();
    /** Device time at which each scheduled fault is due (Long.MAX_VALUE when it counts commands). */
    private final List<Long> scheduledTime = new ArrayList<>();
    private long nextFaultTime = Long.MAX_VALUE;
    /** What took effect, when, in words, for the run's notes (bounded: a fault is one-shot, but many may be armed). */
    private final List<String> fired = new ArrayList<>();
    private int errorsRemaining;
    private int stuckRemaining;
    private int slowRemaining;
    private long slowExtraNanos;
    private int lostAny;
    private final int[] lostOnVector;

    FaultSchedule(SimulatedController controller, Faults faults, int vectors) {
        this.c = controller;
        this.faults = faults;
        this.lostOnVector = new int[vectors];
    }

    /** A controller reset forgets the command faults that took effect; lost signals stay armed. */
    void controllerReset() {
        errorsRemaining = 0;
        stuckRemaining = 0;
        slowRemaining = 0;
    }

    /** Takes the faults armed since the last call, and applies those already due. */
    void pickUp() {
        if (!faults.changed()) {
            return;
        }
        List<Faults.Armed> armed;
        synchronized (faults) {
            if (faults.clearedSinceTake()) {
                scheduled.clear();
                scheduledAt.clear();
                scheduledTime.clear();
            }
            armed = faults.take();
        }
        for (Faults.Armed a : armed) {
            scheduled.add(a);
            boolean timed = a.afterNanos() >= 0;
            scheduledAt.add(timed ? Long.MAX_VALUE : ioFetched + a.afterCommands());
            scheduledTime.add(timed ? c.now + a.afterNanos() : Long.MAX_VALUE);
        }
        recomputeNextFault();
        if (ioFetched >= nextFaultAt || c.now >= nextFaultTime) {
            trigger();
        }
    }

    /** Counts an I/O command fetched; faults due at this count take effect before it runs. */
    void ioFetched() {
        if (ioFetched >= nextFaultAt || c.now >= nextFaultTime) {
            trigger();
        }
        ioFetched++;
    }

    /** True (and consumed) when this I/O completes with an injected media error. */
    boolean takeError() {
        if (errorsRemaining > 0) {
            errorsRemaining--;
            return true;
        }
        return false;
    }

    /** Extra media time of this I/O: non-zero once per slow-command fault. */
    long takeSlowNanos() {
        if (slowRemaining > 0) {
            slowRemaining--;
            return slowExtraNanos;
        }
        return 0;
    }

    /** True (and consumed) when this I/O never completes by itself. */
    boolean takeStuck() {
        if (stuckRemaining > 0) {
            stuckRemaining--;
            return true;
        }
        return false;
    }

    /** True (and consumed) when the signal on vector {@code v} is lost. */
    boolean takeLostSignal(int v) {
        if (lostAny > 0 || lostOnVector[v] > 0) {
            if (lostOnVector[v] > 0) {
                lostOnVector[v]--;
            } else {
                lostAny--;
            }
            return true;
        }
        return false;
    }

    private void recomputeNextFault() {
        long next = Long.MAX_VALUE;
        for (Long at : scheduledAt) {
            next = Math.min(next, at);
        }
        nextFaultAt = next;
        long nextTime = Long.MAX_VALUE;
        for (Long t : scheduledTime) {
            nextTime = Math.min(nextTime, t);
        }
        nextFaultTime = nextTime;
    }

    private void trigger() {
        for (int i = 0; i < scheduled.size(); i++) {
            if (scheduledAt.get(i) <= ioFetched || scheduledTime.get(i) <= c.now) {
                Faults.Armed a = scheduled.remove(i);
                scheduledAt.remove(i);
                scheduledTime.remove(i);
                i--;
                apply(a);
            }
        }
        recomputeNextFault();
    }

    private void apply(Faults.Armed a) {
        LOG.fine(() -> "Simulator fault takes effect: " + a);
        if (fired.size() < 100) {
            fired.add(a.kind().text() + (a.argument() != a.kind().defaultArgument() ? ":" + a.argument() : "") + " took effect "
                    + a.when() + " (at I/O command " + ioFetched + ", " + String.format(java.util.Locale.ROOT, "%.3f ms",
                    c.now / 1e6) + " of device time)");
        }
        if (c.trace != null) {
            c.trace.faultTriggered(a.kind().ordinal(), a.argument(), c.now);
        }
        switch (a.kind()) {
            case CFS:
                c.regs.fatal();
                break;
            case ERROR_STATUS:
                errorsRemaining += Math.max(1, a.argument());
                break;
            case LOST_INTERRUPT:
                if (a.argument() >= 0 && a.argument() < lostOnVector.length) {
                    lostOnVector[a.argument()]++;
                } else {
                    lostAny++;
                }
                break;
            case STUCK_COMMAND:
                stuckRemaining++;
                break;
            case MASKED_VECTOR:
                c.interrupts.maskByFault(a.argument());
                break;
            case SLOW_COMMAND:
                slowRemaining++;
                slowExtraNanos = Math.max(0, a.argument()) * 1000L;
                break;
            default:
                break;
        }
    }

    /** The faults that took effect, one phrase each, oldest first. */
    List<String> fired() {
        return List.copyOf(fired);
    }

    /** Faults waiting for their command count, as text. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scheduled.size(); i++) {
            out.add(scheduled.get(i).kind().text() + (scheduledTime.get(i) != Long.MAX_VALUE
                    ? " at " + scheduledTime.get(i) + " ns of device time" : " at command " + scheduledAt.get(i)));
        }
        return out;
    }
}
