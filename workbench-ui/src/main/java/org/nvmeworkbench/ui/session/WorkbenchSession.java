package org.nvmeworkbench.ui.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import java.util.concurrent.CompletableFuture;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

import org.nvmeworkbench.core.agent.AgentAddress;
import org.nvmeworkbench.core.agent.AgentException;
import org.nvmeworkbench.core.agent.RemoteTuning;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerReadout;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.Failures;
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
    /** A device is attached, here (then {@link #controller()} is it) or on an agent (then it is null). */
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
    /** The session on an agent the window follows while a {@code remote://} device is attached; else null. */
    private RemoteTuning remote;
    /** The agents the user added (their tokens); null where the window has no home (some tests). */
    private AddedAgents agents;
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
            attached.set(s != ControllerState.DETACHED && s != ControllerState.ATTACHING);
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
    /** The controller of a device of this host; null when none is attached or the device is on an agent. */
    public ReadOnlyObjectProperty<NvmeController> controller() { return controller.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty attached() { return attached.getReadOnlyProperty(); }
    /** Whether the attached device is on an agent. */
    public boolean isRemote() { return remote != null; }
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

    public boolean isAttached() { return remote != null ? remote.isAttached() : core.isAttached(); }
    public boolean isRunning() { return remote != null ? remote.isRunning() : core.isRunning(); }

    /** The agents the user added, through which {@code remote://} devices are reached. */
    public void useAgents(AddedAgents added) {
        agents = added;
    }

    public AddedAgents agents() {
        return agents;
    }

    /** The 08h and CD vectors the next runs use, as a restored session had them; nothing is sent. */
    public void restoreDesired(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
        core.restoreDesired(coalescing, cdVectors);
    }

    /**
     * Attaches {@code spec}: a device of this host through the local session, or {@code remote://HOST:PORT/DEV}
     * through the agent's session, which the window then follows. Completes with the local controller, or
     * null for a device on an agent.
     */
    public CompletableFuture<NvmeController> attach(String spec) {
        if (isAttached() && (remote != null || AgentAddress.names(spec))) {
            message.set(device.get() + " is attached; detach it before attaching " + spec + ".");
            return CompletableFuture.failedFuture(new IllegalStateException(message.get()));
        }
        if (!AgentAddress.names(spec)) {
            return core.attach(spec);
        }
        CompletableFuture<NvmeController> done = new CompletableFuture<>();
        AgentAddress address;
        try {
            address = AgentAddress.parse(spec);
        } catch (RuntimeException e) {
            message.set(Failures.sentence(e));
            return CompletableFuture.failedFuture(e);
        }
        Mirror mirror = new Mirror();
        mirror.stateChanged(ControllerState.ATTACHING, "", null);
        message.set("Attaching " + spec + "...");
        long seed = draftSpec.get() == null ? WorkloadSpec.defaults().seed() : draftSpec.get().seed();
        InterruptCoalescing desired = desiredCoalescing.get();
        Set<Integer> desiredCd = desiredCdVectors.get();
        tasks.submit("Attach " + spec, p -> {
            p.update(-1, "Connecting to the agent at " + address.endpoint());
            if (agents == null) {
                throw new AgentException("This window keeps no agents; " + address.endpoint() + " cannot be reached.", true);
            }
            return RemoteTuning.attach(address, agents.options(address, null, null), seed,
                    org.nvmeworkbench.core.driver.DriverOptions.DEFAULT.ioQueues(), desired, desiredCd,
                    new FromAgent(mirror), tasks::deliver);
        }, r -> {
            remote = r;
            adminLog.clear();
            mirror.stateChanged(ControllerState.IDLE, r.device(), null);
            message.set("Attached " + r.device() + ".");
            done.complete(null);
        }, t -> {
            mirror.stateChanged(ControllerState.DETACHED, "", null);
            message.set(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /** An agent session's events, as the local session's: its runs join this window's history too. */
    private final class FromAgent implements SessionListener {
        private final Mirror mirror;

        FromAgent(Mirror mirror) {
            this.mirror = mirror;
        }

        @Override
        public void stateChanged(ControllerState s, String dev, NvmeController c) {
            if (s == ControllerState.DETACHED) {
                remote = null;
                // Back to this host's session: its 08h for the next runs, which the agent's may have changed.
                core.restoreDesired(desiredCoalescing.get(), desiredCdVectors.get());
            }
            if (remote != null || s == ControllerState.DETACHED) {
                mirror.stateChanged(s, s == ControllerState.DETACHED ? "" : remote.device(), null);
            }
        }

        @Override public void said(String sentence) { mirror.said(sentence); }
        @Override public void progress(double fraction) { mirror.progress(fraction); }
        @Override public void runStarted(WorkloadSpec spec) { mirror.runStarted(spec); }
        @Override public void runAdded(RunRecord run) { core.keep(run); }
        @Override public void adminLogged(List<AdminLogEntry> entries) { mirror.adminLogged(entries); }

        @Override
        public void desiredFeaturesChanged(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
            mirror.desiredFeaturesChanged(coalescing, cdVectors);
        }
    }

    public CompletableFuture<Void> detach() {
        RemoteTuning r = remote;
        if (r == null) {
            return core.detach();
        }
        // Letting go of the hold is enough: the agent stops a run in progress, keeps its record, puts 08h back.
        CompletableFuture<Void> done = new CompletableFuture<>();
        tasks.submit("Detach " + r.device(), p -> {
            r.close();
            return null;
        }, v -> done.complete(null), done::completeExceptionally);
        return done;
    }

    /** Identify, registers and Features 07h/08h/09h as the device answers now, here or on its agent. */
    public CompletableFuture<ControllerReadout> readController() {
        return remote != null ? remote.readController() : core.readController();
    }

    /** {@link TuningSession#applyCoalescing}, with the Workload view's queue count for 09h between runs. */
    public CompletableFuture<AdminResult> applyCoalescing(InterruptCoalescing value, Set<Integer> cdVectors) {
        int queues = draftSpec.get() == null ? 1 : draftSpec.get().queues();
        return remote != null ? remote.applyCoalescing(value, cdVectors, queues, prompts.get())
                : core.applyCoalescing(value, cdVectors, queues);
    }

    public WorkloadSpec effective(WorkloadSpec spec) { return remote != null ? remote.effective(spec) : core.effective(spec); }

    public CompletableFuture<RunRecord> run(WorkloadSpec spec) {
        return remote != null ? remote.run(spec, prompts.get(), simSpeed.get()) : core.work().run(spec);
    }

    public CompletableFuture<RunRecord> rerun() {
        return remote != null ? remote.rerun(prompts.get(), simSpeed.get()) : core.work().rerun();
    }

    public void stop() {
        if (remote != null) {
            remote.stop();
        } else {
            core.work().stop();
        }
    }

    public CompletableFuture<SweepResult> sweep(WorkloadSpec base, SweepGrid grid, double percentile,
                                                long targetNanos, SweepCost cost, Consumer<SweepPoint> onPoint) {
        return remote != null ? remote.sweep(base, grid, percentile, targetNanos, cost, onPoint, prompts.get())
                : core.work().sweep(base, grid, percentile, targetNanos, cost, onPoint);
    }

    /** One telemetry sample (FX thread) for the subscribed views, and the admin log's new entries. */
    void sample() {
        RemoteTuning agent = remote;
        if (agent != null) {
            sampleRemote(agent);
            return;
        }
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

    /** The agent's newest sample and run-so-far record, as they arrived (the admin log comes as events). */
    private void sampleRemote(RemoteTuning r) {
        TelemetrySnapshot snap = r.sample();
        if (snap != null) {
            latest.set(snap);
            listeners.publish(snap);
        }
        RunRecord soFar = r.runSoFar();
        if (soFar != null) {
            runSoFar.set(soFar);
        }
    }
}
