package org.nvmeworkbench.core.session;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.sweep.Sweep;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.workload.LiveRecord;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The runs and sweeps of a {@link TuningSession}: the write consent, the live telemetry source, the admin
 * work handed to a running workload between two of its batches, and stopping.
 */
public final class SessionRuns {
    private final TuningSession session;
    /**
     * Admin work handed to the running workload's thread, taken between two batches of completions
     * (RunObserver.cancelled is polled there): the only way to send Set Features while I/O is in flight.
     */
    private final Queue<Consumer<NvmeController>> duringRun = new ConcurrentLinkedQueue<>();

    private volatile WorkloadSpec lastSpec;
    /** Simulator pacing during runs: 0 as fast as possible, 1 live, below 1 slow motion. */
    private volatile double simSpeed;
    private volatile TelemetrySource source;
    private volatile LiveRecord liveRecord;
    private volatile boolean sampleIdleOnce;
    private volatile Sweep currentSweep;

    SessionRuns(TuningSession session) {
        this.session = session;
    }

    public WorkloadSpec lastSpec() { return lastSpec; }
    public void setSimSpeed(double speed) { simSpeed = speed; }
    public boolean sweeping() { return currentSweep != null; }

    void showIdleOnce() {
        source = null;
        sampleIdleOnce = true;
    }

    /** What to sample now: the live run, or the controller at rest once after a change, or nothing. */
    TelemetrySource liveSource(NvmeController c, boolean idle) {
        TelemetrySource s = source;
        if (s == null && sampleIdleOnce && idle) {
            sampleIdleOnce = false;
            return c;
        }
        return s;
    }

    /** The run under way as a record of the part that has run, or null when none runs (any thread). */
    RunRecord runSoFar() {
        LiveRecord r = liveRecord;
        return r == null ? null : r.soFar();
    }

    /** Why no run can start now, in words, or null when one can. */
    private String refusal() {
        if (!session.isAttached()) {
            return SessionWords.NO_DEVICE;
        }
        if (session.isRunning()) {
            return SessionWords.RUN_IN_PROGRESS;
        }
        return null;
    }

    /**
     * Runs {@code spec} in the background; the record joins the history and is saved. A workload that writes
     * runs only after the session's prompts confirmed writing to the device by name (the window asks; the
     * command line answers with its --allow-writes); otherwise the future fails with a
     * {@link CancellationException} saying nothing was written.
     */
    public CompletableFuture<RunRecord> run(WorkloadSpec spec) {
        String refused = refusal();
        if (refused != null) {
            return session.refuse(refused);
        }
        if (!WriteConfirmation.needed(spec)) {
            return start(spec, spec);
        }
        NvmeController c = session.controller();
        String name = session.device();
        WriteConfirmation q = WriteConfirmation.of(name, spec, c.namespace().nsze(), c.namespace().lbaSize());
        return session.prompts().confirmWrites(q).thenCompose(yes -> {
            if (!Boolean.TRUE.equals(yes)) {
                session.say(q.refusal());
                return CompletableFuture.failedFuture(new CancellationException(q.refusal()));
            }
            if (session.controller() != c || !name.equals(session.device())) {
                return session.refuse("Nothing was written: " + name + " was detached while you were asked.");
            }
            return start(spec, spec.withAllowWrites(true));
        });
    }

    /** Runs the last workload again, with the coalescing settings as they are now. */
    public CompletableFuture<RunRecord> rerun() {
        WorkloadSpec s = lastSpec;
        return s == null ? session.refuse(SessionWords.NOTHING_TO_RERUN) : run(s);
    }

    private CompletableFuture<RunRecord> start(WorkloadSpec spec, WorkloadSpec allowed) {
        String refused = refusal();
        if (refused != null) {
            return session.refuse(refused);
        }
        NvmeController c = session.controller();
        WorkloadSpec s = session.effective(allowed);
        lastSpec = spec;
        String name = session.device();
        double speed = simSpeed;
        CompletableFuture<RunRecord> done = new CompletableFuture<>();
        session.setState(ControllerState.RUNNING);
        session.progress(0);
        session.started(spec);
        session.say("Running " + s.rw().fioName() + " on " + name + "...");
        session.tasks().submit("Run " + s.rw().fioName() + " on " + name, p -> {
            SimulatedController sim = c.pci() instanceof SimulatedController sc ? sc : null;
            if (sim != null) {
                sim.control().setSpeed(speed);
            }
            try {
                return new WorkloadRunner().run(name, c, s, following(c, p, true));
            } finally {
                // The run ended before its next batch took the work: it is done now, after the run.
                runQueuedWork(c);
                source = null;
                if (sim != null) {
                    sim.control().setSpeed(0);
                }
            }
        }, r -> {
            sampleIdleOnce = true; // the views then show the controller at rest, not the run's last live sample
            session.setState(ControllerState.IDLE);
            session.progress(1);
            String notKept = session.add(r);
            // "Run finished" alone would hide that the run was not kept (e.g. ~/.nvme-workbench is a file).
            session.say(String.format("Run finished: %,.0f IOPS, %.2f completions per interrupt.", r.iops(),
                    r.completionsPerInterrupt()) + (notKept == null ? "" : " " + notKept));
            done.complete(r);
        }, t -> failed(t, done));
        return done;
    }

    private <T> void failed(Throwable t, CompletableFuture<T> done) {
        source = null;
        liveRecord = null;
        sampleIdleOnce = true;
        currentSweep = null;
        if (session.isAttached()) {
            session.setState(ControllerState.IDLE);
        }
        session.say(Failures.sentence(t));
        done.completeExceptionally(t);
    }

