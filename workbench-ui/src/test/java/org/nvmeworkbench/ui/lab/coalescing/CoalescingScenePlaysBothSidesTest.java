package org.nvmeworkbench.ui.lab.coalescing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.lab.LabViewOnStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Coalescing: threshold vs timer" played as a presenter plays it, paced, with the frames the window gives it. */
@ExtendWith(ApplicationExtension.class)
class CoalescingScenePlaysBothSidesTest {
    private LabSession session;
    private CoalescingSceneView view;

    @Start
    void start(Stage stage) {
        session = new LabSession();
        view = new CoalescingSceneView(session);
        LabViewOnStage.show(stage, view);
    }

    @AfterEach
    void stop() throws Exception {
        LabViewOnStage.close(view, session);
    }

    @Test
    void thresholdVsTimerFinishesBothSides(FxRobot robot) throws Exception {
        // At the scenario's own slow motion (1 us per 10 ms), where the off side used to stand still.
        WaitForAsyncUtils.asyncFx(() -> {
            session.load(ScenarioLibrary.shipped("coalescing-threshold-vs-timer").withSpeed(Double.parseDouble(System.getProperty("lab.speed", "1e-4"))));
            session.play();
        }).get(10, TimeUnit.SECONDS);
        long end = System.currentTimeMillis() + 120_000;
        while (!view.model().finished() && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(view.model().finished()).as("both sides finished").isTrue();
        robot.interact(view::frame);
        robot.interact(() -> { });
        assertThat(view.model().off().toString()).doesNotContain("no interrupt");
        assertThat(view.model().twin().coalescing().causeCounts().values().stream().mapToLong(Long::longValue).sum())
                .as("interrupts on the coalescing-off side").isPositive();
        assertThat(view.model().status()).isEqualTo("Both runs finished.");
    }
}
