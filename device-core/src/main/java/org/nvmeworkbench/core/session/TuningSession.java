package org.nvmeworkbench.core.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminLog;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A tuning session, headless (design.md, "One session, many front ends"): the attached device, the 08h and
 * 09h the next runs use and the one policy for applying them, runs, reruns, sweeps, the run history on disk,
 * and events that a window, a command line or an agent follows. Its state changes on the callback thread of
 * its {@link SessionTasks} only; everything that talks to the device is work submitted there, one piece at a
 * time. Runs and sweeps are in {@link SessionRuns}.
 */
public final class TuningSession {
    private final DeviceCatalog catalog;
    private final SessionTasks tasks;
    private final RunHistory history;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<RunRecord> runs = new CopyOnWriteArrayList<>();
    private volatile boolean remembersRuns = true;
    private final SessionRuns work;

    private volatile String device = "";
    private volatile ControllerState state = ControllerState.DETACHED;
    private volatile NvmeController controller;
    private volatile InterruptCoalescing desiredCoalescing;
    private volatile Set<Integer> desiredCdVectors;
    private volatile SafetyPrompts prompts = SafetyPrompts.UNATTENDED;
    private volatile DriverOptions driverOptions = DriverOptions.DEFAULT;
    private long lastLogSequence;

    public TuningSession(DeviceCatalog catalog, SessionTasks tasks, RunHistory history) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.history = history == null ? RunHistory.inMemory() : history;
        this.runs.addAll(this.history.load());
        this.work = new SessionRuns(this);
    }

    public DeviceCatalog catalog() { return catalog; }
    public SessionTasks tasks() { return tasks; }
    public RunHistory history() { return history; }
    public String device() { return device; }
    public ControllerState state() { return state; }
    public NvmeController controller() { return controller; }
    public InterruptCoalescing desiredCoalescing() { return desiredCoalescing; }
    public Set<Integer> desiredCdVectors() { return desiredCdVectors; }
    /** The runs of this session and of earlier ones kept on disk, oldest first. */
    public List<RunRecord> runs() { return List.copyOf(runs); }
    public SessionRuns work() { return work; }

    public boolean isAttached() { return controller != null; }
    public boolean isRunning() { return state == ControllerState.RUNNING; }

    public void addListener(SessionListener l) { listeners.add(l); }
    public void removeListener(SessionListener l) { listeners.remove(l); }

    /** Who answers the safety questions: a person's dialogs, a client, or no one (writes refused). */
    public void setPrompts(SafetyPrompts p) { prompts = p == null ? SafetyPrompts.UNATTENDED : p; }
    SafetyPrompts prompts() { return prompts; }

    /** The driver options the next attach uses (e.g. how many I/O queues to ask for). */
    public void setDriverOptions(DriverOptions o) { driverOptions = o == null ? DriverOptions.DEFAULT : o; }

    // --- events --------------------------------------------------------------------------------------

    void say(String sentence) {
        listeners.forEach(l -> l.said(sentence));
    }

    void setState(ControllerState s) {
        state = s;
        listeners.forEach(l -> l.stateChanged(s, device, controller));
    }

    void progress(double fraction) {
        listeners.forEach(l -> l.progress(fraction));
    }

    void started(WorkloadSpec spec) {
        listeners.forEach(l -> l.runStarted(spec));
    }

    /**
     * A finished run joins the history, in memory and on disk; a failure to save is said.
     *
     * @return null when it was kept, else the sentence saying why not (the caller's own message must carry it)
     */
    String add(RunRecord r) {
        if (remembersRuns) {
            runs.add(r);
        }
        String problem = history.save(r);
        listeners.forEach(l -> l.runAdded(r));
        if (problem != null) {
            say(problem);
        }
        return problem;
    }

    /**
     * Whether finished runs are kept in {@link #runs()}: the window lists them; a command line sweep of thousands
     * of points has no list to show and would only grow with every point (its listeners still hear of each run).
     */
    public void setRemembersRuns(boolean remember) {
        remembersRuns = remember;
    }

    /**
     * A run made elsewhere for this session's user (on an agent, marked with its host) joins the history, in
     * memory and on disk, as a run of this session would.
     */
    public void keep(RunRecord r) {
        add(r);
    }

    /** Runs opened from files join the history in memory (they already live in their files). */
    public void addOpened(List<RunRecord> opened) {
        for (RunRecord r : opened) {
            runs.add(r);
            listeners.forEach(l -> l.runAdded(r));
        }
    }

    /** Fails with {@code sentence}, said first. */
    <T> CompletableFuture<T> refuse(String sentence) {
        say(sentence);
        return CompletableFuture.failedFuture(new IllegalStateException(sentence));
    }

    // --- device life cycle ---------------------------------------------------------------------------

    /** Opens {@code spec} through the catalog and brings the controller up. */
    public CompletableFuture<NvmeController> attach(String spec) {
        return attach(spec, DeviceOptions.DEFAULT);
    }

    public CompletableFuture<NvmeController> attach(String spec, DeviceOptions options) {
        if (isAttached()) {
            return refuse(device + " is attached; detach it before attaching " + spec + ".");
        }
        CompletableFuture<NvmeController> done = new CompletableFuture<>();
        setState(ControllerState.ATTACHING);
        say("Attaching " + spec + "...");
        DriverOptions driver = driverOptions;
        tasks.submit("Attach " + spec, p -> {
            p.update(-1, "Opening " + spec);
            PciFunction pci = catalog.open(spec, options);
            try {
                p.update(-1, "Enabling the controller");
                NvmeController c = NvmeController.attach(pci, driver);
                c.identifyController();
                return c;
            } catch (RuntimeException e) {
                pci.close();
                throw e;
            }
        }, c -> {
            controller = c;
            device = spec;
            lastLogSequence = 0;
            listeners.forEach(SessionListener::adminLogCleared);
            work.showIdleOnce();
            setState(ControllerState.IDLE);
            say("Attached " + spec + ".");
            done.complete(c);
        }, t -> {
            setState(ControllerState.DETACHED);
            say(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /** Stops what runs, shuts the controller down and releases the device. */
    public CompletableFuture<Void> detach() {
        NvmeController c = controller;
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        work.stopForDetach();
        String name = device;
        CompletableFuture<Void> done = new CompletableFuture<>();
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
        controller = null;
        device = "";
        setState(ControllerState.DETACHED);
        say(why);
    }

    // --- admin commands ------------------------------------------------------------------------------

    /** Runs {@code fn} against the attached controller on the device thread. */
    public <T> CompletableFuture<T> onDevice(String title, Function<NvmeController, T> fn) {
        NvmeController c = controller;
        if (c == null) {
            return refuse(SessionWords.NO_DEVICE);
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        boolean wasIdle = state == ControllerState.IDLE;
        if (wasIdle) {
            setState(ControllerState.BUSY);
        }
        tasks.submit(title, p -> fn.apply(c), v -> {
            if (wasIdle && state == ControllerState.BUSY) {
                setState(ControllerState.IDLE);
            }
            done.complete(v);
        }, t -> {
            if (wasIdle && state == ControllerState.BUSY) {
                setState(ControllerState.IDLE);
            }
            say(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /**
     * Runs read-only {@code fn} on the device now: between two batches of the running workload (its I/O
     * queues exist then, which Get Features 09h needs), or on the device thread when none runs.
     */
    public <T> CompletableFuture<T> query(String title, Function<NvmeController, T> fn) {
        return isRunning() ? work.betweenBatches(fn) : onDevice(title, fn);
    }

    /**
     * The one policy for Set Features 08h and 09h (design.md, "Safety on real devices"): between runs it is
     * sent at once (09h on a vector no queue uses goes through a short-lived queue, {@link FeatureApplication});
     * during a sweep it is refused (each point sets its own 08h); during a run the user is asked first, since
     * the spec advises against changing coalescing with commands in flight: now, between two batches of the
     * run; after the run; or not at all (the future then fails with a {@link CancellationException}). The
     * value and CD vectors are kept for the next runs, and the driver sets them again after a controller
     * reset. Completes with the device's answer to 08h; every outcome is also said in words.
     *
     * @param vectorsBetweenRuns how many I/O vectors the next run will use (its queue count), for 09h between runs
     */
    public CompletableFuture<AdminResult> applyCoalescing(InterruptCoalescing value, Set<Integer> cdVectors,
                                                         int vectorsBetweenRuns) {
        if (work.sweeping()) {
            return refuse(SessionWords.APPLY_DURING_SWEEP);
        }
        if (!isAttached()) {
            return refuse(SessionWords.NO_DEVICE);
        }
        if (!isRunning()) {
            return setNow(value, cdVectors, vectorsBetweenRuns);
        }
        ApplyDuringIoQuestion q = new ApplyDuringIoQuestion(device, value);
        return prompts.applyDuringIo(q).thenCompose(choice -> switch (choice) {
            case APPLY_NOW -> isRunning() ? setDuringRun(value, cdVectors) : setNow(value, cdVectors, vectorsBetweenRuns);
            case AFTER_RUN -> {
                say(q.deferred());
                yield setNow(value, cdVectors, vectorsBetweenRuns);
            }
            case CANCEL -> {
                say(q.cancelled());
                yield CompletableFuture.<AdminResult>failedFuture(new CancellationException(q.cancelled()));
            }
        });
    }

    /** Identify, registers and Features 07h/08h/09h as the device answers now (between batches during a run). */
    public CompletableFuture<ControllerReadout> readController() {
        boolean running = isRunning();
        return query("Read controller", c -> ControllerReadout.read(c, running));
    }

    /** The 08h and CD vectors the next runs use, as a restored session had them; nothing is sent to the device. */
    public void restoreDesired(InterruptCoalescing value, Set<Integer> cdVectors) {
        keepDesired(value, cdVectors);
    }

    private void keepDesired(InterruptCoalescing value, Set<Integer> cdVectors) {
        desiredCoalescing = value;
        desiredCdVectors = cdVectors == null ? null : Set.copyOf(cdVectors);
        listeners.forEach(l -> l.desiredFeaturesChanged(desiredCoalescing, desiredCdVectors));
    }

    private CompletableFuture<AdminResult> setNow(InterruptCoalescing value, Set<Integer> cdVectors, int vectors) {
        keepDesired(value, cdVectors);
        return onDevice("Set Interrupt Coalescing", c -> FeatureApplication.coalescing(c, value, cdVectors, vectors))
                .thenApply(a -> {
                    say(FeatureApplication.said(value, a));
                    return a.result();
                });
    }

    private CompletableFuture<AdminResult> setDuringRun(InterruptCoalescing value, Set<Integer> cdVectors) {
        keepDesired(value, cdVectors);
        say("Setting Interrupt Coalescing during the run...");
        return work.betweenBatches(c -> FeatureApplication.coalescing(c, value, cdVectors, 0)).handle((a, t) -> {
            if (t != null) {
                say(Failures.sentence(t));
                throw new java.util.concurrent.CompletionException(t);
            }
            String m = FeatureApplication.said(value, a);
            say(a.result().ok() ? m.substring(0, m.length() - 1) + ", during the run." : m);
            return a.result();
        });
    }

    /**
     * One Set Features for 08h or 09h as given, e.g. the command line's set-feature. 08h goes through the
     * policy of {@link #applyCoalescing} (and becomes the desired value); 09h binds its vector if need be.
     */
    public CompletableFuture<FeatureApplication.Applied> setFeature(int fid, int cdw11, boolean save) {
        if (work.sweeping()) {
            return refuse(SessionWords.APPLY_DURING_SWEEP);
        }
        if (isRunning()) {
            return refuse(SessionWords.SET_FEATURE_DURING_RUN);
        }
        return onDevice("Set Features", c -> FeatureApplication.raw(c, fid, cdw11, save));
    }

    /** The spec as it will run: the desired coalescing and CD vectors folded in. */
    public WorkloadSpec effective(WorkloadSpec spec) {
        return effective(spec, desiredCoalescing, desiredCdVectors);
    }

    /**
     * {@code spec} with {@code coalescing} and the CD vectors among its queues' vectors folded in (null: as the
     * spec has it); an agent's session folds its own in the same way.
     */
    public static WorkloadSpec effective(WorkloadSpec spec, InterruptCoalescing coalescing, Set<Integer> cdVectors) {
        WorkloadSpec s = spec;
        if (coalescing != null) {
            s = s.withCoalescing(coalescing);
        }
        if (cdVectors != null) {
            Set<Integer> cd = new TreeSet<>();
            for (int v : cdVectors) {
                if (v >= 1 && v <= spec.queues()) {
                    cd.add(v);
                }
            }
            s = s.withCdVectors(cd);
        }
        return s;
    }

    // --- sampling ------------------------------------------------------------------------------------

    /**
     * One telemetry sample, for a front end's timer (10-30 Hz, never per I/O): the live run if one is going,
     * else the controller at rest once after a change; null when there is nothing new to show.
     */
    public TelemetrySnapshot sample() {
        NvmeController c = controller;
        if (c == null) {
            return null;
        }
        TelemetrySource s = work.liveSource(c, state == ControllerState.IDLE);
        return s == null ? null : s.snapshot();
    }

    /**
     * The run under way as a record of the part that has run (cumulative latency, counts, time series), for a
     * front end's timer; the same object until the run publishes its next slice; null when no run goes.
     */
    public RunRecord runSoFar() {
        return work.runSoFar();
    }

    /** Hands the admin commands logged since the last call to the listeners; on the sampler's thread. */
    public void drainAdminLog() {
        NvmeController c = controller;
        if (c == null) {
            return;
        }
        AdminLog log = c.adminLog();
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
        List<AdminLogEntry> entries = List.copyOf(fresh);
        listeners.forEach(l -> l.adminLogged(entries));
    }
}
