package org.nvmeworkbench.core.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.sim.SimulationControl;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.RunResult;
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
    private final boolean[] stepCaptionShown;

    public ScenarioRunner(ScenarioPlan plan) {
        this.plan = plan;
        this.sim = SimulatedController.create(plan.simConfig().withSpeed(0));
        this.trace = LabTrace.on(sim);
        this.stepCaptionShown = new boolean[plan.captions().size()];
        trace.onEvent(this::updateCaption);
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

    /** From a stop: go on to the next Lab event and stop there. */
    public void step() {
        trace.gate().step();
    }

    public void resume() {
        trace.gate().resume();
    }

    public void setSpeed(double factor) {
        sim.control().setSpeed(factor);
    }

    /** Stops issuing I/O: the commands in flight finish and the runs end. */
    public void cancel() {
        cancelled = true;
        trace.gate().release();
    }

    /** Plays the scenario on a daemon thread; the future completes with every run. */
    public CompletableFuture<List<LabRun>> start() {
        CompletableFuture<List<LabRun>> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(runAll());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "lab-scenario-" + plan.name());
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Plays the scenario on this thread: the first run, then each rerun. */
    public List<LabRun> runAll() {
        NvmeController ctrl = NvmeController.attach(sim, plan.driverOptions());
        List<LabRun> runs = new ArrayList<>();
        try {
            trace.install(ctrl);
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
        RunResult r = new WorkloadRunner().run(ctrl, spec, new RunObserver() {
            @Override
            public void started(TelemetrySource source) {
                live = source;
                if (workloadStart < 0) {
                    workloadStart = sim.nanoTime();
                }
                sim.control().setSpeed(plan.speed());
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }

            @Override
            public void finished(RunResult result) {
                sim.control().setSpeed(0);
                live = null;
            }
        });
        sim.control().setSpeed(0);
        long[] after = trace.journeys().interruptResponses();
        long n = after[0] - before[0];
        return new LabRun(label, r, n == 0 ? 0 : (double) (after[1] - before[1]) / n,
                trace.journeys().finishedCount() - journeysBefore);
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

    @Override
    public void close() {
        cancel();
        sim.close();
    }
}
