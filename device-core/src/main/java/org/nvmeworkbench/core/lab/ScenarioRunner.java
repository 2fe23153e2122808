package org.nvmeworkbench.core.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nvmeworkbench.core.driver.HostInterruptWork;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.sim.SimulationControl;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Plays one scenario with the real driver and workload on a fresh {@link SimulatedController}: attaches,
 * installs the {@link LabTrace}, runs the workload (then each rerun with its features), paced by the
 * simulator's {@link SimulationControl} at the scenario's speed once I/O starts (the bring-up runs at
 * full speed). Pause, single step (one {@link LabEvent}) and resume go through the {@link StepGate}.
 *
 * <p>Threading: {@link #runAll()} runs on the caller's thread; {@link #start()} runs it on a daemon
 * thread. Everything else may be called from any thread (the UI's).
 */
public final class ScenarioRunner implements AutoCloseable {
    private final ScenarioPlan plan;
    private final SimulatedController sim;
    private final LabTrace trace;
    private volatile String caption;
    private volatile long workloadStart = -1;
    private volatile boolean cancelled;
    private volatile TelemetrySource live;
    private volatile double speed;
    private final boolean[] stepCaptionShown;
    /** Guards the play thread and closing: the simulator is closed only once its driving thread is gone. */
    private final Object lifecycle = new Object();
    private Thread playThread;
    private boolean playing;
    private boolean closeWhenDone;
    private boolean closed;

    public ScenarioRunner(ScenarioPlan plan) {
        this.plan = plan;
        this.sim = SimulatedController.create(plan.simConfig().withSpeed(0));
        this.trace = LabTrace.on(sim);
        this.stepCaptionShown = new boolean[plan.captions().size()];
        this.speed = plan.speed();
        trace.onEvent(this::updateCaption);
        // A step runs unpaced (step()); the pacing comes back where it stops, if I/O is still under way.
        trace.gate().onPark(() -> {
            if (live != null && !cancelled) {
                sim.control().setSpeed(speed);
            }
        });
    }

    public ScenarioPlan plan() {
        return plan;
    }

    public SimulatedController simulator() {
        return sim;
    }

    public LabTrace trace() {
        return trace;
    }

    public JourneyTracker journeys() {
        return trace.journeys();
    }

    public CoalescingScene coalescing() {
        return trace.coalescing();
    }

    public StepGate gate() {
        return trace.gate();
    }

    /** The simulator's pacing: speed factor, and pause/step at the simulator's own event grain. */
    public SimulationControl control() {
        return sim.control();
    }

    /** Live telemetry of the run under way (rings, vectors, latency), or null between runs. */
    public TelemetrySource live() {
        return live;
    }

    /** The caption to show now, or null. */
    public String caption() {
        return caption;
    }

    /** Stop at the next Lab event. */
    public void pause() {
        trace.gate().pause();
    }

    /**
     * Stop now: device time stands still at once (within the simulator's few milliseconds of pacing sleep),
     * not only at the next Lab event, which slow motion may put seconds of screen time away. A step or
     * resume goes on from here.
     */
    public void pauseNow() {
        trace.gate().pause();
        if (live != null && !cancelled) {
            sim.control().pause();
        }
    }

    /** Whether the play is held: at the gate or with its clock stopped. */
    public boolean isHeld() {
        return trace.gate().isPaused() || sim.control().isPaused();
    }

    /**
     * From a stop: go on to the next Lab event and stop there. The step itself is not paced: at a
     * hundred thousand times slower, the 70 us a read spends on the media would keep a presenter's
     * key press waiting seven seconds. The device-time stamps still tell how long it took; the pacing
     * comes back when the run stops again, or on resume.
     */
    public void step() {
        if (live != null && !cancelled) {
            sim.control().setSpeed(0);
        }
        sim.control().resume();
        trace.gate().step();
    }

    public void resume() {
        if (live != null && !cancelled) {
            sim.control().setSpeed(speed);
        }
        sim.control().resume();
        trace.gate().resume();
    }

    /**
     * The pacing while I/O runs, kept for the reruns too (the scenario's own speed until changed). The
     * bring-up and the gaps between runs stay unpaced: a presenter should not wait for the controller to enable.
     */
    public void setSpeed(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("Speed must be 0 (as fast as possible) or a positive factor, not " + factor + ".");
        }
        speed = factor;
        if (live != null && !cancelled) {
            sim.control().setSpeed(factor);
        }
    }

    /** The speed factor I/O runs at: the scenario's, or the last {@link #setSpeed}. */
    public double speed() {
        return speed;
    }

    /** Device time (ns) the first workload started at, or -1 before. */
    public long workloadStart() {
        return workloadStart;
    }

    /**
     * Stops issuing I/O: the commands in flight finish as fast as possible (unpaced, never stopped at
     * the gate again) and the runs end.
     */
    public void cancel() {
        cancelled = true;
        sim.control().setSpeed(0);
        sim.control().resume();
        trace.gate().release();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Plays the scenario on a daemon thread of its own; the future completes with every run. Call once. */
    public CompletableFuture<List<LabRun>> start() {
        return start(r -> {
            Thread t = new Thread(r, "lab-scenario-" + plan.name());
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Plays the scenario on {@code executor} (one of its threads is taken for the whole play, paused or not);
     * the future completes with every run. Call once.
     */
    public CompletableFuture<List<LabRun>> start(java.util.concurrent.Executor executor) {
        CompletableFuture<List<LabRun>> f = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (closed || playing || playThread != null) {
                throw new IllegalStateException("The scenario " + plan.name() + " was already started or closed.");
            }
            playing = true;
        }
        executor.execute(() -> {
            synchronized (lifecycle) {
                playThread = Thread.currentThread();
            }
            try {
                f.complete(runAll());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            } finally {
                playEnded();
            }
        });
        return f;
    }

    /** True while the play thread started by {@link #start()} runs. */
    public boolean isPlaying() {
        synchronized (lifecycle) {
            return playing;
        }
    }

    private void playEnded() {
        boolean closeNow;
        synchronized (lifecycle) {
            playing = false;
            closeNow = closeWhenDone && !closed;
            if (closeNow) {
                closed = true;
            }
            lifecycle.notifyAll();
        }
        if (closeNow) {
            sim.close();
        }
    }

    /** Plays the scenario on this thread: the first run, then each rerun. */
    public List<LabRun> runAll() {
        NvmeController ctrl = NvmeController.attach(sim, plan.driverOptions());
        List<LabRun> runs = new ArrayList<>();
        try {
            trace.install(ctrl);
            // The scenario's faults count I/O commands from the first run's start, as run --fault does.
            plan.scenario().faults().forEach(sim.faults()::inject);
            runs.add(runOnce(ctrl, "as set: " + describe(plan.workload()), plan.workload()));
            for (ScenarioPlan.Rerun r : plan.reruns()) {
                if (cancelled) {
                    break;
                }
                runs.add(runOnce(ctrl, r.label(), plan.workload().withCoalescing(r.coalescing())));
            }
        } finally {
            trace.uninstall(ctrl);
            ctrl.close();
        }
        return runs;
    }

    private static String describe(WorkloadSpec w) {
        return w.coalescing() == null ? "device's own coalescing" : w.coalescing().describe();
    }

    private LabRun runOnce(NvmeController ctrl, String label, WorkloadSpec spec) {
        long[] before = trace.journeys().interruptResponses();
        long journeysBefore = trace.journeys().finishedCount();
        HostInterruptWork workBefore = ctrl.hostInterruptWork();
        RunRecord r = new WorkloadRunner().run(ctrl, spec, new RunObserver() {
            @Override
            public void started(TelemetrySource source) {
                live = source;
                if (workloadStart < 0) {
                    workloadStart = sim.nanoTime();
                }
                if (!cancelled) {
                    sim.control().setSpeed(speed);
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }

            @Override
            public void finished(RunRecord result) {
                sim.control().setSpeed(0);
                live = null;
            }
        });
        sim.control().setSpeed(0);
        long[] after = trace.journeys().interruptResponses();
        long n = after[0] - before[0];
        return new LabRun(label, r, n == 0 ? 0 : (double) (after[1] - before[1]) / n,
                trace.journeys().finishedCount() - journeysBefore, ctrl.hostInterruptWork().minus(workBefore));
    }

    private void updateCaption(LabEvent e) {
        List<ScenarioPlan.TimedCaption> caps = plan.captions();
        long since = workloadStart < 0 ? -1 : e.t() - workloadStart;
        for (int i = 0; i < caps.size(); i++) {
            ScenarioPlan.TimedCaption c = caps.get(i);
            if (stepCaptionShown[i]) {
                continue;
            }
            boolean due = c.atStep() != null ? c.atStep() == e.step() : since >= 0 && since >= c.atNanos();
            if (due) {
                stepCaptionShown[i] = true;
                caption = c.text();
            }
        }
    }

    /**
     * Cancels the scenario and closes its simulator, from any thread. When a play thread still drives the
     * simulator, waits for it to end (bounded: the cancelled run goes on unpaced and ungated); if it has not
     * ended within the bound, the play thread closes the simulator itself when it does.
     */
    @Override
    public void close() {
        closeWithin(2_000);
    }

    /** {@link #close()} waiting at most {@code millis} for the play thread; true when the simulator is closed now. */
    public boolean closeWithin(long millis) {
        cancel();
        long end = System.currentTimeMillis() + millis;
        synchronized (lifecycle) {
            if (closed) {
                return true;
            }
            boolean interrupted = false;
            while (playing && Thread.currentThread() != playThread) {
                long left = end - System.currentTimeMillis();
                if (left <= 0 || interrupted) {
                    closeWhenDone = true;
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }
                try {
                    lifecycle.wait(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (playing && playThread == Thread.currentThread()) {
                closeWhenDone = true; // closing from a listener on the play thread: close as it ends
                return false;
            }
            closed = true;
        }
        sim.close();
        return true;
    }
}
