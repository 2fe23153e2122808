package org.nvmeworkbench.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.nvmeworkbench.core.lab.LabRun;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.ui.frame.FramePump;
import org.nvmeworkbench.ui.task.LabWork;

/**
 * The Lab perspective's one scenario at a time: the {@link ScenarioRunner} that is loaded (its own
 * simulator, driver and workload, paced for the projector), shared by every Lab view. Views read the
 * runner's models (journeys, coalescing scene, live telemetry) when {@link #frame()} ticks, never per
 * event: the window's {@link FramePump} ticks it at {@link #FRAMES_PER_SECOND} while a scenario is loaded
 * and the Lab is on screen. Scenarios play on the Lab's executor ({@link LabWork}), not on threads of
 * their own. Used on the FX thread.
 */
public final class LabSession {
    private static final Logger LOG = Logger.getLogger(LabSession.class.getName());
    /** Frame rate of the Lab views: smooth enough for slow motion, cheap for the FX thread. */
    public static final int FRAMES_PER_SECOND = 30;
    /** How long unloading waits for a cancelled scenario's thread to end before leaving it to close itself. */
    static final long UNLOAD_WAIT_MILLIS = 2_000;

    /** Where the loaded scenario is. */
    public enum Phase {
        /** Nothing loaded. */
        EMPTY,
        /** Loaded, not started. */
        READY,
        /** Its thread plays it (it may be paused at the step gate). */
        PLAYING,
        /** Every run ended. */
        FINISHED,
        /** The run failed; {@link #message()} says why. */
        FAILED
    }

