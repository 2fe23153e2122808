package org.nvmeworkbench.ui.lab.coalescing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.lab.Gathering;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.lab.TripCause;
import org.nvmeworkbench.ui.lab.LabSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The coalescing scene in a real stage: step "coalescing threshold vs timer" event by event and check that
 * what is drawn (tokens, timer text, trip label, counts) is the runner's scene at that event. With
 * {@code -Dlab.snapshots=DIR} it also writes coalescing-*.png there, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class CoalescingSceneViewFxTest {
    private LabSession session;
    private CoalescingSceneView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        session = new LabSession();
        view = new CoalescingSceneView(session, Runnable::run);
        scene = new Scene((Parent) view.node(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.close();
            session.unload();
        }).get(30, TimeUnit.SECONDS);
    }

    private ScenarioRunner loadPaused() throws Exception {
        ScenarioRunner r = WaitForAsyncUtils.asyncFx(() -> session.load(CoalescingSceneViewModelTest.thresholdVsTimer()))
                .get(10, TimeUnit.SECONDS);
        r.pause();
        r.start();
        return r;
    }

    private LaneNode lane(FxRobot robot, String side, int vector) {
        return robot.lookup("#coalescing-" + side + "-lane-" + vector).queryAs(LaneNode.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static String text(FxRobot robot, LaneNode lane, String styleClass) {
        return robot.from(lane).lookup("." + styleClass).queryAs(Label.class).getText();
    }

    @Test
    void drawnLaneIsTheScenesGatheringAtEachStep(FxRobot robot) throws Exception {
        ScenarioRunner r = loadPaused();
        CoalescingSceneViewModelTest.stepUntil(r, e -> e.kind() == LabEvent.Kind.CONTROLLER_WRITES_CQE
                && r.coalescing().gathering(1) != null && r.coalescing().gathering(1).pending() == 3);
        robot.interact(session::frame);

        Gathering g = r.coalescing().gathering(1);
        LaneNode lane = lane(robot, "on", 1);
        assertThat(robot.from(lane).lookup(".coalescing-token").queryAll()).hasSize(g.pending()).hasSize(3);
        assertThat(text(robot, lane, "lane-gathered")).isEqualTo("3 / 4 completions");
        long elapsed = r.simulator().nanoTime() - g.timerArmedAt();
        assertThat(text(robot, lane, "lane-timer-text")).isEqualTo("timer " + VectorLane.micros(elapsed) + " / 1000 us");
        assertThat(lane.timerFraction()).isEqualTo(elapsed / 1e6);
        assertThat(text(robot, lane, "lane-trip")).isEqualTo("no interrupt yet");

        CoalescingSceneViewModelTest.stepUntil(r, e -> e.kind() == LabEvent.Kind.INTERRUPT_RAISED);
        robot.interact(session::frame);

        assertThat(robot.from(lane).lookup(".coalescing-token").queryAll()).isEmpty();
        assertThat(text(robot, lane, "lane-trip")).isEqualTo("INTERRUPT carried 4: threshold reached");
        assertThat(robot.from(lane).lookup(".history-threshold").queryAll()).hasSize(1);
        assertThat(robot.lookup("#coalescing-on-causes").queryAs(Label.class).getText())
                .isEqualTo("interrupts by cause:  threshold " + r.coalescing().causeCounts().get(TripCause.THRESHOLD));
        ScenarioRunner twin = view.model().twin();
        assertThat(robot.lookup("#coalescing-off-time").queryAs(Label.class).getText())
                .isEqualTo("t = " + VectorLane.micros(twin.simulator().nanoTime()) + " us");
        assertThat(robot.lookup("#coalescing-off-causes").queryAs(Label.class).getText())
                .contains("at once (off) " + twin.coalescing().causeCounts().get(TripCause.COALESCING_OFF));
        snapshot("coalescing-threshold.png");
    }

    @Test
    void timerTripIsDrawnInTheRerun(FxRobot robot) throws Exception {
        ScenarioRunner r = loadPaused();
        // The rerun (THR 31, TIME 1): 32 completions never gather at iodepth 8, the 100 us timer runs.
        CoalescingSceneViewModelTest.stepUntil(r, e -> {
            Gathering g = r.coalescing().gathering(1);
            return g != null && g.threshold() == 32 && g.timerArmedAt() >= 0
                    && r.simulator().nanoTime() - g.timerArmedAt() > 40_000;
        });
        robot.interact(session::frame);
        LaneNode lane = lane(robot, "on", 1);
        assertThat(robot.from(lane).lookup(".coalescing-token").queryAll()).hasSize(r.coalescing().gathering(1).pending());
        assertThat(text(robot, lane, "lane-gathered")).endsWith(" / 32 completions");
        assertThat(text(robot, lane, "lane-timer-text")).endsWith(" / 100 us");
        snapshot("coalescing-timer-running.png");

        CoalescingSceneViewModelTest.stepUntil(r, e -> e.kind() == LabEvent.Kind.INTERRUPT_RAISED);
        robot.interact(session::frame);
        assertThat(text(robot, lane, "lane-trip")).startsWith("INTERRUPT carried ").endsWith(": timer ran out");
        assertThat(robot.lookup("#coalescing-on-causes").queryAs(Label.class).getText())
                .contains("timer " + r.coalescing().causeCounts().get(TripCause.TIMER));
        snapshot("coalescing-timer.png");
    }

    @Test
    void figuresOfBothSidesAreDrawnWhenTheRunsFinish(FxRobot robot) throws Exception {
        ScenarioRunner r = WaitForAsyncUtils.asyncFx(() -> session.load(CoalescingSceneViewModelTest.thresholdVsTimer()))
                .get(10, TimeUnit.SECONDS);
        r.start();
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> {
            robot.interact(session::frame);
            return view.model().finished();
        });
        robot.interact(session::frame);

        CoalescingFigures f = view.model().figures();
        for (int i = 0; i < f.on().size(); i++) {
            CoalescingFigures.Row row = f.on().get(i);
            assertThat(text(robot, "coalescing-on-figure-" + i + "-run")).isEqualTo(row.run());
            assertThat(text(robot, "coalescing-on-figure-" + i + "-cpi")).isEqualTo(row.completionsPerInterruptText());
            assertThat(text(robot, "coalescing-on-figure-" + i + "-rate")).isEqualTo(row.interruptsPerSecondText());
            assertThat(text(robot, "coalescing-on-figure-" + i + "-p99")).isEqualTo(row.p99Text());
        }
        assertThat(text(robot, "coalescing-on-figure-0-cpi")).isEqualTo("4.0");
        assertThat(text(robot, "coalescing-off-figure-0-cpi")).isEqualTo(f.off().completionsPerInterruptText()).isEqualTo("1.0");
        assertThat(text(robot, "coalescing-off-figure-0-rate")).isEqualTo(f.off().interruptsPerSecondText());
        assertThat(text(robot, "coalescing-status")).isEqualTo("Both runs finished.");
        snapshot("coalescing-finished.png");
    }

    /** Writes the scene to {@code -Dlab.snapshots} (a directory), when set. */
    private void snapshot(String name) throws Exception {
        String dir = System.getProperty("lab.snapshots");
        if (dir == null) {
            return;
        }
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of(dir).resolve(name);
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        } catch (IOException e) {
            throw new IOException("The snapshot " + out + " could not be written: " + e.getMessage(), e);
        }
    }
}
