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

    private Scenario() {
    }

    /**
     * tuning-demo: attach {@code device}, run randread with coalescing off, set THR 7 / TIME 2 (signal after 8
     * completions or 200 us), rerun, and compare the two runs in the Runs view.
     */
    public static CompletableFuture<Void> play(String name, WorkbenchSession s, Workbench w, String device) {
        if (!TUNING_DEMO.equals(name)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Unknown scenario '" + name + "'; use " + TUNING_DEMO + ", a Lab scenario ("
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
}
