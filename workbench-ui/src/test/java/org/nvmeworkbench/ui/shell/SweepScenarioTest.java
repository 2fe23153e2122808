package org.nvmeworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.ui.launcher.WindowSnapshot;
import org.nvmeworkbench.ui.view.export.ExportDialog;
import org.nvmeworkbench.ui.view.runs.RunsView;
import org.nvmeworkbench.ui.view.workload.WorkloadView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sweep through the real window on the simulator: attach, run a small grid from the Sweep view, see
 * its runs land in Runs, export one of them as HTML. With {@code -Dsnapshot.dir=DIR} it also writes
 * sweep.png and export.png there (README screenshots without a person).
 */
@ExtendWith(ApplicationExtension.class)
class SweepScenarioTest {
    @TempDir
    static Path home;

    private WorkbenchAssembly assembly;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // As large as the (headless) screen allows, up to the README's 1600 x 1000.
        var screen = javafx.stage.Screen.getPrimary().getBounds();
        assembly = WorkbenchOnStage.show(stage, home, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()),
                a -> { });
    }

    @AfterEach
    void stop() throws Exception {
        WorkbenchOnStage.close(assembly);
    }

    @Test
    void aSweepsRunsLandInRunsAndOneExportsAsHtml(FxRobot robot) throws Exception {
        var session = assembly.session();
        robot.clickOn("#attach-button");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, session::isAttached);

        TabPane center = robot.lookup("#area-center").queryAs(TabPane.class);
        robot.interact(() -> {
            for (Tab t : center.getTabs()) {
                if ("tab-sweep".equals(t.getId())) {
                    center.getSelectionModel().select(t);
                }
            }
        });
        robot.interact(() -> {
            text(robot, "#sweep-thr").setText("0,3,7,15");
            text(robot, "#sweep-time").setText("0,1,2");
            text(robot, "#sweep-iodepth").setText("8");
            text(robot, "#sweep-ios").setText("5000");
            text(robot, "#sweep-target").setText("200us");
        });
        int before = session.runs().size();
        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> session.runs().size() == before + 12 && !session.isRunning());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#sweep-recommendation").queryLabeled().getText().startsWith("Recommended: "));
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(before + 12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.lookupAll(".scroll-bar")).as("every column, Started included, fits without scrolling sideways")
                .noneMatch(n -> n instanceof javafx.scene.control.ScrollBar b
                        && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible());
        robot.clickOn("#sweep-propose");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.proposal().get() != null);
        snapshot(stage.getScene(), "sweep.png");

        // Export the sweep's last run, selected in the Runs view, as HTML.
        RunsView runs = (RunsView) assembly.workbench().view("runs");
        int last = session.runs().size() - 1;
        RunRecord run = session.runs().get(last);
        robot.interact(() -> runs.select(last));
        robot.interact(() -> assembly.workbench().actions().find("file.export").handler().run());
        ExportDialog dialog = assembly.workbench().exportDialog();
        assertThat(dialog.selected()).containsExactly(run);
        Path report = home.resolve("sweep-point.html");
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(report.toString()));
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(report));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#export-outcome").queryLabeled().getText().startsWith("Wrote the html report of 1 run"));
        assertThat(Files.readString(report)).contains(Figures.latency(run.latency().valueAtPercentile(99)));
        snapshot(dialog.root().getScene(), "export.png");
        robot.clickOn("#export-close");
    }

    @Test
    void theDevicesListFollowsADeviceAttachedAnotherWay(FxRobot robot) throws Exception {
        // As --device or a scenario attaches: through the session, not the Devices view's button.
        WaitForAsyncUtils.asyncFx(() -> assembly.session().attach("sim:optane")).get(10, TimeUnit.SECONDS)
                .get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#device-list").queryAs(ListView.class);
        assertThat(((DeviceInfo) list.getSelectionModel().getSelectedItem()).spec()).isEqualTo("sim:optane");
    }

    @Test
    void anImportedJobsWarningsShowInTheWorkloadView(FxRobot robot) throws Exception {
        Path job = home.resolve("tuning.fio");
        Files.writeString(job, "[global]\nioengine=libaio\ndirect=1\n[rand-read]\nrw=randread\nbs=4k\niodepth=16\nruntime=1s\n");
        TabPane right = robot.lookup("#area-right").queryAs(TabPane.class);
        robot.interact(() -> {
            for (Tab t : right.getTabs()) {
                if ("tab-workload".equals(t.getId())) {
                    right.getSelectionModel().select(t);
                }
            }
            ((WorkloadView) assembly.workbench().view("workload")).viewModel().importJob(job);
        });
        assertThat(robot.lookup("#workload-imported").queryLabeled().getText()).isEqualTo("Imported job 'rand-read' from tuning.fio.");
        assertThat(robot.lookup("#workload-import-warnings").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#workload-import-warnings").queryLabeled().getText()).contains("ioengine");
        assertThat(robot.lookup("#workload-iodepth").queryAs(TextField.class).getText()).isEqualTo("16");
        snapshot(stage.getScene(), "workload.png");

        Files.writeString(job, "[rand-read]\nrw=sideways\n");
        robot.interact(() -> ((WorkloadView) assembly.workbench().view("workload")).viewModel().importJob(job));
        assertThat(robot.lookup("#workload-import-problem").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#workload-import-problem").queryLabeled().getText()).contains("line 2");
    }

    private static TextField text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    /** Writes the scene to {@code -Dsnapshot.dir}/name when the property is set. */
    private static void snapshot(Scene scene, String name) throws Exception {
        String dir = System.getProperty("snapshot.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.asyncFx(() -> {
            WindowSnapshot.write(scene, Path.of(dir, name));
            return null;
        }).get(30, TimeUnit.SECONDS);
    }
}
