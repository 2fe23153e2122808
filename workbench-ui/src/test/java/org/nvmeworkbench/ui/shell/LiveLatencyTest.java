package org.nvmeworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.stage.Stage;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.view.latency.LatencyView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Latency view draws the run while it goes, and the finished run when it ends. */
@ExtendWith(ApplicationExtension.class)
class LiveLatencyTest {
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

    private static int points(LatencyView v) {
        XYPlot plot = (XYPlot) v.chartOnShow().getPlot();
        return plot.getDataset().getItemCount(0);
    }

    @Test
    void latencyViewShowsTheRunWhileItIsUnderWay(FxRobot robot) throws Exception {
        var session = assembly.session();
        robot.clickOn("#attach-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, session::isAttached);
        LatencyView latency = (LatencyView) assembly.workbench().view("latency");
        robot.interact(() -> assembly.workbench().showView("latency"));

        // Paced at the wall clock: 3 s of device time take 3 s, so the window samples it many times.
        WorkloadSpec spec = WorkloadSpec.defaults().withQueues(4).withIodepth(32).withLimits(3_000_000_000L, 0);
        AtomicReference<CompletableFuture<RunRecord>> run = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            session.simSpeed().set(1.0);
            run.set(session.run(spec));
        }).get(10, TimeUnit.SECONDS);

        List<Long> countsSeen = new ArrayList<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            if (run.get().isDone()) {
                return true;
            }
            var shown = latency.model().shown().get();
            if (latency.model().showsLiveRun() && shown != null) {
                long n = shown.runs().get(0).latency().count();
                if (countsSeen.isEmpty() || countsSeen.get(countsSeen.size() - 1) != n) {
                    countsSeen.add(n);
                }
            }
            return countsSeen.size() >= 3;
        });
        assertThat(run.get().isDone()).as("the run was still going when the view had grown three times").isFalse();
        assertThat(countsSeen).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(countsSeen.get(0)).isPositive();
        assertThat(latency.model().caption().get()).contains("under way");
        assertThat(latency.chartOnShow()).isNotNull();
        assertThat(points(latency)).as("points of the live percentile spectrum").isPositive();

        RunRecord done = run.get().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(latency.model().showsLiveRun()).isFalse();
        assertThat(latency.model().shown().get().runs()).containsExactly(done);
        assertThat(countsSeen.get(countsSeen.size() - 1)).isLessThanOrEqualTo(done.latency().count());
    }
}
