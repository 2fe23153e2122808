package org.nvmeworkbench.ui.lab.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
import org.nvmeworkbench.core.lab.InterruptModeComparison;
import org.nvmeworkbench.core.lab.InterruptModeComparison.ModeFigures;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.ui.lab.LabSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The interrupt modes view in a real stage on "why MSI-X" (400 I/Os): the three columns drawn are the
 * comparison's runs, and the live table is the loaded runner's MSI-X table at the event it stopped at.
 * With {@code -Dlab.snapshots=DIR} it also writes modes.png there.
 */
@ExtendWith(ApplicationExtension.class)
class InterruptModesViewFxTest {
    private LabSession session;
    private InterruptModesView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        session = new LabSession();
        view = new InterruptModesView(session, Runnable::run);
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

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void drawnColumnsAndLiveTableAreTheRunsFigures(FxRobot robot) throws Exception {
        ScenarioPlan plan = InterruptModesViewModelTest.whyMsix();
        ScenarioRunner r = WaitForAsyncUtils.asyncFx(() -> session.load(plan)).get(10, TimeUnit.SECONDS);
        List<ModeFigures> expected = InterruptModeComparison.run(plan);
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> !view.model().columns().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        for (ModeFigures m : expected) {
            String id = "modes-" + m.mode().name().toLowerCase(Locale.ROOT);
            assertThat(text(robot, id + "-interrupts")).isEqualTo(String.format(Locale.ROOT, "%,d", m.interrupts()));
            assertThat(text(robot, id + "-per-second")).isEqualTo(String.format(Locale.ROOT, "%,.0f /s", m.interruptsPerSecond()));
            assertThat(text(robot, id + "-cpi")).isEqualTo(String.format(Locale.ROOT, "%.1f", m.completionsPerInterrupt()));
            assertThat(text(robot, id + "-duties")).isEqualTo(m.hostDuties());
            // The measured host work on screen is the driver's own count for that run.
            assertThat(text(robot, id + "-taken")).isEqualTo(String.format(Locale.ROOT, "%,d", m.hostWork().interrupts()));
            assertThat(text(robot, id + "-cqs")).isEqualTo(String.format(Locale.ROOT, "%.1f", m.hostWork().cqsExaminedPerInterrupt()));
            assertThat(text(robot, id + "-empty"))
                    .isEqualTo(String.format(Locale.ROOT, "%.1f empty", m.hostWork().emptyExaminationsPerInterrupt()));
            assertThat(text(robot, id + "-mask-writes"))
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", m.hostWork().maskWritesPerInterrupt()));
            assertThat(text(robot, id + "-doorbells"))
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", m.hostWork().cqHeadDoorbellsPerInterrupt()));
        }
        assertThat(text(robot, "modes-pin-vectors")).isEqualTo("1 line (INTx)");
        assertThat(text(robot, "modes-msix-vectors")).isEqualTo("4 (IV 1-4)");
        assertThat(text(robot, "modes-pin-cqs")).as("pin-based examines all 4 queues").isEqualTo("4.0");
        assertThat(text(robot, "modes-msix-mask-writes")).isEqualTo("0.0");

        r.pause();
        r.start();
        for (int i = 0; i < 300 && r.simulator().interruptCount(2) == 0; i++) {
            r.gate().awaitParked(5000);
            r.step();
        }
        r.gate().awaitParked(5000);
        robot.interact(session::frame);

        assertThat(text(robot, "modes-live-title")).startsWith("Live MSI-X table: 5 entries");
        for (int v = 0; v < r.simulator().vectorCount(); v++) {
            assertThat(text(robot, "modes-live-" + v + "-count"))
                    .isEqualTo(String.format(Locale.ROOT, "%,d", r.simulator().interruptCount(v)));
            assertThat(text(robot, "modes-live-" + v + "-masked")).isEqualTo(r.simulator().isMasked(v) ? "MASKED" : "no");
            assertThat(text(robot, "modes-live-" + v + "-pending")).isEqualTo(r.simulator().isPending(v) ? "PENDING" : "no");
        }
        assertThat(r.simulator().interruptCount(2)).isPositive();
        snapshot("modes.png");
    }

    private void snapshot(String name) throws Exception {
        String dir = System.getProperty("lab.snapshots");
        if (dir == null) {
            return;
        }
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of(dir).resolve(name);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
    }
}
