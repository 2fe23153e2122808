package org.nvmeworkbench.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Space pauses the Lab at once, at the slowest speed too: no further event, device time stands still. */
@ExtendWith(ApplicationExtension.class)
class LabPauseTest {
    private LabSession lab;
    private LabPlayerView view;

    @Start
    void start(Stage stage) {
        lab = new LabSession();
        view = new LabPlayerView(lab);
        LabViewOnStage.show(stage, view);
    }

    @AfterEach
    void stop() throws Exception {
        LabViewOnStage.close(view, lab);
    }

    @Test
    void pauseStopsTheNextEventWithinAFrame(FxRobot robot) throws Exception {
        ScenarioRunner r = WaitForAsyncUtils.asyncFx(() -> lab.load(
                ScenarioLibrary.shipped("one-command-journey").withSpeed(1e-4))).get(10, TimeUnit.SECONDS);
        robot.interact(lab::play);
        // Under way: the workload has started and Lab events come (1 us of device time per 10 ms).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> r.live() != null && r.journeys().lastEvent() != null);
        Thread.sleep(300);

        long pressedAt = System.nanoTime();
        robot.type(KeyCode.SPACE);
        long afterKey = System.nanoTime();
        Thread.sleep(50); // a frame and more: the simulator notices within its few-ms pacing sleep
        LabEvent atPause = r.journeys().lastEvent();
        long deviceAtPause = r.simulator().nanoTime();
        Thread.sleep(1500); // at 1e-4, 15 us of device time: a read's worth of events, had it gone on
        assertThat(r.journeys().lastEvent()).as("no Lab event after the pause").isSameAs(atPause);
        assertThat(r.simulator().nanoTime()).as("device time after the pause").isEqualTo(deviceAtPause);
        assertThat(lab.isPaused()).isTrue();
        assertThat((afterKey - pressedAt) / 1e6).as("ms for the key press to be handled").isLessThan(1000);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> view.model().state().get().startsWith("Paused"));

        // Space again resumes: events come again.
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> r.journeys().lastEvent() != atPause);
    }
}
