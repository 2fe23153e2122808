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
            }
            armed = faults.take();
        }
        for (Faults.Armed a : armed) {
            scheduled.add(a);
            scheduledAt.add(ioFetched + a.afterCommands());
        }
        recomputeNextFault();
        if (ioFetched >= nextFaultAt) {
            trigger();
        }
    }

    /** Counts an I/O command fetched; faults due at this count take effect before it runs. */
    void ioFetched() {
        if (ioFetched >= nextFaultAt) {
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
    }

    private void trigger() {
        for (int i = 0; i < scheduled.size(); i++) {
            if (scheduledAt.get(i) <= ioFetched) {
                Faults.Armed a = scheduled.remove(i);
                scheduledAt.remove(i);
                i--;
                apply(a);
            }
        }
        recomputeNextFault();
    }

    private void apply(Faults.Armed a) {
        LOG.fine(() -> "Simulator fault takes effect: " + a);
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

    /** Faults waiting for their command count, as text. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < scheduled.size(); i++) {
            out.add(scheduled.get(i).kind().text() + " at command " + scheduledAt.get(i));
        }
        return out;
    }
}
