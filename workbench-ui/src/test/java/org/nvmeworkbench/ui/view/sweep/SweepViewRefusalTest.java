package org.nvmeworkbench.ui.view.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.launcher.WindowSnapshot;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sweep view attached to a QEMU-like device (Feature 08h not changeable): Start shows the one sentence
 * in the view, no stack trace, and the device stays attached. With {@code -Dsnapshot.dir=DIR} it writes
 * sweep-refused.png there.
 */
@ExtendWith(ApplicationExtension.class)
class SweepViewRefusalTest {
    private WorkbenchSession session;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session = new WorkbenchSession(new DeviceCatalog(List.of(new SweepOnAttachedDeviceTest.OnceOpened(true))),
                new CurrentThreadTaskExecutor(), null);
        session.draftSpec().set(WorkloadSpec.defaults().withQueues(1));
        session.attach("vfio:0000:00:04.0").join();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(new SweepView(session, null).node()), 1100, 600));
        stage.show();
    }

    @Test
    void startOnADeviceThatRefuses08hShowsTheSentence(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#sweep-ios").queryAs(TextField.class).setText("2000"));
        robot.clickOn("#sweep-start");
        WaitForAsyncUtils.waitForFxEvents();
        Label outcome = robot.lookup("#sweep-outcome").queryAs(Label.class);
        assertThat(outcome.isVisible()).isTrue();
        assertThat(outcome.getText()).isEqualTo("vfio:0000:00:04.0 refuses Set Features 08h (Feature Not Changeable), so every "
                + "point would run at the device's own setting: nothing to sweep.");
        assertThat(session.isAttached()).isTrue();
        assertThat(session.runs()).isEmpty();
        String dir = System.getProperty("snapshot.dir");
        if (dir != null && !dir.isBlank()) {
            WaitForAsyncUtils.asyncFx(() -> {
                WindowSnapshot.write(stage.getScene(), Path.of(dir, "sweep-refused.png"));
                return null;
            }).get(30, TimeUnit.SECONDS);
        }
    }
}
