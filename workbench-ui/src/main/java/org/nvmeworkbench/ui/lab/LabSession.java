package org.nvmeworkbench.ui.lab;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;

/**
 * The Lab perspective's one scenario at a time: the {@link ScenarioRunner} that is loaded (its own
 * simulator, driver and workload, paced for the projector), shared by every Lab view. Views read the
 * runner's models (journeys, coalescing scene, live telemetry) when {@link #frame()} ticks, never per
 * event. Used on the FX thread.
 */
public final class LabSession {
    private final ObjectProperty<ScenarioRunner> runner = new SimpleObjectProperty<>(this, "runner");
    private final List<Runnable> frameListeners = new ArrayList<>();

    /** The loaded scenario's runner, or null before one is loaded. */
    public ReadOnlyObjectProperty<ScenarioRunner> runner() {
        return runner;
    }

    /** Loads {@code plan} in place of the current scenario (which is cancelled and closed). Does not start it. */
    public ScenarioRunner load(ScenarioPlan plan) {
        unload();
        ScenarioRunner r = new ScenarioRunner(plan);
        runner.set(r);
        return r;
    }

    /** Cancels and closes the current scenario, if any. */
    public void unload() {
        ScenarioRunner old = runner.get();
        if (old != null) {
            runner.set(null);
            old.cancel();
            old.gate().release();
            old.close();
        }
    }

    /** Calls {@code listener} on each frame (the sampler's rate) while a scenario is loaded; returns its remover. */
    public AutoCloseable onFrame(Runnable listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /** One frame: every listener reads the runner's current state. Driven by a timer, or by tests directly. */
    public void frame() {
        if (runner.get() == null) {
            return;
        }
        for (Runnable l : List.copyOf(frameListeners)) {
            l.run();
        }
    }
}
