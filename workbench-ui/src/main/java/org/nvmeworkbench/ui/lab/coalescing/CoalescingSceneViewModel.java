package org.nvmeworkbench.ui.lab.coalescing;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;

/**
 * Coalescing made visible: the loaded scenario's {@link org.nvmeworkbench.core.lab.CoalescingScene}
 * beside the same scenario with coalescing off ({@link OffSideLockstep}), read once per frame, and the
 * figures of both from full-speed runs computed in the background once per loaded scenario.
 *
 * <p>Threading: every method on the UI thread; the figures are computed on {@code background} and handed
 * back once through {@code ui}.
 */
public final class CoalescingSceneViewModel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CoalescingSceneViewModel.class.getName());
    static final String ON_TITLE = "As the scenario sets it";
    static final String OFF_TITLE = "Coalescing OFF";
    /** Why the right side can be trusted to show the same moment: said on screen, not only here. */
    public static final String LOCKSTEP_CAPTION = "Right: the same scenario on a second simulator with coalescing off "
            + "(08h THR 0, TIME 0), same seed and pace, held at the left side's device time: it pauses, steps and "
            + "resumes with it. Reruns play on the left only.";

    private final ObservableValue<ScenarioRunner> loaded;
    private final Executor background;
    private final Executor ui;
    private final ChangeListener<ScenarioRunner> onRunner = (o, a, b) -> load(b);
    private OffSideLockstep lockstep;
    private ScenarioRunner main;
    private int generation;
    private boolean closed;

    private SideState on = SideState.empty(ON_TITLE, "");
    private SideState off = SideState.empty(OFF_TITLE, "");
    private CoalescingFigures figures;
    private String figuresProblem;
    private String status = "";

    public CoalescingSceneViewModel(ObservableValue<ScenarioRunner> loaded, Executor background, Executor ui) {
        this.loaded = loaded;
        this.background = background;
        this.ui = ui;
        loaded.addListener(onRunner);
        load(loaded.getValue());
    }

    private void load(ScenarioRunner r) {
        generation++;
        if (lockstep != null) {
            lockstep.close();
            lockstep = null;
        }
        main = r;
        figures = null;
        figuresProblem = null;
        on = SideState.empty(ON_TITLE, "");
        off = SideState.empty(OFF_TITLE, "");
        if (r == null || closed) {
            status = "No scenario loaded: open one in the Lab, e.g. \"coalescing threshold vs timer\".";
            return;
        }
        lockstep = new OffSideLockstep(r);
        status = "Loaded " + r.plan().name() + ": press play.";
        int g = generation;
        ScenarioPlan plan = r.plan();
        background.execute(() -> {
            CoalescingFigures f = null;
            String problem = null;
            try {
                f = CoalescingFigures.compute(plan);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The coalescing comparison failed", e);
                problem = "The comparison runs failed: " + e.getMessage();
            }
            CoalescingFigures result = f;
            String why = problem;
            ui.execute(() -> {
                if (g == generation && !closed) {
                    figures = result;
                    figuresProblem = why;
                }
            });
        });
    }

    /** One frame: the twin follows the main runner, then both scenes are read. */
    public void frame() {
        if (main == null || lockstep == null) {
            return;
        }
        lockstep.follow();
        on = SideState.read(ON_TITLE, main.coalescing(), main.simulator(), finished());
        ScenarioRunner twin = lockstep.off();
        off = SideState.read(OFF_TITLE, twin.coalescing(), twin.simulator(), lockstep.offFinished());
        if (!lockstep.mainStarted()) {
            status = "Loaded " + main.plan().name() + ": press play.";
        } else if (finished()) {
            status = "Both runs finished.";
        } else if (main.gate().isPaused()) {
            status = "Paused: step to move on one event.";
        } else {
            status = "Playing.";
        }
    }

    /** Whether both sides are over: the twin's run completed and the main workload is not running. */
    public boolean finished() {
        return lockstep != null && lockstep.mainStarted() && lockstep.offFinished() && main.live() == null;
    }

    public SideState on() {
        return on;
    }

    public SideState off() {
        return off;
    }

    public String status() {
        return status;
    }

    /** The figures from the full-speed runs, or null while they are computed (or failed). */
    public CoalescingFigures figures() {
        return figures;
    }

    /** The figures line for the left side: waiting text until both runs finish and the figures are in. */
    public List<String> onFiguresText() {
        if (figuresProblem != null) {
            return List.of(figuresProblem);
        }
        if (figures == null) {
            return List.of(main == null ? "" : "Figures: computing the full-speed comparison...");
        }
        return finished() ? figures.on() : List.of("Figures appear when both runs have finished.");
    }

    public String offFiguresText() {
        if (figures == null || figuresProblem != null) {
            return "";
        }
        return finished() ? figures.off() : "";
    }

    /** The coalescing-off twin, or null when no scenario is loaded. */
    ScenarioRunner twin() {
        return lockstep == null ? null : lockstep.off();
    }

    OffSideLockstep lockstepForTest() {
        return lockstep;
    }

    @Override
    public void close() {
        closed = true;
        generation++;
        loaded.removeListener(onRunner);
        if (lockstep != null) {
            lockstep.close();
            lockstep = null;
        }
        main = null;
    }
}
