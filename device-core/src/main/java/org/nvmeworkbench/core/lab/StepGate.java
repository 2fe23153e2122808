package org.nvmeworkbench.core.lab;

/**
 * Single-stepping at the Lab's grain: one {@link LabEvent} at a time. While paused, the thread that
 * drives the simulator and the driver stops right after each Lab event (the state it shows is then
 * the simulator's state at that event) until {@link #step()} or {@link #resume()}. The simulator's own
 * {@link org.nvmeworkbench.core.sim.SimulationControl#step()} steps one simulator event instead, and
 * the host's actions between those run unchecked; this gate stops at host actions too.
 *
 * <p>The gate is only ever consulted by the Lab's trace, never on the driver's hot path.
 */
public final class StepGate {
    private boolean paused;
    private int permits;
    private LabEvent parkedAt;
    private boolean released;
    private Runnable onPark = () -> { };

    /** Run by the driving thread each time the run stops at an event (e.g. to put the pacing back after a step). */
    public synchronized void onPark(Runnable r) {
        onPark = r == null ? () -> { } : r;
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        parkedAt = null;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** While paused: lets the run go on to the next Lab event, where it stops again. */
    public synchronized void step() {
        if (parkedAt != null) {
            permits++;
            parkedAt = null;
            notifyAll();
        }
    }

    /** The event the run is stopped at, or null while it runs (or has not reached one yet). */
    public synchronized LabEvent parkedAt() {
        return parkedAt;
    }

    /**
     * Waits until the run stops at an event and returns it; null when it did not within
     * {@code timeoutMillis} or the gate was released.
     */
    public synchronized LabEvent awaitParked(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (parkedAt == null && !released) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return parkedAt;
    }

    /** Lets the run go for good (the scenario is closing): nothing stops at the gate again. */
    public synchronized void release() {
        released = true;
        paused = false;
        parkedAt = null;
        notifyAll();
    }

    /** Called by the driving thread after each Lab event. */
    void reached(LabEvent e) {
        if (e == null) {
            return;
        }
        synchronized (this) {
            if (!paused || released) {
                return;
            }
            parkedAt = e;
            onPark.run();
            notifyAll();
            boolean interrupted = false;
            while (paused && !released && permits == 0) {
                try {
                    wait();
                } catch (InterruptedException ie) {
                    interrupted = true;
                    break;
                }
            }
            if (permits > 0) {
                permits--;
            }
            parkedAt = null;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
