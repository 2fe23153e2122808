package org.nvmeworkbench.core.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How virtual time relates to the wall clock: speed factor (0 = as fast as possible, 1.0 = paced to the
 * wall clock, 1e-4 = slow motion), pause, resume and single steps. Other threads (the UI) change it at
 * any time; the thread driving the simulator sleeps between events to keep pace and notices changes
 * within a few milliseconds.
 */
public final class SimulationControl {
    private static final long MAX_SLEEP_NANOS = 5_000_000L;
    /** Falling further behind the wall clock than this restarts pacing from now instead of racing. */
    private static final long MAX_LAG_NANOS = 100_000_000L;

    private volatile double speed;
    private volatile boolean paused;
    private final AtomicInteger stepPermits = new AtomicInteger();
    /** Bumped on every change so the driving thread checks one volatile field per event. */
    private volatile int changes;

    // Owned by the driving thread.
    private int seenChanges = -1;
    private boolean unpaced;
    private long anchorVirtual;
    private long anchorWall;

    SimulationControl(double speed) {
        setSpeed(speed);
    }

    public double speed() {
        return speed;
    }

    /** 0 runs as fast as possible; 1.0 keeps virtual time with the wall clock; 0.001 is 1000x slow motion. */
    public void setSpeed(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("Speed must be 0 (as fast as possible) or a positive factor, not " + factor + ".");
        }
        if (factor == speed) {
            return; // a change re-anchors the pacing: repeated, it would keep the next event from ever coming
        }
        speed = factor;
        changes++;
    }

    public void pause() {
        paused = true;
        changes++;
    }

    public void resume() {
        if (!paused) {
            return; // as in setSpeed: only a real change re-anchors the pacing
        }
        paused = false;
        changes++;
    }

    public boolean isPaused() {
        return paused;
    }

    /** While paused: lets exactly one more event run (or one idle advance of the clock), then stays paused. */
    public void step() {
        stepPermits.incrementAndGet();
        changes++;
    }

    /**
     * Called by the driving thread before virtual time moves from {@code from} to {@code to}: blocks
     * while paused (until a step or resume) and sleeps to keep pace.
     */
    void beforeAdvance(long from, long to) {
        int c = changes;
        if (c == seenChanges && unpaced) {
            return;
        }
        while (true) {
            c = changes;
            if (c != seenChanges) {
                seenChanges = c;
                anchorVirtual = from;
                anchorWall = System.nanoTime();
                unpaced = speed == 0 && !paused;
            }
            if (paused) {
                int permits = stepPermits.get();
                if (permits > 0 && stepPermits.compareAndSet(permits, permits - 1)) {
                    seenChanges = -1; // re-anchor after the step
                    return;
                }
                LockSupport.parkNanos(1_000_000L);
                continue;
            }
            double s = speed;
            if (s == 0) {
                return;
            }
            long target = anchorWall + (long) ((to - anchorVirtual) / s);
            long wall = System.nanoTime();
            long ahead = target - wall;
            if (ahead <= 0) {
                if (-ahead > MAX_LAG_NANOS) {
                    anchorVirtual = to;
                    anchorWall = wall;
                }
                return;
            }
            LockSupport.parkNanos(Math.min(ahead, MAX_SLEEP_NANOS));
        }
    }
}
