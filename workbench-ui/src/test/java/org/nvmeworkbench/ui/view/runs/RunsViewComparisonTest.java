package org.nvmeworkbench.ui.view.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.launcher.WindowSnapshot;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.nvmeworkbench.ui.view.EmptyState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs view's comparison at the size of the Tuning perspective's bottom area: a hint with fewer than two
 * runs selected, a column per run with three. With {@code -Dsnapshot.dir=DIR} it writes runs-compare-3.png.
 */
@ExtendWith(ApplicationExtension.class)
class RunsViewComparisonTest {
    private WorkbenchSession session;
    private RunsView view;
    private RunSelection selection;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        session = new WorkbenchSession(new DeviceCatalog(List.of()), new CurrentThreadTaskExecutor(), null);
        session.runs().addAll(
                Runs.run(InterruptCoalescing.OFF, 32, 10_000, 10_000, 250_000_000L, 100_000, 4.0),
                Runs.run(new InterruptCoalescing(7, 2), 32, 10_000, 1_250, 200_000_000L, 90_000, 0.5),
                Runs.run(new InterruptCoalescing(7, 2), 8, 10_000, 2_000, 400_000_000L, 120_000, 0.8));
        selection = new RunSelection(session.runs());
        view = new RunsView(session, selection);
        stage.setScene(new Scene(new StackPane(view.node()), 790, 300));
        stage.show();
    }

    @Test
    void aHintUntilTwoAreSelectedThenAColumnPerRun(FxRobot robot) throws Exception {
        assertThat(view.comparison()).isNull();
        assertThat(hint(robot)).startsWith("Select two runs or more");

        robot.interact(() -> view.select(1));
        assertThat(view.comparison()).isNull();
        assertThat(hint(robot)).startsWith("Select one more run");

        robot.interact(() -> view.select(2, 0, 1));
        ComparisonTable t = view.comparison();
        assertThat(t.runs()).hasSize(3).first().isEqualTo(RunComparison.label(0, session.runs().get(0)));
        // The shared selection keeps the order of picking (Latency overlays in it); the comparison, history order.
        assertThat(selection.runs()).containsExactly(session.runs().get(2), session.runs().get(0), session.runs().get(1));
        assertThat(view.selectedRuns()).containsExactlyElementsOf(session.runs());
        ScrollPane pane = robot.lookup("#runs-comparison").queryAs(ScrollPane.class);
        for (String heading : t.runs()) {
            assertThat(labelled(robot, pane, heading)).as(heading).isTrue();
        }
        assertThat(labelled(robot, pane, "baseline")).isTrue();
        assertThat(labelled(robot, pane, "0.200")).isTrue();
        assertThat(labelled(robot, pane, "-80.0%, better")).isTrue();

        String dir = System.getProperty("snapshot.dir");
        if (dir != null && !dir.isBlank()) {
            WaitForAsyncUtils.asyncFx(() -> {
                WindowSnapshot.write(stage.getScene(), Path.of(dir, "runs-compare-3.png"));
                return null;
            }).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunsViewOpenedAgainShowsTheSharedSelection(FxRobot robot) {
        robot.interact(() -> view.select(2, 0));
        AtomicReference<RunsView> again = new AtomicReference<>();
        robot.interact(() -> {
            view.close();
            again.set(new RunsView(session, selection));
        });
        assertThat(again.get().selectedRuns()).containsExactly(session.runs().get(0), session.runs().get(2));
        assertThat(selection.runs()).as("in the order picked").containsExactly(session.runs().get(2), session.runs().get(0));
        assertThat(again.get().comparison()).isNotNull();
    }

    private static String hint(FxRobot robot) {
        return ((EmptyState) robot.lookup("#runs-comparison").queryAs(ScrollPane.class).getContent()).getText();
    }

    private static boolean labelled(FxRobot robot, ScrollPane pane, String text) {
        return robot.from(pane).lookup((Node n) -> n instanceof Label l && l.getText().equals(text)).tryQuery()
                .isPresent();
    }
}
