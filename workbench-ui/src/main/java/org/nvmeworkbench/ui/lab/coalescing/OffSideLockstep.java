package org.nvmeworkbench.ui.lab.coalescing;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nvmeworkbench.core.lab.LabRun;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The coalescing-off twin of the loaded scenario: a second {@link ScenarioRunner} on the same plan with
 * Feature 08h THR 0 / TIME 0 (and no reruns), on its own simulator, kept at the main runner's device
 * time. Called once per frame on the UI thread, so it follows the player without a hook of its own:
 * it starts when the main run has started, pauses while the main one is paused, steps (up to
 * {@link #STEPS_PER_FRAME} Lab events per frame) while it is behind, and while the main workload runs
 * it is held whenever it gets ahead.
 * Both simulators start at device time 0 with the same seed, so equal device times are comparable.
 */
final class OffSideLockstep implements AutoCloseable {
    /** Twin events stepped per frame while catching up: a presenter's step is matched within a frame. */
    static final int STEPS_PER_FRAME = 64;
    /** How long a frame waits for the twin to reach its next event (it normally takes microseconds). */
    static final long STEP_WAIT_MILLIS = 5;
    private final ScenarioRunner main;
    private final ScenarioRunner off;
    private final java.util.concurrent.Executor plays;
    private CompletableFuture<List<LabRun>> runs;

    OffSideLockstep(ScenarioRunner main) {
        this(main, org.nvmeworkbench.ui.task.LabWork.shared());
    }

    /** @param plays where the twin plays (it holds a thread until its run ends) */
    OffSideLockstep(ScenarioRunner main, java.util.concurrent.Executor plays) {
        this.main = main;
        this.plays = plays;
        this.off = new ScenarioRunner(main.plan().withCoalescing(InterruptCoalescing.OFF));
    }

    ScenarioRunner off() {
        return off;
    }

    /** Whether the main runner has started (its simulator's clock has moved: the driver attached). */
    boolean mainStarted() {
        return main.simulator().nanoTime() > 0;
    }

    boolean offStarted() {
        return runs != null;
    }

    /** Whether the off side's run is over (all its I/O completed, or it was cancelled). */
    boolean offFinished() {
        return runs != null && runs.isDone();
    }

    /** The off side's finished runs, or null while it is not finished (or failed). */
    List<LabRun> offRuns() {
        return runs != null && runs.isDone() && !runs.isCompletedExceptionally() ? runs.join() : null;
    }

    /** One frame: bring the off runner in line with the main one. */
    void follow() {
        if (!mainStarted()) {
            return;
        }
        boolean mainPaused = main.gate().isPaused() || main.control().isPaused();
        if (runs == null) {
            if (mainPaused) {
                off.pause(); // parks at its first event: the main run's bring-up took the same device time
            }
            runs = off.start(plays);
            return;
        }
        if (runs.isDone()) {
            return;
        }
        long tMain = main.simulator().nanoTime();
        long tOff = off.simulator().nanoTime();
        if (mainPaused) {
            off.pause();
            catchUp(tMain);
        } else if (main.live() != null && tOff > tMain) {
            off.pause(); // ahead of the main workload: wait for it at the next Lab event
        } else if (off.isHeld()) {
            off.resume(); // only when held: resuming a running twin every frame re-anchored its pacing, so at
                          // slow motion its next event never came and the off side showed no interrupt at all
        }
        // The player may change the main run's speed; the twin plays at the same pace (bring-up stays unpaced).
        double speed = main.control().speed();
        if (main.live() != null && off.live() != null && off.control().speed() != speed) {
            off.setSpeed(speed);
        }
    }

    /**
     * While both are stopped: steps the twin event by event until it reaches {@code tMain}, at most
     * {@link #STEPS_PER_FRAME} events per frame, each awaited briefly (the twin's thread is only waiting).
     */
    private void catchUp(long tMain) {
        try {
            for (int i = 0; i < STEPS_PER_FRAME && off.simulator().nanoTime() < tMain; i++) {
                if (off.gate().parkedAt() == null && off.gate().awaitParked(STEP_WAIT_MILLIS) == null) {
                    return; // still on its way to the next event, or its run is over
                }
                off.step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        off.cancel();
        off.gate().release();
        off.close();
    }
}
