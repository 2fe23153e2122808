package org.nvmeworkbench.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.lab.JourneyStep;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.ui.shell.WorkbenchAssembly;
import org.nvmeworkbench.ui.shell.WorkbenchOnStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Lab perspective through the real window: play "one command's journey", pause with space, then step
 * event by event with the right arrow and check after each step that the command path shows the
 * simulator's state: the station lit, the rings' heads, tails and slots.
 */
@ExtendWith(ApplicationExtension.class)
class LabPerspectiveTest {
    @TempDir
    static Path home;

    private WorkbenchAssembly assembly;

    @Start
    void start(Stage stage) {
        assembly = WorkbenchOnStage.show(stage, home, 1280, 800, a -> a.layout().select("lab"));
    }

    @AfterEach
    void stop() throws Exception {
        WorkbenchOnStage.close(assembly);
    }

    @Test
    void steppingShowsTheSimulatorsRingsAndStations(FxRobot robot) throws Exception {
        LabSession lab = assembly.lab();
        CommandPathView path = (CommandPathView) assembly.workbench().view(LabViews.PATH);
        assertThat(path).as("the Lab perspective shows the command path").isNotNull();
        assertThat(assembly.workbench().view(LabViews.PLAYER)).isNotNull();
        // As a user would: pick the scenario, then slow it down on the speed slider.
        ComboBox<LabPlayerViewModel.Choice> picker = robot.lookup("#lab-scenario").queryComboBox();
        Slider speed = robot.lookup("#lab-speed").queryAs(Slider.class);
        robot.interact(() -> {
            picker.getItems().stream().filter(c -> c.name().equals("one-command-journey")).findFirst()
                    .ifPresent(c -> picker.getSelectionModel().select(c));
            speed.setValue(-4); // 1 us per 10 ms: slow enough that space can pause it mid-run
        });
        ScenarioRunner r = lab.runner().get();
        assertThat(r).as("picking a scenario loads it").isNotNull();
        assertThat(r.plan().name()).isEqualTo("one-command-journey");
        assertThat(r.speed()).isEqualTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(robot.lookup("#lab-speed-words").queryAs(Label.class).getText()).isEqualTo("1 us per 10 ms (10,000x slower)");
        SimulatedController sim = r.simulator();

        // A focused button must not take space as its own press too: Step would pause what space plays.
        robot.interact(() -> robot.lookup("#lab-step").query().requestFocus());
        robot.type(KeyCode.SPACE);
        assertThat(lab.phase().get()).isEqualTo(LabSession.Phase.PLAYING);
        assertThat(lab.isPaused()).as("space plays, once").isFalse();
        robot.type(KeyCode.SPACE);
        assertThat(lab.isPaused()).as("space pauses").isTrue();
        // Paused at once, between events; the right arrow goes on to the next one and stops there.
        robot.type(KeyCode.RIGHT);
        LabEvent e = r.gate().awaitParked(10_000);
        assertThat(e).as("the run stops at a Lab event").isNotNull();
        long finishedBefore = r.journeys().finishedCount();
        robot.interact(() -> lab.speed().set(1.0)); // between events, stepping need not wait in slow motion

        int prevSqTail = sim.sqTail(1);
        int prevCqHead = sim.cqHead(1);
        int checked = 0;
        for (int i = 0; i < 24; i++) {
            robot.interact(lab::frame);
            CommandPathViewModel vm = path.model();
            RingPicture sq = vm.sq().get();
            RingPicture cq = vm.cq().get();
            assertThat(sq.tail()).isEqualTo(sim.sqTail(1));
            assertThat(sq.head()).isEqualTo(sim.sqHead(1));
            assertThat(cq.tail()).isEqualTo(sim.cqTail(1));
            assertThat(cq.head()).isEqualTo(sim.cqHead(1));
            assertThat(robot.lookup("#lab-sq-caption").queryAs(Label.class).getText()).isEqualTo(sq.describe());
            assertThat(robot.lookup("#lab-cq-caption").queryAs(Label.class).getText()).isEqualTo(cq.describe());
            if (e.step() != null) {
                assertThat(vm.station(e.step()).justNow()).as("station of %s", e.kind()).isTrue();
            }
            switch (e.kind()) {
                case SQ_TAIL_DOORBELL: {
                    assertThat(sim.sqTail(1)).as("the doorbell moved the tail")
                            .isEqualTo((prevSqTail + (int) e.value()) % sq.size());
                    RingPicture.Slot s = sq.slot(Math.floorMod(sq.tail() - 1, sq.size()));
                    assertThat(s.content()).as("the slot before the tail holds an SQE to fetch")
                            .isEqualTo(RingPicture.Content.FILLED);
                    assertThat(s.cid()).isEqualTo(sim.sqEntryCommandId(1, s.index()));
                    checked++;
                    break;
                }
                case HOST_WRITES_SQE: {
                    RingPicture.Slot s = sq.slot(Math.floorMod((int) e.value() - 1, sq.size()));
                    assertThat(s.content()).isEqualTo(RingPicture.Content.WRITTEN);
                    assertThat(s.cid()).isEqualTo(e.cid());
                    assertThat(sim.sqTail(1)).as("not the device's yet").isEqualTo(prevSqTail);
                    checked++;
                    break;
                }
                case CONTROLLER_WRITES_CQE: {
                    RingPicture.Slot s = cq.slot(Math.floorMod(cq.tail() - 1, cq.size()));
                    assertThat(s.content()).isEqualTo(RingPicture.Content.FILLED);
                    assertThat(s.cid()).isEqualTo(e.cid());
                    checked++;
                    break;
                }
                case HOST_CONSUMES_CQE: {
                    RingPicture.Slot s = cq.slot(Math.floorMod((int) e.value() - 1, cq.size()));
                    assertThat(s.content()).as("the host's head moved past the CQE").isEqualTo(RingPicture.Content.CONSUMED);
                    checked++;
                    break;
                }
                case CQ_HEAD_DOORBELL: {
                    assertThat(sim.cqHead(1)).as("the doorbell moved the CQ head")
                            .isEqualTo((prevCqHead + (int) e.value()) % cq.size());
                    assertThat(cq.slot(Math.floorMod(cq.head() - 1, cq.size())).content())
                            .isEqualTo(RingPicture.Content.EMPTY);
                    checked++;
                    break;
                }
                default:
                    break;
            }
            if (vm.followed() != null && e.cid() == vm.followed().cid() && e.step() == vm.followed().currentStep()) {
                Node station = robot.lookup("#lab-station-" + e.step().name().toLowerCase().replace('_', '-')).query();
                assertThat(station.getPseudoClassStates()).contains(CommandPathView.CURRENT);
            }
            prevSqTail = sim.sqTail(1);
            prevCqHead = sim.cqHead(1);
            if (r.journeys().finishedCount() >= finishedBefore + 2) {
                break;
            }
            robot.type(KeyCode.RIGHT);
            LabEvent next = r.gate().awaitParked(10_000);
            assertThat(next).as("right arrow steps to the next event").isNotNull();
            assertThat(next.seq()).isGreaterThan(e.seq());
            e = next;
        }
        assertThat(checked).as("ring checks made").isGreaterThanOrEqualTo(8);
        CommandPathViewModel vm = path.model();
        assertThat(vm.followed()).isNotNull();
        assertThat(vm.times()).hasSize(JourneyStep.values().length);

        robot.type(KeyCode.SPACE);
        assertThat(lab.isPaused()).as("space resumes").isFalse();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lab.phase().get() == LabSession.Phase.FINISHED);
        assertThat(lab.results()).hasSize(1);
    }
}
