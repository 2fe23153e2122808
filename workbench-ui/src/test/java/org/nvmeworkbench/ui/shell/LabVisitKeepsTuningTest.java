package org.nvmeworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.lab.LabPlayerViewModel;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.view.latency.LatencyView;
import org.nvmeworkbench.ui.view.rings.QueueRingsView;
import org.nvmeworkbench.ui.view.runs.RunsView;
import org.nvmeworkbench.ui.view.sweep.SweepView;
import org.nvmeworkbench.ui.view.sweep.SweepViewModel;
import org.nvmeworkbench.ui.view.vectors.VectorRow;
import org.nvmeworkbench.ui.view.vectors.VectorsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #11: a visit to the Lab perspective, with a scenario loaded and played there, leaves the Tuning
 * perspective as it was: the attached device, the runs and their selection, the sweep's result and
 * recommendation, the proposal in the Coalescing editor, the rings and vectors, and the tab in front.
 */
@ExtendWith(ApplicationExtension.class)
class LabVisitKeepsTuningTest {
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
    void tuningIsAsItWasAfterALabScenario(FxRobot robot) throws Exception {
        var session = assembly.session();
        Workbench w = assembly.workbench();
        WaitForAsyncUtils.asyncFx(() -> session.attach("sim:tlc")).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);

        // Two short runs (--ios 5000), unpaced.
        WorkloadSpec spec = WorkloadSpec.defaults().withQueues(2).withIodepth(16).withLimits(0, 5_000);
        for (int i = 0; i < 2; i++) {
            AtomicReference<CompletableFuture<RunRecord>> run = new AtomicReference<>();
            robot.interact(() -> {
                session.simSpeed().set(0);
                run.set(session.run(spec));
            });
            run.get().get(60, TimeUnit.SECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();

        RunsView runsView = (RunsView) w.view("runs");
        robot.interact(() -> runsView.select(0)); // the older run: not what "the newest" would give back

        // A sweep of two points, and its recommendation proposed in the Coalescing editor.
        SweepViewModel sweep = ((SweepView) w.view("sweep")).viewModel();
        AtomicReference<CompletableFuture<SweepResult>> swept = new AtomicReference<>();
        robot.interact(() -> {
            sweep.thresholds().set("0,7");
            sweep.times().set("2");
            sweep.iodepths().set("16");
            sweep.iosPerPoint().set("5000");
            sweep.target().set("10ms");
            swept.set(sweep.start());
        });
        SweepResult result = swept.get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.points()).hasSize(2);
        AtomicReference<Boolean> proposed = new AtomicReference<>();
        robot.interact(() -> proposed.set(sweep.propose()));
        assertThat(proposed.get()).as("the sweep has a setting to propose").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        select(robot, "#area-center", "tab-sweep");

        // What the Tuning perspective shows now.
        String device = session.device().get();
        NvmeController controller = session.controller().get();
        List<RunRecord> runs = List.copyOf(session.runs());
        List<RunRecord> selected = runsView.selectedRuns();
        String recommendation = text(robot, "#sweep-recommendation");
        String thr = robot.lookup("#coalescing-thr").queryAs(TextField.class).getText();
        String time = robot.lookup("#coalescing-time").queryAs(TextField.class).getText();
        String suggestion = text(robot, "#coalescing-suggestion");
        TelemetrySnapshot rings = ((QueueRingsView) w.view("rings")).shown();
        List<String> vectors = vectors((VectorsView) w.view("vectors"));
        String latency = ((LatencyView) w.view("latency")).model().caption().get();
        assertThat(selected).hasSize(1);
        assertThat(recommendation).startsWith("Recommended:");
        assertThat(suggestion).startsWith("Suggested:");
        assertThat(rings).as("the rings show the controller at rest").isNotNull();
        assertThat(vectors).isNotEmpty();

        // To the Lab: load a scenario there and play it until something happened.
        robot.interact(() -> w.layout().select("lab"));
        ComboBox<LabPlayerViewModel.Choice> picker = robot.lookup("#lab-scenario").queryComboBox();
        robot.interact(() -> picker.getItems().stream().filter(c -> c.name().equals("coalescing-threshold-vs-timer"))
                .findFirst().ifPresent(c -> picker.getSelectionModel().select(c)));
        LabSession lab = assembly.lab();
        assertThat(lab.runner().get()).as("picking a scenario loads it").isNotNull();
        robot.interact(() -> {
            lab.speed().set(1.0);
            lab.play();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lab.runner().get().journeys().lastEvent() != null);

        // And back.
        robot.interact(() -> w.layout().select("tuning"));
        WaitForAsyncUtils.waitForFxEvents();

        // Softly, so a regression names everything the visit lost, not only the first.
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(session.device().get()).isEqualTo(device);
            soft.assertThat(session.controller().get()).as("the same controller, still attached").isSameAs(controller);
            soft.assertThat(session.runs()).containsExactlyElementsOf(runs);
            soft.assertThat(((RunsView) w.view("runs")).selectedRuns()).as("the selection in Runs").isEqualTo(selected);
            SweepViewModel sweepAfter = ((SweepView) w.view("sweep")).viewModel();
            soft.assertThat(sweepAfter.result().get()).as("the sweep's result").isSameAs(result);
            soft.assertThat(text(robot, "#sweep-recommendation")).isEqualTo(recommendation);
            soft.assertThat(robot.lookup("#coalescing-thr").queryAs(TextField.class).getText()).isEqualTo(thr);
            soft.assertThat(robot.lookup("#coalescing-time").queryAs(TextField.class).getText()).isEqualTo(time);
            soft.assertThat(text(robot, "#coalescing-suggestion")).as("the proposal").isEqualTo(suggestion);
            soft.assertThat(((QueueRingsView) w.view("rings")).shown()).as("the rings").isSameAs(rings);
            soft.assertThat(((LatencyView) w.view("latency")).model().caption().get()).as("the runs the Latency view draws").isEqualTo(latency);
            soft.assertThat(vectors((VectorsView) w.view("vectors"))).as("the vectors and their rate history").isEqualTo(vectors);
            TabPane center = robot.lookup("#area-center").queryAs(TabPane.class);
            soft.assertThat(center.getSelectionModel().getSelectedItem().getId()).as("the tab in front").isEqualTo("tab-sweep");
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    /** Each vector's row as text, rate history included, so a rebuilt table (history lost) differs. */
    private static List<String> vectors(VectorsView v) {
        return v.model().rows().stream().map(LabVisitKeepsTuningTest::row).toList();
    }

    private static String row(VectorRow r) {
        StringBuilder b = new StringBuilder("IV " + r.iv() + " count " + r.count().get() + " history");
        for (int i = 0; i < r.historySize(); i++) {
            b.append(' ').append(r.historyAt(i));
        }
        return b.toString();
    }

    private static void select(FxRobot robot, String area, String tabId) {
        TabPane pane = robot.lookup(area).queryAs(TabPane.class);
        robot.interact(() -> {
            for (Tab t : pane.getTabs()) {
                if (tabId.equals(t.getId())) {
                    pane.getSelectionModel().select(t);
                }
            }
        });
    }
}
