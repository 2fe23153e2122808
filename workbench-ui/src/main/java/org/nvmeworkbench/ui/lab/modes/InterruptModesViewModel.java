package org.nvmeworkbench.ui.lab.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.nvmeworkbench.core.lab.InterruptModeComparison;
import org.nvmeworkbench.core.lab.InterruptModeComparison.ModeFigures;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Interrupt modes side by side: the loaded scenario's workload under pin-based, MSI and MSI-X, each on
 * a fresh simulator ({@link InterruptModeComparison}, run once per loaded scenario in the background),
 * and, each frame, the live interrupt table of the loaded runner's own simulator.
 *
 * <p>Threading: every method on the UI thread; the comparison runs on {@code background} and its result
 * is handed back once through {@code ui}. Loading another scenario, unloading, or closing cancels a
 * comparison still running (its simulator drains and stops), and its result is dropped.
 */
public final class InterruptModesViewModel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InterruptModesViewModel.class.getName());

    private final ObservableValue<ScenarioRunner> loaded;
    private final Executor background;
    private final Executor ui;
    private final LongSupplier clock;
    private final ChangeListener<ScenarioRunner> onRunner = (o, a, b) -> load(b);
    private ScenarioRunner runner;
    /** The comparison under way (or last run), cancelled when the scene is left or the view closes. */
    private InterruptModeComparison comparison;
    private int generation;
    private boolean closed;
    private long startedAt;

    private List<ModeColumn> columns = List.of();
    private String progress = "";
    private String workload = "";
    private LiveInterruptTable live = LiveInterruptTable.NONE;

    public InterruptModesViewModel(ObservableValue<ScenarioRunner> loaded, Executor background, Executor ui) {
        this(loaded, background, ui, System::nanoTime);
    }

    InterruptModesViewModel(ObservableValue<ScenarioRunner> loaded, Executor background, Executor ui, LongSupplier clock) {
        this.loaded = loaded;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        loaded.addListener(onRunner);
        load(loaded.getValue());
    }

    private void load(ScenarioRunner r) {
        generation++;
        cancelComparison();
        runner = r;
        columns = List.of();
        live = LiveInterruptTable.NONE;
        if (r == null || closed) {
            progress = "No scenario loaded: open one in the Lab, e.g. \"why MSI-X\".";
            workload = "";
            return;
        }
        ScenarioPlan plan = r.plan();
        workload = describe(plan.workload());
        progress = "Running the workload under pin-based, MSI and MSI-X, each on a fresh simulator...";
        startedAt = clock.getAsLong();
        int g = generation;
        InterruptMode inUse = plan.driverOptions().interruptMode();
        InterruptModeComparison c = new InterruptModeComparison(plan);
        comparison = c;
        background.execute(() -> {
            List<ModeFigures> figures = null;
            String problem = null;
            try {
                figures = c.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The interrupt mode comparison failed", e);
                problem = "The comparison runs failed: " + e.getMessage();
            }
            List<ModeFigures> result = figures;
            String why = problem;
            ui.execute(() -> finished(g, result, why, inUse));
        });
    }

    private void finished(int g, List<ModeFigures> figures, String problem, InterruptMode inUse) {
        if (g != generation || closed) {
            return; // a scenario no longer loaded, or the view is gone
        }
        if (problem != null) {
            progress = problem;
            return;
        }
        List<ModeColumn> cols = new ArrayList<>();
        for (ModeFigures f : figures) {
            cols.add(new ModeColumn(f, f.mode() == inUse));
        }
        columns = List.copyOf(cols);
        progress = "Each mode on a fresh simulator at full speed: " + workload + ".";
    }

    /** One frame: the live table of the loaded runner's simulator, and the time the comparison has taken. */
    public void frame() {
        if (runner == null) {
            return;
        }
        live = LiveInterruptTable.read(runner.simulator());
        if (columns.isEmpty() && progress.startsWith("Running")) {
            progress = String.format(Locale.ROOT,
                    "Running the workload under pin-based, MSI and MSI-X, each on a fresh simulator... %.1f s",
                    (clock.getAsLong() - startedAt) / 1e9);
        }
    }

    static String describe(WorkloadSpec w) {
        String ic = w.coalescing() == null ? "device's coalescing" : !w.coalescing().enabled() ? "coalescing off"
                : "THR " + w.coalescing().threshold() + ", TIME " + w.coalescing().time();
        return w.rw().fioName() + " " + (w.blockSize() / 1024) + "k, " + w.queues() + (w.queues() == 1 ? " queue" : " queues")
                + ", iodepth " + w.iodepth() + (w.ios() > 0 ? ", " + w.ios() + " I/Os" : "") + ", " + ic;
    }

    /** The three modes' columns (PIN, MSI, MSI-X), empty until the comparison has finished. */
    public List<ModeColumn> columns() {
        return columns;
    }

    public String progress() {
        return progress;
    }

    public LiveInterruptTable live() {
        return live;
    }

    /** Stops a comparison still running: its result would be dropped, so its simulator need not go on. */
    private void cancelComparison() {
        if (comparison != null) {
            comparison.cancel();
            comparison = null;
        }
    }

    /** The comparison started for the loaded scenario, or null (none loaded, or the view closed). */
    InterruptModeComparison comparison() {
        return comparison;
    }

    @Override
    public void close() {
        closed = true;
        generation++;
        cancelComparison();
        loaded.removeListener(onRunner);
        runner = null;
    }
}
