package org.nvmeworkbench.ui.launcher;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.shell.Workbench;
import org.nvmeworkbench.ui.view.runs.RunsView;

/**
 * Scripted sessions, so every view shows real data without a person at the keyboard (README
 * screenshots, demos). Everything comes from the device: nothing here makes up a number.
 */
public final class Scenario {
    public static final String TUNING_DEMO = "tuning-demo";
    /**
     * live-bench: the window's worst live case, for scripts/gui-bench.sh: 16 queue pairs at iodepth 32 as fast as
     * the simulator goes, for an hour of device time, with Queue Rings, Latency and MSI-X Vectors on screen at once.
     */
    public static final String LIVE_BENCH = "live-bench";

    private Scenario() {
    }

    /**
     * tuning-demo: attach {@code device}, run randread with coalescing off, set THR 7 / TIME 2 (signal after 8
     * completions or 200 us), rerun, and compare the two runs in the Runs view.
     */
    public static CompletableFuture<Void> play(String name, WorkbenchSession s, Workbench w, String device) {
        if (LIVE_BENCH.equals(name)) {
            return liveBench(s, w, device);
        }
        if (!TUNING_DEMO.equals(name)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Unknown scenario '" + name + "'; use " + TUNING_DEMO + ", a Lab scenario ("
                            + ", " + LIVE_BENCH + ", "
                            + String.join(", ", org.nvmeworkbench.core.lab.ScenarioLibrary.shippedNames().stream()
                                    .filter(n -> !TUNING_DEMO.equals(n)).toList())
                            + ") or a Lab scenario file."));
        }
        WorkloadSpec spec = WorkloadSpec.defaults().withRw(ReadWrite.RANDREAD).withQueues(2).withIodepth(32)
                .withLimits(1_000_000_000L, 0);
        s.simSpeed().set(0.25);
        CompletableFuture<?> attach = s.isAttached() ? CompletableFuture.completedFuture(null) : s.attach(device);
        return attach
                .thenCompose(c -> s.applyCoalescing(InterruptCoalescing.OFF, Set.of()))
                .thenCompose(r -> s.run(spec))
                .thenCompose(r -> s.applyCoalescing(new InterruptCoalescing(7, 2), Set.of()))
                .thenCompose(r -> s.rerun())
                .thenAccept(r -> {
                    if (w.view("runs") instanceof RunsView runs) {
                        int n = s.runs().size();
                        runs.compare(n - 2, n - 1);
                    }
                });
    }

    private static CompletableFuture<Void> liveBench(WorkbenchSession s, Workbench w, String device) {
        w.layout().move("latency", org.nvmeworkbench.ui.spi.Area.BOTTOM);
        w.layout().move("vectors", org.nvmeworkbench.ui.spi.Area.LEFT);
        w.showView("rings");
        w.showView("latency");
        w.showView("vectors");
        // -Dnvmeworkbench.benchQueues=N tries the same with fewer pairs (1, 4: how a new user starts).
        WorkloadSpec spec = WorkloadSpec.defaults().withRw(ReadWrite.RANDREAD)
                .withQueues(Integer.getInteger("nvmeworkbench.benchQueues", 16)).withIodepth(32)
                .withLimits(3_600_000_000_000L, 0);
        s.simSpeed().set(0);
        CompletableFuture<?> attach = s.isAttached() ? CompletableFuture.completedFuture(null) : s.attach(device);
        // Completes when the run has published its first figures (a snapshot then shows live charts); the run
        // goes on until the window closes.
        CompletableFuture<Void> live = new CompletableFuture<>();
        s.runSoFar().addListener((o, a, b) -> {
            if (b != null) {
                live.complete(null);
            }
        });
        return attach.thenCompose(c -> {
            s.run(spec);
            // Views moved between areas come to the front once the window has laid them out.
            w.showView("vectors");
            w.showView("latency");
            return live;
        });
    }
}
