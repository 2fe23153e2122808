package org.nvmeworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.view.latency.LatencyView;
import org.nvmeworkbench.ui.view.runs.ComparisonTable;
import org.nvmeworkbench.ui.view.runs.RunComparison;
import org.nvmeworkbench.ui.view.runs.RunsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main tuning scenario through the real window on the simulator: attach, run, watch rings and
 * vectors move, set THR/TIME in the Coalescing view, apply and rerun, compare the two runs.
 */
@ExtendWith(ApplicationExtension.class)
class TuningScenarioTest {
    @TempDir
    static Path home;

    private WorkbenchAssembly assembly;

    @Start
    void start(Stage stage) {
        assembly = WorkbenchOnStage.show(stage, home);
    }

    @AfterEach
    void stop() throws Exception {
        WorkbenchOnStage.close(assembly);
    }

    @Test
    void coalescingCutsInterruptsPerCompletionBetweenTwoRuns(FxRobot robot) throws Exception {
        var session = assembly.session();
        AtomicLong ringsSeen = new AtomicLong();
        AtomicLong maxVectorCount = new AtomicLong();
        WaitForAsyncUtils.asyncFx(() -> session.subscribe(s -> {
            for (QueueRingSnapshot q : s.queues()) {
                if (q.inFlight() > 0) {
                    ringsSeen.incrementAndGet();
                }
            }
            for (VectorSnapshot v : s.vectors()) {
                if (v.iv() > 0) {
                    maxVectorCount.accumulateAndGet(v.count(), Math::max);
                }
            }
        })).get(10, TimeUnit.SECONDS);

        robot.clickOn("#attach-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.isAttached());

        // Paced at the wall clock so the 15 Hz sampler sees the run in flight.
        WorkloadSpec spec = WorkloadSpec.defaults().withQueues(1).withIodepth(32).withLimits(400_000_000L, 0);
        AtomicReference<CompletableFuture<RunRecord>> first = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            session.simSpeed().set(1.0);
            first.set(session.run(spec));
        }).get(10, TimeUnit.SECONDS);
        RunRecord a = first.get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ringsSeen.get()).as("ring snapshots with commands in flight").isPositive();
        assertThat(maxVectorCount.get()).as("interrupts counted on an I/O vector").isPositive();

        TextField thr = robot.lookup("#coalescing-thr").queryAs(TextField.class);
        TextField time = robot.lookup("#coalescing-time").queryAs(TextField.class);
        robot.interact(() -> {
            thr.setText("7");
            time.setText("2");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#coalescing-meaning").queryLabeled().getText().contains("signal after 8 completions"));
        int before = session.runs().size();
        robot.clickOn("#coalescing-apply-rerun");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.runs().size() == before + 1);
        RunRecord b = session.runs().get(session.runs().size() - 1);

        assertThat(b.features().interruptCoalescing().threshold()).isEqualTo(7);
        assertThat(RunComparison.interruptsPerCompletion(b))
                .isLessThan(RunComparison.interruptsPerCompletion(a));

        RunsView runs = (RunsView) assembly.workbench().view("runs");
        robot.interact(() -> runs.compare(session.runs().size() - 2, session.runs().size() - 1));
        // The grid shows the coalescing that differs and the drop in interrupts per completion, marked better.
        ComparisonTable compared = runs.comparison();
        assertThat(compared.settings()).extracting(ComparisonTable.Row::name).contains("coalescing (read back)");
        ComparisonTable.Row perCompletion = compared.figure("interrupts / completion");
        assertThat(perCompletion.cell(0).value())
                .isEqualTo(String.format("%.3f", RunComparison.interruptsPerCompletion(a)));
        assertThat(perCompletion.cell(1).value())
                .isEqualTo(String.format("%.3f", RunComparison.interruptsPerCompletion(b)));
        assertThat(perCompletion.cell(1).verdict()).isEqualTo(ComparisonTable.Verdict.BETTER);
        // The Latency charts follow the selection: the two runs, in the order they were selected.
        LatencyView latency = (LatencyView) assembly.workbench().view("latency");
        assertThat(latency.model().shown().get().runs()).containsExactly(a, b);
        assertThat(latency.model().caption().get())
                .startsWith("2 runs selected in Runs, overlaid in the order selected");
        ScrollPane grid = robot.lookup("#runs-comparison").queryAs(ScrollPane.class);
        assertThat(robot.from(grid).lookup((Node n) -> n instanceof Label l
                && l.getText().equals(perCompletion.cell(1).note())).tryQuery()).isPresent();

        // File > Export through the toolbar button: the two selected runs, compared, as HTML.
        robot.clickOn((javafx.scene.Node n) -> "tool-file.export".equals(n.getId()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> assembly.workbench().exportDialog() != null);
        Path report = home.resolve("compared.html");
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(report.toString()));
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(report));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#export-outcome").queryLabeled().getText().startsWith("Wrote the html report of 2 runs"));
        assertThat(java.nio.file.Files.readString(report))
                .contains(org.nvmeworkbench.core.report.Figures.latency(b.latency().valueAtPercentile(99)));
        robot.clickOn("#export-close");
    }
}
