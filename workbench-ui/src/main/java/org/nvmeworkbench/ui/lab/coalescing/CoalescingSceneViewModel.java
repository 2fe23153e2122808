package org.nvmeworkbench.ui.lab.coalescing;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

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
    /** Feature 08h of the left side in words: the plan's before the run, the device's while it runs. */
    private String onFeatures = "";

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
        onFeatures = r.plan().workload().coalescing() == null ? "the device's own coalescing"
                : r.plan().workload().coalescing().describe(); // what the first run will set
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
        if (main.live() != null) {
            onFeatures = on.features(); // between runs and after them the device's value is not the scene's
        } else if (finished()) {
            onFeatures = lastRunsCoalescing(main.plan());
        }
        on = on.withFeatures(onFeatures);
        ScenarioRunner twin = lockstep.off();
        off = SideState.read(OFF_TITLE, twin.coalescing(), twin.simulator(), lockstep.offFinished());
        if (!lockstep.mainStarted()) {
            status = "Loaded " + main.plan().name() + ": press play.";
        } else if (finished()) {
            status = "Both runs finished.";
        } else if (main.isHeld()) {
            status = "Paused: step to move on one event.";
        } else {
            status = "Playing.";
        }
    }

    /** Feature 08h of the plan's last run (its last rerun, or the first run), in words. */
    static String lastRunsCoalescing(ScenarioPlan plan) {
        InterruptCoalescing ic = plan.reruns().isEmpty() ? plan.workload().coalescing()
                : plan.reruns().get(plan.reruns().size() - 1).coalescing();
        return ic == null ? "the device's own coalescing" : ic.describe();
    }

    /**
     * Whether both sides are over: the twin's run completed and the main scenario's play has ended (not only
     * its first run: between that and a rerun no workload runs either).
     */
    public boolean finished() {
        return lockstep != null && lockstep.mainStarted() && lockstep.offFinished() && main.live() == null
                && !main.isPlaying();
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

    /** The left side's figure rows (first run, then each rerun), empty until both runs have finished. */
    public List<CoalescingFigures.Row> onFigures() {
        return figures != null && finished() ? figures.on() : List.of();
    }

    /** The right side's figure row, or null until both runs have finished. */
    public CoalescingFigures.Row offFigures() {
        return figures != null && finished() ? figures.off() : null;
    }

    /** Where the figures come from, or why there are none yet. */
    public String figuresNote() {
        if (main == null) {
            return "";
        }
        if (figuresProblem != null) {
            return figuresProblem;
        }
        if (figures == null) {
            return "Figures: computing the full-speed comparison...";
        }
        return finished() ? "Figures: the same plan at full speed on fresh simulators (same seed)."
                : "Figures appear when both runs have finished.";
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
