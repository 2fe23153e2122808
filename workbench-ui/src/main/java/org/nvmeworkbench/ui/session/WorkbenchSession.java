package org.nvmeworkbench.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

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
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminLog;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.sweep.Sweep;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.spi.Advice;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.task.Progress;
import org.nvmeworkbench.ui.task.TaskExecutor;

/**
 * The tuning session behind the window: the attached device, the run history, the admin log, and
 * the coalescing settings the next run uses. Properties change on the FX thread only; everything
 * that talks to the device goes through the {@link TaskExecutor}, one piece of work at a time.
 */
public final class WorkbenchSession implements WorkbenchContext {
    private static final Logger LOG = Logger.getLogger(WorkbenchSession.class.getName());

    private final DeviceCatalog catalog;
    private final TaskExecutor tasks;
    private final Path runsDir;
    private final TelemetryListeners listeners = new TelemetryListeners();

    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "");
    private final ReadOnlyObjectWrapper<ControllerState> state = new ReadOnlyObjectWrapper<>(this, "state", ControllerState.DETACHED);
    private final ReadOnlyObjectWrapper<NvmeController> controller = new ReadOnlyObjectWrapper<>(this, "controller");
    private final ReadOnlyObjectWrapper<TelemetrySnapshot> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final DoubleProperty runProgress = new SimpleDoubleProperty(this, "runProgress", 0);
    private final ObjectProperty<WorkloadSpec> lastSpec = new SimpleObjectProperty<>(this, "lastSpec");
    /** The workload as the Workload view currently has it (when valid): the Coalescing view lists its vectors. */
    private final ObjectProperty<WorkloadSpec> draftSpec = new SimpleObjectProperty<>(this, "draftSpec", WorkloadSpec.defaults());
    private final ObjectProperty<InterruptCoalescing> desiredCoalescing = new SimpleObjectProperty<>(this, "desiredCoalescing");
    private final ObjectProperty<Set<Integer>> desiredCdVectors = new SimpleObjectProperty<>(this, "desiredCdVectors");
    private final ObjectProperty<Advice> proposal = new SimpleObjectProperty<>(this, "proposal");
    /** Simulator pacing during runs: 0 as fast as possible, 1 live, below 1 slow motion. */
    private final DoubleProperty simSpeed = new SimpleDoubleProperty(this, "simSpeed", 1.0);
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<AdminLogEntry> adminLog = FXCollections.observableArrayList();
    /** Who answers the safety questions: the window's dialogs, or no one (writes refused). */
    private final ObjectProperty<SafetyPrompts> prompts = new SimpleObjectProperty<>(this, "prompts", SafetyPrompts.UNATTENDED);
    /**
     * Admin work handed to the running workload's thread, taken between two batches of completions
     * (RunObserver.cancelled is polled there): the only way to send Set Features while I/O is in flight.
     */
    private final Queue<Consumer<NvmeController>> duringRun = new ConcurrentLinkedQueue<>();

    // Read by the sampler (FX thread), written by the device thread.
    private volatile TelemetrySource source;
    private volatile NvmeController attached;
    private volatile boolean sampleIdleOnce;
    /** The sweep in progress, for {@link #stop()}; set and cleared on the FX thread. */
    private volatile Sweep currentSweep;
    private long lastLogSequence;

    /**
     * @param runsDir where run records are kept across restarts, or null to keep them in memory only
     */
    public WorkbenchSession(DeviceCatalog catalog, TaskExecutor tasks, Path runsDir) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.runsDir = runsDir;
        runs.addAll(loadRuns(runsDir));
    }

    public DeviceCatalog catalog() { return catalog; }
    public TaskExecutor tasks() { return tasks; }

    @Override public ReadOnlyStringProperty device() { return device.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ControllerState> state() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<NvmeController> controller() { return controller.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TelemetrySnapshot> latest() { return latest.getReadOnlyProperty(); }
    public StringProperty message() { return message; }
    public DoubleProperty runProgress() { return runProgress; }
    public ObjectProperty<WorkloadSpec> lastSpec() { return lastSpec; }
    public ObjectProperty<WorkloadSpec> draftSpec() { return draftSpec; }
    public ObjectProperty<InterruptCoalescing> desiredCoalescing() { return desiredCoalescing; }
    public ObjectProperty<Set<Integer>> desiredCdVectors() { return desiredCdVectors; }
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

    public boolean isAttached() {
        return controller.get() != null;
    }

    public boolean isRunning() {
        return state.get() == ControllerState.RUNNING;
    }

    // --- device life cycle ------------------------------------------------------------------------

    /** Opens {@code spec} through the catalog and brings the controller up. */
    public CompletableFuture<NvmeController> attach(String spec) {
        CompletableFuture<NvmeController> done = new CompletableFuture<>();
        if (isAttached()) {
            done.completeExceptionally(new IllegalStateException(
                    device.get() + " is attached; detach it before attaching " + spec + "."));
            message.set(Failures.sentence(done.handle((v, t) -> t).join()));
            return done;
        }
        state.set(ControllerState.ATTACHING);
        message.set("Attaching " + spec + "...");
        tasks.submit("Attach " + spec, p -> {
            p.update(-1, "Opening " + spec);
            PciFunction pci = catalog.open(spec, DeviceOptions.DEFAULT);
            try {
                p.update(-1, "Enabling the controller");
                NvmeController c = NvmeController.attach(pci, DriverOptions.DEFAULT);
                c.identifyController();
                return c;
            } catch (RuntimeException e) {
                pci.close();
                throw e;
            }
        }, c -> {
            attached = c;
            controller.set(c);
            device.set(spec);
            state.set(ControllerState.IDLE);
            message.set("Attached " + spec + ".");
            lastLogSequence = 0;
            adminLog.clear();
            source = null;
            sampleIdleOnce = true;
            sample();
            done.complete(c);
        }, t -> {
            state.set(ControllerState.DETACHED);
            message.set(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /** Stops polling the device, shuts the controller down and releases it. */
    public CompletableFuture<Void> detach() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        NvmeController c = controller.get();
        if (c == null) {
            done.complete(null);
            return done;
        }
        tasks.cancelCurrent();
        Sweep sweep = currentSweep;
        if (sweep != null) {
            sweep.cancel(); // a sweep stops through its own flag, after the point in progress drains
        }
        String name = device.get();
        source = null;
        tasks.submit("Detach " + name, p -> {
            try {
                c.close();
            } finally {
                c.pci().close();
            }
            return null;
        }, v -> {
            detached(name + " is detached.");
            done.complete(null);
        }, t -> {
            detached(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    private void detached(String why) {
        attached = null;
        source = null;
        controller.set(null);
        device.set("");
        latest.set(null);
        state.set(ControllerState.DETACHED);
        message.set(why);
    }

    // --- admin commands ---------------------------------------------------------------------------

    /** Runs {@code work} against the attached controller on the device thread. */
    public <T> CompletableFuture<T> onDevice(String title, Function<NvmeController, T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        NvmeController c = controller.get();
        if (c == null) {
            done.completeExceptionally(new IllegalStateException("No device is attached; attach one in the Devices view."));
            return done;
        }
        boolean wasIdle = state.get() == ControllerState.IDLE;
        if (wasIdle) {
            state.set(ControllerState.BUSY);
        }
        tasks.submit(title, p -> work.apply(c), v -> {
            if (wasIdle && state.get() == ControllerState.BUSY) {
                state.set(ControllerState.IDLE);
            }
            done.complete(v);
        }, t -> {
            if (wasIdle && state.get() == ControllerState.BUSY) {
                state.set(ControllerState.IDLE);
            }
            message.set(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /**
     * Runs read-only {@code work} on the device now: between two batches of the running workload (its
     * I/O queues exist then, which Get Features 09h needs), or on the device thread when none runs.
     */
    public <T> CompletableFuture<T> query(String title, Function<NvmeController, T> work) {
        if (!isRunning()) {
            return onDevice(title, work);
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        duringRun.add(c -> {
            try {
                T v = work.apply(c);
                tasks.onUiThread(() -> done.complete(v));
            } catch (RuntimeException e) {
                tasks.onUiThread(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    /**
     * Sets Feature 08h and Feature 09h CD on each vector whose CD changes, and keeps {@code value} and the CD
     * vectors for the next runs. 09h needs an existing I/O completion queue for its vector: during a run
     * ("Apply now") it takes effect at once; between runs a compliant device refuses it, which is said in
     * {@link #message()}, and the next run sets CD when it creates its queues. While a
     * workload runs, the user is asked first (the spec advises against changing coalescing during I/O):
     * now, between two batches of the run; after the run; or not at all (the future then fails with a
     * {@link CancellationException} and nothing changes). Completes with the device's answer; a refusal
     * also lands in {@link #message()} in words.
     */
    public CompletableFuture<AdminResult> applyCoalescing(InterruptCoalescing value, Set<Integer> cdVectors) {
        if (currentSweep != null) {
            // The sweep sets 08h at every point; a value set in between would skew the point under way.
            String m = "A sweep is setting Feature 08h point by point: apply when it has finished, or stop it first.";
            message.set(m);
            return CompletableFuture.failedFuture(new IllegalStateException(m));
        }
        if (!isRunning()) {
            return setCoalescing(value, cdVectors);
        }
        ApplyDuringIoQuestion q = new ApplyDuringIoQuestion(device.get(), value);
        return prompts.get().applyDuringIo(q).thenCompose(choice -> switch (choice) {
            case APPLY_NOW -> isRunning() ? setDuringRun(value, cdVectors) : setCoalescing(value, cdVectors);
            case AFTER_RUN -> {
                message.set(q.deferred());
                yield setCoalescing(value, cdVectors);
            }
            case CANCEL -> {
                message.set(q.cancelled());
                yield CompletableFuture.<AdminResult>failedFuture(new CancellationException(q.cancelled()));
            }
        });
    }

    private void keepDesired(InterruptCoalescing value, Set<Integer> cdVectors) {
        desiredCoalescing.set(value);
        desiredCdVectors.set(cdVectors == null ? null : Set.copyOf(cdVectors));
    }

    private String said(InterruptCoalescing value, AdminResult r) {
        String m = r.ok() ? "Interrupt Coalescing set: " + value.describe() + "."
                : FeatureText.failure("set-feature", FeatureId.INTERRUPT_COALESCING, r.status());
        message.set(m);
        return m;
    }

    /**
     * Set Features 08h, then 09h for each vector whose CD changes, on the device thread (after the current
     * run, when one is going). Between runs no I/O completion queue exists, so a compliant device refuses
     * 09h (Invalid Field in Command, reference/nvme.md): that is said, and CD is set when the next run
     * creates its queues.
     */
    private CompletableFuture<AdminResult> setCoalescing(InterruptCoalescing value, Set<Integer> cdVectors) {
        keepDesired(value, cdVectors);
        int vectors = draftSpec.get() == null ? 1 : draftSpec.get().queues();
        List<Integer> candidates = new ArrayList<>();
        for (int iv = 1; iv <= vectors; iv++) {
            candidates.add(iv);
        }
        return onDevice("Set Interrupt Coalescing", c -> {
            AdminResult r = c.setFeature(FeatureId.INTERRUPT_COALESCING, value.cdw11(), false);
            List<String> cd = r.ok() ? setCd(c, boundOr(c, candidates), cdVectors) : List.of();
            return new Applied(r, cd);
        }).thenApply(a -> {
            String m = said(value, a.result());
            if (a.result().ok() && !a.cdNotes().isEmpty()) {
                message.set(m.substring(0, m.length() - 1) + "; " + String.join("; ", a.cdNotes()) + ".");
            }
            return a.result();
        });
    }

    /** Set Features 08h's answer and what became of 09h CD, in words. */
    private record Applied(AdminResult result, List<String> cdNotes) {
    }

    /** The vectors of the controller's I/O completion queues, or {@code fallback} when it has none (between runs). */
    private static List<Integer> boundOr(NvmeController c, List<Integer> fallback) {
        Set<Integer> bound = new TreeSet<>();
        for (var q : c.ioQueuePairs()) {
            if (q.vector() > 0) {
                bound.add(q.vector());
            }
        }
        return bound.isEmpty() ? fallback : new ArrayList<>(bound);
    }

    /**
     * Set Features 09h on each of {@code vectors} whose CD as the driver knows it differs from
     * {@code cdVectors} (null: leave CD alone). On the device thread or between a run's batches.
     *
     * @return one phrase per vector: set, or refused and why
     */
    private static List<String> setCd(NvmeController c, List<Integer> vectors, Set<Integer> cdVectors) {
        List<String> notes = new ArrayList<>();
        if (cdVectors == null) {
            return notes;
        }
        for (int iv : vectors) {
            boolean cd = cdVectors.contains(iv);
            if (cd == c.coalescingDisabled(iv)) {
                continue;
            }
            AdminResult r = c.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, new InterruptVectorConfig(iv, cd).cdw11(), false);
            if (r.ok()) {
                notes.add("IV " + iv + " CD=" + (cd ? 1 : 0) + " (" + (cd ? "coalescing disabled" : "coalescing allowed") + ")");
            } else if (r.status() == StatusCode.INVALID_FIELD && c.ioQueuePairs().isEmpty()) {
                notes.add("the device refused CD=" + (cd ? 1 : 0) + " on IV " + iv + " now (Invalid Field in Command: "
                        + "no I/O completion queue uses that vector between runs), so it is set when the next run creates its queues");
            } else {
                String f = FeatureText.failure("set-feature", FeatureId.INTERRUPT_VECTOR_CONFIGURATION, r.status());
                notes.add("IV " + iv + ": " + f.substring(0, f.length() - 1));
            }
        }
        return notes;
    }

    /** Set Features 08h from the running workload's thread, between two of its batches. */
    private CompletableFuture<AdminResult> setDuringRun(InterruptCoalescing value, Set<Integer> cdVectors) {
        keepDesired(value, cdVectors);
        CompletableFuture<AdminResult> done = new CompletableFuture<>();
        message.set("Setting Interrupt Coalescing during the run...");
        Consumer<NvmeController> work = c -> {
            AdminResult r;
            List<String> cd;
            try {
                r = c.setFeature(FeatureId.INTERRUPT_COALESCING, value.cdw11(), false);
                // The run's queues exist now, so 09h CD takes effect at once on the vectors they use.
                cd = r.ok() ? setCd(c, boundOr(c, List.of()), cdVectors) : List.of();
            } catch (RuntimeException e) {
                tasks.onUiThread(() -> {
                    message.set(Failures.sentence(e));
                    done.completeExceptionally(e);
                });
                return;
            }
            tasks.onUiThread(() -> {
                String m = said(value, r);
                if (r.ok()) {
                    message.set(m.substring(0, m.length() - 1) + (cd.isEmpty() ? "" : "; " + String.join("; ", cd))
                            + ", during the run.");
                }
                done.complete(r);
            });
        };
        duringRun.add(work);
        return done;
    }

    // --- workloads --------------------------------------------------------------------------------

    /** The spec as it will run: the desired coalescing and CD vectors folded in. */
    public WorkloadSpec effective(WorkloadSpec spec) {
        WorkloadSpec s = spec;
        if (desiredCoalescing.get() != null) {
            s = s.withCoalescing(desiredCoalescing.get());
        }
        if (desiredCdVectors.get() != null) {
            Set<Integer> cd = new TreeSet<>();
            for (int v : desiredCdVectors.get()) {
                if (v >= 1 && v <= spec.queues()) {
                    cd.add(v);
                }
            }
            s = s.withCdVectors(cd);
        }
        return s;
    }

    /**
     * Runs {@code spec} in the background; the result is added to the history and saved. A workload that
     * writes runs only after {@link #prompts()} confirmed writing to the device by name; otherwise the
     * future fails with a {@link CancellationException} saying nothing was written.
     */
    public CompletableFuture<RunRecord> run(WorkloadSpec spec) {
        String refused = refusal();
        if (refused != null) {
            message.set(refused);
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        if (!WriteConfirmation.needed(spec)) {
            return start(spec, spec);
        }
        NvmeController c = controller.get();
        String name = device.get();
        WriteConfirmation q = WriteConfirmation.of(name, spec, c.namespace().nsze(), c.namespace().lbaSize());
        return prompts.get().confirmWrites(q).thenCompose(yes -> {
            if (!Boolean.TRUE.equals(yes)) {
                message.set(q.refusal());
                return CompletableFuture.failedFuture(new CancellationException(q.refusal()));
            }
            if (controller.get() != c || !name.equals(device.get())) {
                String m = "Nothing was written: " + name + " was detached while you were asked.";
                message.set(m);
                return CompletableFuture.failedFuture(new IllegalStateException(m));
            }
            return start(spec, spec.withAllowWrites(true));
        });
    }

    /** Why no run can start now, in words, or null when one can. */
    private String refusal() {
        if (controller.get() == null) {
            return "No device is attached; attach one in the Devices view.";
        }
        if (isRunning()) {
            return "A run is in progress; stop it or wait for it to finish.";
        }
        return null;
    }

    private CompletableFuture<RunRecord> start(WorkloadSpec spec, WorkloadSpec allowed) {
        CompletableFuture<RunRecord> done = new CompletableFuture<>();
        String refused = refusal();
        if (refused != null) {
            message.set(refused);
            done.completeExceptionally(new IllegalStateException(refused));
            return done;
        }
        NvmeController c = controller.get();
        WorkloadSpec s = effective(allowed);
        lastSpec.set(spec);
        String name = device.get();
        double speed = simSpeed.get();
        state.set(ControllerState.RUNNING);
        runProgress.set(0);
        message.set("Running " + s.rw().fioName() + " on " + name + "...");
        tasks.submit("Run " + s.rw().fioName() + " on " + name, p -> runOnDevice(c, s, name, speed, p), r -> {
            sampleIdleOnce = true; // the views then show the controller at rest, not the run's last live sample
            state.set(ControllerState.IDLE);
            runProgress.set(1);
            runs.add(r);
            save(r);
            message.set(String.format("Run finished: %,.0f IOPS, %.2f completions per interrupt.", r.iops(),
                    r.completionsPerInterrupt()));
            done.complete(r);
        }, t -> {
            source = null;
            sampleIdleOnce = true;
            if (controller.get() != null) {
                state.set(ControllerState.IDLE);
            }
            message.set(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    private RunRecord runOnDevice(NvmeController c, WorkloadSpec s, String name, double speed, Progress p) {
        SimulatedController sim = c.pci() instanceof SimulatedController sc ? sc : null;
        if (sim != null) {
            sim.control().setSpeed(speed);
        }
        try {
            return new WorkloadRunner().run(name, c, s, onAttached(c, p, true));
        } finally {
            // The run ended before its next batch took the work: it is done now, after the run.
            runQueuedWork(c);
            source = null;
            if (sim != null) {
                sim.control().setSpeed(0);
            }
        }
    }

    /**
     * Follows a workload on the attached controller {@code c}: the live views sample it, and admin work
     * queued for it runs between batches, the one moment it may use the controller mid-run.
     *
     * @param reportProgress whether the run's own progress is the task's (a sweep reports its points instead)
     */
    private RunObserver onAttached(NvmeController c, Progress p, boolean reportProgress) {
        return new RunObserver() {
            @Override
            public void started(TelemetrySource live) {
                source = live;
            }

            @Override
            public void progress(double fraction) {
                if (reportProgress) {
                    p.update(fraction, null);
                }
            }

            @Override
            public boolean cancelled() {
                runQueuedWork(c);
                return p.stopRequested();
            }

            @Override
            public void finished(RunRecord r) {
                source = null;
            }
        };
    }

    /** Runs the admin work queued for the run in progress (see {@link #duringRun}) on {@code c}, now. */
    private void runQueuedWork(NvmeController c) {
        for (Consumer<NvmeController> work = duringRun.poll(); work != null; work = duringRun.poll()) {
            work.accept(c);
        }
    }

    // --- sweeps -----------------------------------------------------------------------------------

    /**
     * Runs {@code base} at every point of {@code grid} in the background, on the device thread so it never
     * overlaps a run; each point's record lands in {@link #runs()} (and on disk) as it finishes, like any
     * other run, and {@code onPoint} hears of it on the FX thread. {@link #stop()} cancels: the point in
     * progress is drained and left out, the finished ones are kept and analysed. On the simulator each point
     * opens a fresh simulator with the workload's seed (core.sweep.Sweep), so the sweep is deterministic and
     * the attached one is untouched; any other device (a VFIO group opens only once) is swept on the attached
     * controller itself, which stays attached with its 08h as before. A device that refuses Set Features 08h
     * fails the sweep before its first point, in one sentence.
     */
    public CompletableFuture<SweepResult> sweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos,
                                               SweepCost cost, Consumer<SweepPoint> onPoint) {
        String refused = refusal();
        if (refused != null) {
            message.set(refused);
            return CompletableFuture.failedFuture(new IllegalStateException(refused));
        }
        WorkloadSpec s = effective(base).withAllowWrites(false);
        if (WriteConfirmation.needed(s)) {
            String m = "A sweep only reads: choose a read pattern in the Workload view (" + s.rw().fioName() + " writes).";
            message.set(m);
            return CompletableFuture.failedFuture(new IllegalStateException(m));
        }
        String name = device.get();
        NvmeController c = controller.get();
        boolean fresh = Sweep.freshPerPoint(name);
        Sweep sweep = fresh ? new Sweep(name, s, grid, catalog) : Sweep.onController(name, c, s, grid);
        CompletableFuture<SweepResult> done = new CompletableFuture<>();
        currentSweep = sweep;
        state.set(ControllerState.RUNNING);
        runProgress.set(0);
        message.set("Sweeping " + grid.size() + " settings on " + name + "...");
        long t0 = System.nanoTime();
        tasks.submit("Sweep " + grid.size() + " settings on " + name, p -> {
            p.update(0, "Point 1 of " + grid.size());
            // On the attached controller the live views follow each point, and queries wait for no later run.
            RunObserver live = fresh ? RunObserver.NONE : onAttached(c, p, false);
            List<SweepPoint> points;
            try {
                points = sweep.run((n, total, point) -> {
                    p.update((double) n / total, n < total ? "Point " + (n + 1) + " of " + total : "Analysing");
                    tasks.onUiThread(() -> {
                        runProgress.set((double) n / total);
                        runs.add(point.record());
                        save(point.record());
                        if (onPoint != null) {
                            onPoint.accept(point);
                        }
                    });
                }, live);
            } finally {
                // Work asked for after the last batch is done now, on the attached controller, after the sweep.
                if (!fresh) {
                    runQueuedWork(c);
                }
            }
            return SweepResult.analyse(name, s, grid, points, percentile, targetNanos, cost, sweep.isCancelled(),
                    System.nanoTime() - t0);
        }, r -> {
            currentSweep = null;
            source = null;
            sampleIdleOnce = true;
            state.set(ControllerState.IDLE);
            runProgress.set(1);
            message.set((r.cancelled() ? "Sweep cancelled after " : "Sweep finished: ") + r.points().size() + " of "
                    + grid.size() + " settings.");
            done.complete(r);
        }, t -> {
            currentSweep = null;
            source = null;
            if (controller.get() != null) {
                state.set(ControllerState.IDLE);
            }
            message.set(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /** Runs the last workload again, with the coalescing settings as they are now. */
    public CompletableFuture<RunRecord> rerun() {
        WorkloadSpec s = lastSpec.get();
        if (s == null) {
            CompletableFuture<RunRecord> f = new CompletableFuture<>();
            f.completeExceptionally(new IllegalStateException("Nothing to rerun yet; start a workload first."));
            message.set("Nothing to rerun yet; start a workload first.");
            return f;
        }
        return run(s);
    }

    /** Asks the running workload to stop; it drains its in-flight commands and still records the run. */
    public void stop() {
        Sweep sweep = currentSweep;
        if (sweep != null) {
            sweep.cancel();
            message.set("Stopping the sweep after the point in progress...");
            return;
        }
        if (isRunning()) {
            tasks.cancelCurrent();
            message.set("Stopping the run after its in-flight commands complete...");
        }
    }

    // --- sampling ---------------------------------------------------------------------------------

    /** One telemetry sample (FX thread): the live run if one is going, else the idle controller once after a change. */
    void sample() {
        NvmeController c = attached;
        if (c == null) {
            return;
        }
        TelemetrySource s = source;
        if (s == null && sampleIdleOnce && state.get() == ControllerState.IDLE) {
            sampleIdleOnce = false;
            s = c;
        }
        if (s != null) {
            TelemetrySnapshot snap = s.snapshot();
            latest.set(snap);
            listeners.publish(snap);
        }
        drainAdminLog(c.adminLog());
    }

    private void drainAdminLog(AdminLog log) {
        AdminLogEntry last = log.last();
        if (last == null || last.sequence() <= lastLogSequence) {
            return;
        }
        List<AdminLogEntry> fresh = new ArrayList<>();
        for (AdminLogEntry e : log.entries()) {
            if (e.sequence() > lastLogSequence) {
                fresh.add(e);
            }
        }
        lastLogSequence = last.sequence();
        adminLog.addAll(fresh);
    }

    // --- run history on disk ----------------------------------------------------------------------

    private void save(RunRecord r) {
        if (runsDir == null) {
            return;
        }
        Path file = runsDir.resolve("run-" + r.startedAt().toEpochMilli() + "-" + runs.size() + ".json");
        try {
            Files.createDirectories(runsDir);
            RunStore.save(file, r);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not keep the run in " + runsDir + ": " + e.getMessage(), e);
            message.set("The run finished but could not be saved to " + runsDir + ".");
        }
    }

    private static List<RunRecord> loadRuns(Path dir) {
        List<RunRecord> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(RunStore.load(f));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Skipped a run record: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list the runs in " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(RunRecord::startedAt));
        return out;
    }
}
