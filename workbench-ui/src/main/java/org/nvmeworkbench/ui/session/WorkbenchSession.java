package org.nvmeworkbench.ui.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.RunHistory;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.SessionListener;
import org.nvmeworkbench.core.session.TuningSession;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.spi.Advice;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.task.TaskExecutor;

/**
 * The window's side of the headless {@link TuningSession}: it mirrors the session's events into JavaFX
 * properties (on the FX thread, where the session calls back) and forwards what the views ask for. The
 * policy, the runs and the history live in the core; only what the window alone has is kept here: the
 * workload as the Workload view has it, the advisor's proposal, and the telemetry subscribers.
 */
public final class WorkbenchSession implements WorkbenchContext {
    private final TuningSession core;
    private final TaskExecutor tasks;
    private final TelemetryListeners listeners = new TelemetryListeners();

    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "");
    private final ReadOnlyObjectWrapper<ControllerState> state = new ReadOnlyObjectWrapper<>(this, "state", ControllerState.DETACHED);
    private final ReadOnlyObjectWrapper<NvmeController> controller = new ReadOnlyObjectWrapper<>(this, "controller");
    private final ReadOnlyObjectWrapper<TelemetrySnapshot> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    /** The run under way as a record of the part that has run; null when no run goes. */
    private final ReadOnlyObjectWrapper<RunRecord> runSoFar = new ReadOnlyObjectWrapper<>(this, "runSoFar");
    /**
     * Copies the run's histogram into its so-far record away from the FX thread (a few hundred KB per copy was
     * the largest part of a live pulse); the next sample picks the record up, so nothing is posted per sample.
     */
    private static final java.util.concurrent.Executor SO_FAR_WORK = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-run-record");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicReference<RunRecord> soFarBuilt = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean soFarBuilding = new java.util.concurrent.atomic.AtomicBoolean();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final DoubleProperty runProgress = new SimpleDoubleProperty(this, "runProgress", 0);
    private final ReadOnlyObjectWrapper<WorkloadSpec> lastSpec = new ReadOnlyObjectWrapper<>(this, "lastSpec");
    /** The workload as the Workload view currently has it (when valid): the Coalescing view lists its vectors. */
    private final ObjectProperty<WorkloadSpec> draftSpec = new SimpleObjectProperty<>(this, "draftSpec", WorkloadSpec.defaults());
    private final ReadOnlyObjectWrapper<InterruptCoalescing> desiredCoalescing = new ReadOnlyObjectWrapper<>(this, "desiredCoalescing");
    private final ReadOnlyObjectWrapper<Set<Integer>> desiredCdVectors = new ReadOnlyObjectWrapper<>(this, "desiredCdVectors");
    private final ObjectProperty<Advice> proposal = new SimpleObjectProperty<>(this, "proposal");
    /** Simulator pacing during runs: 0 as fast as possible, 1 live, below 1 slow motion. */
    private final DoubleProperty simSpeed = new SimpleDoubleProperty(this, "simSpeed", 1.0);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<AdminLogEntry> adminLog = FXCollections.observableArrayList();
    /** Who answers the safety questions: the window's dialogs, or no one (writes refused). */
    private final ObjectProperty<SafetyPrompts> prompts = new SimpleObjectProperty<>(this, "prompts", SafetyPrompts.UNATTENDED);

    /**
     * @param runsDir where run records are kept across restarts, or null to keep them in memory only
     */
    public WorkbenchSession(DeviceCatalog catalog, TaskExecutor tasks, Path runsDir) {
        this.tasks = tasks;
        this.core = new TuningSession(catalog, tasks, new RunHistory(runsDir));
        runs.setAll(core.runs());
        core.work().setSimSpeed(simSpeed.get());
        simSpeed.addListener((o, a, b) -> core.work().setSimSpeed(b.doubleValue()));
        prompts.addListener((o, a, b) -> core.setPrompts(b));
        core.addListener(new Mirror());
    }

    /** Mirrors the session's events into the properties; called on the FX thread. */
    private final class Mirror implements SessionListener {
        @Override
        public void stateChanged(ControllerState s, String dev, NvmeController c) {
            controller.set(c);
            device.set(dev);
            if (c == null) {
                latest.set(null);
            }
            if (s != ControllerState.RUNNING) {
                runSoFar.set(null); // the finished run's record follows at once (runAdded)
            }
            state.set(s);
        }

        @Override
        public void said(String sentence) {
            message.set(sentence);
        }

        @Override
        public void progress(double fraction) {
            runProgress.set(fraction);
        }

        @Override
        public void runStarted(WorkloadSpec spec) {
            lastSpec.set(spec);
        }

        @Override
        public void runAdded(RunRecord run) {
            runs.add(run);
        }

        @Override
        public void desiredFeaturesChanged(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
            desiredCoalescing.set(coalescing);
            desiredCdVectors.set(cdVectors);
        }

        @Override
        public void adminLogged(List<AdminLogEntry> entries) {
            adminLog.addAll(entries);
        }

        @Override
        public void adminLogCleared() {
            adminLog.clear();
        }
    }

    /** The headless session behind the window. */
    public TuningSession core() { return core; }
    public DeviceCatalog catalog() { return core.catalog(); }
    public TaskExecutor tasks() { return tasks; }

    @Override public ReadOnlyStringProperty device() { return device.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ControllerState> state() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<NvmeController> controller() { return controller.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TelemetrySnapshot> latest() { return latest.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RunRecord> runSoFar() { return runSoFar.getReadOnlyProperty(); }
    public StringProperty message() { return message; }
    public DoubleProperty runProgress() { return runProgress; }
    public ReadOnlyObjectProperty<WorkloadSpec> lastSpec() { return lastSpec.getReadOnlyProperty(); }
    public ObjectProperty<WorkloadSpec> draftSpec() { return draftSpec; }
    public ReadOnlyObjectProperty<InterruptCoalescing> desiredCoalescing() { return desiredCoalescing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Set<Integer>> desiredCdVectors() { return desiredCdVectors.getReadOnlyProperty(); }
    public ObjectProperty<Advice> proposal() { return proposal; }
    public DoubleProperty simSpeed() { return simSpeed; }
    public ObjectProperty<SafetyPrompts> prompts() { return prompts; }
    @Override public ObservableList<RunRecord> runs() { return runs; }
    @Override public ObservableList<AdminLogEntry> adminLog() { return adminLog; }

    @Override
    public AutoCloseable subscribe(Consumer<TelemetrySnapshot> listener) {
        return listeners.add(listener);
    }

    public int subscribers() {
        return listeners.size();
    }

    @Override
    public void proposeCoalescing(InterruptCoalescing value, String why) {
        proposal.set(new Advice(value, why));
    }

    public boolean isAttached() { return core.isAttached(); }
    public boolean isRunning() { return core.isRunning(); }

    /** The 08h and CD vectors the next runs use, as a restored session had them; nothing is sent. */
    public void restoreDesired(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
        core.restoreDesired(coalescing, cdVectors);
    }

    public java.util.concurrent.CompletableFuture<NvmeController> attach(String spec) { return core.attach(spec); }
    public java.util.concurrent.CompletableFuture<Void> detach() { return core.detach(); }

    public <T> java.util.concurrent.CompletableFuture<T> onDevice(String title, Function<NvmeController, T> work) {
        return core.onDevice(title, work);
    }

    public <T> java.util.concurrent.CompletableFuture<T> query(String title, Function<NvmeController, T> work) {
        return core.query(title, work);
    }

    /** {@link TuningSession#applyCoalescing}, with the Workload view's queue count for 09h between runs. */
    public java.util.concurrent.CompletableFuture<AdminResult> applyCoalescing(InterruptCoalescing value, Set<Integer> cdVectors) {
        return core.applyCoalescing(value, cdVectors, draftSpec.get() == null ? 1 : draftSpec.get().queues());
    }

    public WorkloadSpec effective(WorkloadSpec spec) { return core.effective(spec); }
    public java.util.concurrent.CompletableFuture<RunRecord> run(WorkloadSpec spec) { return core.work().run(spec); }
    public java.util.concurrent.CompletableFuture<RunRecord> rerun() { return core.work().rerun(); }
    public void stop() { core.work().stop(); }

    public java.util.concurrent.CompletableFuture<SweepResult> sweep(WorkloadSpec base, SweepGrid grid, double percentile,
                                                                    long targetNanos, SweepCost cost, Consumer<SweepPoint> onPoint) {
        return core.work().sweep(base, grid, percentile, targetNanos, cost, onPoint);
    }

    /** One telemetry sample (FX thread) for the subscribed views, and the admin log's new entries. */
    void sample() {
        TelemetrySnapshot snap = core.sample();
        if (snap != null) {
            latest.set(snap);
            listeners.publish(snap);
        }
        if (state.get() == ControllerState.RUNNING) {
            RunRecord soFar = soFarBuilt.getAndSet(null);
            if (soFar != null) {
                runSoFar.set(soFar); // the same object until the run publishes again: no change, no redraw
            }
            if (soFarBuilding.compareAndSet(false, true)) {
                SO_FAR_WORK.execute(() -> {
                    try {
                        RunRecord r = core.runSoFar();
                        if (r != null) {
                            soFarBuilt.set(r);
                        }
                    } finally {
                        soFarBuilding.set(false);
                    }
                });
            }
        }
        core.drainAdminLog();
    }
}