    private final ObjectProperty<ScenarioRunner> runner = new SimpleObjectProperty<>(this, "runner");
    private final ObjectProperty<ScenarioPlan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EMPTY);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final List<Runnable> frameListeners = new ArrayList<>();
    private final FramePump pump;
    private final Executor work;
    private BooleanSupplier onScreen = () -> true;
    private AutoCloseable frames;
    private List<LabRun> results = List.of();

    /** A Lab with a pump and an executor of its own (tests, a Lab alone). */
    public LabSession() {
        this(new FramePump(), LabWork.shared());
    }

    /**
     * @param pump the window's frame pump
     * @param work where scenarios play and Lab views compute (each play holds one thread while it lasts)
     */
    public LabSession(FramePump pump, Executor work) {
        this.pump = pump;
        this.work = work;
        speed.addListener((o, a, b) -> {
            ScenarioRunner r = runner.get();
            if (r != null && b.doubleValue() >= 0 && r.speed() != b.doubleValue()) {
                r.setSpeed(b.doubleValue());
            }
        });
    }

    /** The loaded scenario's runner, or null before one is loaded. */
    public ReadOnlyObjectProperty<ScenarioRunner> runner() {
        return runner;
    }

    /** The loaded plan (kept for Restart), or null. */
    public ReadOnlyObjectProperty<ScenarioPlan> plan() {
        return plan;
    }

    public ReadOnlyObjectProperty<Phase> phase() {
        return phase.getReadOnlyProperty();
    }

    /** The speed factor I/O runs at (1 = real time, 1e-5 = 1 us of device time per 100 ms); follows the runner. */
    public DoubleProperty speed() {
        return speed;
    }

    /** The last failure, one sentence; empty when none. */
    public StringProperty message() {
        return message;
    }

    /** The Lab's executor, for views' background work. */
    public Executor work() {
        return work;
    }

    /** Says whether the Lab is on screen (e.g. its perspective is active); frames are skipped while it is not. */
    public void setOnScreen(BooleanSupplier showing) {
        onScreen = showing == null ? () -> true : showing;
    }

    /** The runs of the last scenario that finished (empty until then). */
    public List<LabRun> results() {
        return results;
    }

    /** Loads {@code plan} in place of the current scenario (which is cancelled and closed) at its own speed. Does not start it. */
    public ScenarioRunner load(ScenarioPlan plan) {
        return load(plan, plan.speed());
    }

    private ScenarioRunner load(ScenarioPlan p, double atSpeed) {
        unload();
        ScenarioRunner r = new ScenarioRunner(p);
        r.setSpeed(atSpeed);
        r.journeys().followNext();
        this.plan.set(p);
        message.set("");
        results = List.of();
        runner.set(r);
        speed.set(atSpeed);
        phase.set(Phase.READY);
        startFrames();
        return r;
    }

    /** Cancels and closes the current scenario, if any: its thread is let go unpaced and waited for (bounded). */
    public void unload() {
        ScenarioRunner old = runner.get();
        if (old != null) {
            runner.set(null);
            phase.set(Phase.EMPTY);
            if (!old.closeWithin(UNLOAD_WAIT_MILLIS)) {
                LOG.info("The scenario " + old.plan().name() + " is still ending; it closes its simulator when it does.");
            }
        }
        stopFrames();
    }

    /** Starts the loaded scenario (from READY); does nothing otherwise. */
    public void play() {
        ScenarioRunner r = runner.get();
        if (r == null || phase.get() != Phase.READY) {
            return;
        }
        phase.set(Phase.PLAYING);
        CompletableFuture<List<LabRun>> done = r.start(work);
        done.whenComplete((runs, t) -> Platform.runLater(() -> ended(r, runs, t)));
    }

    private void ended(ScenarioRunner r, List<LabRun> runs, Throwable t) {
        if (runner.get() != r) {
            return; // unloaded meanwhile
        }
        if (t != null) {
            message.set(Failures.sentence(t));
            LOG.log(Level.WARNING, "The scenario " + r.plan().name() + " failed: " + Failures.sentence(t), t);
            phase.set(Phase.FAILED);
        } else {
            results = runs;
            phase.set(Phase.FINISHED);
        }
        frame();
    }

    /** Stops now: device time stands still within a frame, at slow motion too (then a step goes to the next event). */
    public void pause() {
        ScenarioRunner r = runner.get();
        if (r != null) {
            r.pauseNow();
        }
    }

    public void resume() {
        ScenarioRunner r = runner.get();
        if (r != null) {
            r.resume();
        }
        play();
    }

    /** True while the loaded scenario is set to stop at Lab events. */
    public boolean isPaused() {
        ScenarioRunner r = runner.get();
        return r != null && r.isHeld();
    }

    /** Pause when playing, resume when paused, start when ready. */
    public void togglePause() {
        if (phase.get() == Phase.READY) {
            play();
        } else if (isPaused()) {
            resume();
        } else {
            pause();
        }
    }

    /** One Lab event: from READY starts paused at the first event; while paused goes on to the next; while playing pauses. */
    public void step() {
        ScenarioRunner r = runner.get();
        if (r == null) {
            return;
        }
        if (phase.get() == Phase.READY) {
            r.pause();
            play();
        } else if (r.isHeld()) {
            r.step();
        } else {
            r.pauseNow();
        }
    }

    /** Loads the same scenario again at the current speed, and plays it. */
    public void restart() {
        ScenarioPlan p = plan.get();
        if (p != null) {
            load(p, speed.get());
            play();
        }
    }

    /** Calls {@code listener} on each frame while a scenario is loaded; returns its remover. */
    public AutoCloseable onFrame(Runnable listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /** One frame: every listener reads the runner's current state. Driven by the timeline, or by tests directly. */
    public void frame() {
        if (runner.get() == null) {
            return;
        }
        for (Runnable l : List.copyOf(frameListeners)) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Lab view failed to draw a frame: " + e.getMessage(), e);
            }
        }
    }

    private void startFrames() {
        if (frames == null) {
            frames = pump.add("Lab", FRAMES_PER_SECOND, () -> runner.get() != null && onScreen.getAsBoolean(), this::frame);
        }
    }

    private void stopFrames() {
        if (frames != null) {
            try {
                frames.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Stopping the Lab's frames: " + e.getMessage(), e);
            }
            frames = null;
        }
    }
}