    /**
     * Follows a workload on the attached controller {@code c}: the live views sample it, and admin work queued
     * for it runs between batches, the one moment it may use the controller mid-run.
     *
     * @param reportProgress whether the run's own progress is the task's (a sweep reports its points instead)
     */
    private RunObserver following(NvmeController c, Progress p, boolean reportProgress) {
        return new RunObserver() {
            /** The last fraction the listeners heard: they hear each whole percent, not every batch. */
            private double said;

            @Override
            public void started(TelemetrySource live, LiveRecord record) {
                liveRecord = record;
                source = live;
            }

            @Override
            public void progress(double fraction) {
                if (reportProgress) {
                    p.update(fraction, null);
                    if (fraction - said >= 0.01 && fraction < 1) {
                        said = fraction;
                        session.tasks().deliver(() -> {
                            if (session.isRunning()) {
                                session.progress(fraction);
                            }
                        });
                    }
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
                liveRecord = null;
            }
        };
    }

    /** Runs {@code fn} on the running workload's thread between two batches; completes on the callback thread. */
    <T> CompletableFuture<T> betweenBatches(Function<NvmeController, T> fn) {
        CompletableFuture<T> done = new CompletableFuture<>();
        duringRun.add(c -> {
            try {
                T v = fn.apply(c);
                session.tasks().deliver(() -> done.complete(v));
            } catch (RuntimeException e) {
                session.tasks().deliver(() -> done.completeExceptionally(e));
            }
        });
        return done;
    }

    private void runQueuedWork(NvmeController c) {
        for (Consumer<NvmeController> w = duringRun.poll(); w != null; w = duringRun.poll()) {
            w.accept(c);
        }
    }

    /**
     * Runs {@code base} at every point of {@code grid}, on the device thread so it never overlaps a run; each
     * point's record joins the history as it finishes and {@code onPoint} hears of it on the callback thread.
     * {@link #stop()} cancels: the point in progress is drained and left out, the finished ones are kept. On
     * the simulator each point opens a fresh simulator with the workload's seed, so the sweep is deterministic;
     * any other device is swept on the attached controller, whose 08h is put back at the end. A device that
     * refuses Set Features 08h fails the sweep before its first point, in one sentence.
     */
    public CompletableFuture<SweepResult> sweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos,
                                               SweepCost cost, Consumer<SweepPoint> onPoint) {
        String refused = refusal();
        if (refused != null) {
            return session.refuse(refused);
        }
        WorkloadSpec s = session.effective(base).withAllowWrites(false);
        if (!WriteConfirmation.needed(s)) {
            return sweepConfirmed(s, grid, percentile, targetNanos, cost, onPoint);
        }
        // A writing sweep needs the same consent as a writing run: the window asks, the command line has --allow-writes.
        NvmeController held = session.controller();
        String device = session.device();
        WriteConfirmation q = WriteConfirmation.of(device, s, held.namespace().nsze(), held.namespace().lbaSize());
        return session.prompts().confirmWrites(q).thenCompose(yes -> {
            if (!Boolean.TRUE.equals(yes)) {
                session.say(q.refusal());
                return CompletableFuture.failedFuture(new CancellationException(q.refusal()));
            }
            return sweepConfirmed(s.withAllowWrites(true), grid, percentile, targetNanos, cost, onPoint);
        });
    }

    private CompletableFuture<SweepResult> sweepConfirmed(WorkloadSpec s, SweepGrid grid, double percentile,
                                                         long targetNanos, SweepCost cost, Consumer<SweepPoint> onPoint) {
        String name = session.device();
        NvmeController c = session.controller();
        boolean fresh = Sweep.freshPerPoint(name);
        Sweep sweep = fresh ? new Sweep(name, s, grid, session.catalog()) : Sweep.onController(name, c, s, grid);
        CompletableFuture<SweepResult> done = new CompletableFuture<>();
        currentSweep = sweep;
        session.setState(ControllerState.RUNNING);
        session.progress(0);
        session.say("Sweeping " + grid.size() + " settings on " + name + "...");
        long t0 = System.nanoTime();
        session.tasks().submit("Sweep " + grid.size() + " settings on " + name, p -> {
            p.update(0, "Point 1 of " + grid.size());
            // On the attached controller the live views follow each point, and queries wait for no later run.
            RunObserver live = fresh ? RunObserver.NONE : following(c, p, false);
            List<SweepPoint> points;
            try {
                points = sweep.run((n, total, point) -> {
                    p.update((double) n / total, n < total ? "Point " + (n + 1) + " of " + total : "Analysing");
                    session.tasks().deliver(() -> {
                        session.progress((double) n / total);
                        session.add(point.record());
                        if (onPoint != null) {
                            onPoint.accept(point);
                        }
                    });
                }, live);
            } finally {
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
            session.setState(ControllerState.IDLE);
            session.progress(1);
            session.say((r.cancelled() ? "Sweep cancelled after " : "Sweep finished: ") + r.points().size() + " of "
                    + grid.size() + " settings.");
            done.complete(r);
        }, t -> failed(t, done));
        return done;
    }

    /** Asks the running workload or sweep to stop; a run drains its in-flight commands and is still recorded. */
    public void stop() {
        Sweep sweep = currentSweep;
        if (sweep != null) {
            sweep.cancel();
            session.say("Stopping the sweep after the point in progress...");
            return;
        }
        if (session.isRunning()) {
            session.tasks().cancelCurrent();
            session.say("Stopping the run after its in-flight commands complete...");
        }
    }

    /** Before a detach: nothing more is sampled, and what runs is told to stop. */
    void stopForDetach() {
        session.tasks().cancelCurrent();
        Sweep sweep = currentSweep;
        if (sweep != null) {
            sweep.cancel(); // a sweep stops through its own flag, after the point in progress drains
        }
        source = null;
    }
}
