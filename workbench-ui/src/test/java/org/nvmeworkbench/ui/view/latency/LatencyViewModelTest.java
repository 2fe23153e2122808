package org.nvmeworkbench.ui.view.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.view.runs.RunComparison;
import org.nvmeworkbench.ui.view.runs.RunSelection;
import org.nvmeworkbench.ui.view.runs.Runs;

/** Which runs the Latency charts draw, without a stage: the selection in Runs, else the newest run. */
class LatencyViewModelTest {
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final RunSelection selection = new RunSelection(history);
    private final LatencyViewModel vm = new LatencyViewModel(history, selection);

    private static RunRecord run(int thr, long base) {
        return Runs.run(thr == 0 ? InterruptCoalescing.OFF : new InterruptCoalescing(thr, 2), 32, 1_000,
                1_000 / (thr + 1), 10_000_000L, base, 1.0);
    }

    @Test
    void nothingToDrawBeforeTheFirstRun() {
        assertThat(vm.shown().get()).isNull();
        assertThat(vm.caption().get()).isEmpty();
    }

    @Test
    void withNothingSelectedTheNewestRunAndTheCaptionSaysSo() {
        history.addAll(run(0, 100_000), run(7, 90_000));
        assertThat(vm.shown().get().runs()).containsExactly(history.get(1));
        assertThat(vm.caption().get()).isEqualTo("Newest run, " + RunComparison.label(1, history.get(1))
                + "; select runs in Runs to compare them here.");

        history.add(run(3, 80_000)); // a run that ends is the newest now
        assertThat(vm.shown().get().runs()).containsExactly(history.get(2));
    }

    @Test
    void theSelectedRunsOverlaidInTheOrderSelected() {
        history.addAll(run(0, 100_000), run(7, 90_000), run(3, 80_000));
        selection.follow(List.of(history.get(2)));
        assertThat(vm.shown().get().runs()).containsExactly(history.get(2));
        assertThat(vm.caption().get()).startsWith(RunComparison.label(2, history.get(2)) + ", as selected in Runs");

        selection.follow(List.of(history.get(0), history.get(2)));
        ReportModel m = vm.shown().get();
        assertThat(m.runs()).containsExactly(history.get(2), history.get(0));
        assertThat(m.labels()).containsExactly(RunComparison.label(2, history.get(2)), RunComparison.label(0, history.get(0)));
        assertThat(vm.caption().get()).isEqualTo("2 runs selected in Runs, overlaid in the order selected: "
                + m.labels().get(0) + "; " + m.labels().get(1) + ".");

        history.add(run(15, 70_000)); // a new run changes nothing drawn while the selection holds
        assertThat(vm.shown().get()).isSameAs(m);

        selection.clear();
        assertThat(vm.shown().get().runs()).containsExactly(history.get(3));
        assertThat(vm.caption().get()).startsWith("Newest run");
    }

    @Test
    void atMostAsManyRunsAsTheChartsTellApartAndTheCaptionSaysHowMany() {
        List<RunRecord> many = new ArrayList<>();
        for (int i = 0; i < LatencyViewModel.OVERLAID + 2; i++) {
            many.add(run(i, 50_000 + 1_000L * i));
        }
        history.setAll(many);
        selection.follow(many);
        assertThat(vm.shown().get().runs()).containsExactlyElementsOf(many.subList(0, LatencyViewModel.OVERLAID));
        assertThat(vm.caption().get()).startsWith("The first 8 of the 10 runs selected in Runs");
    }

    @Test
    void aClosedViewStopsFollowing() {
        history.add(run(0, 100_000));
        vm.dispose();
        history.add(run(7, 90_000));
        assertThat(vm.shown().get().runs()).containsExactly(history.get(0));
    }

    @Test
    void aRunUnderWayIsShownUntilItsRecordArrives() {
        javafx.beans.property.ObjectProperty<RunRecord> live = new javafx.beans.property.SimpleObjectProperty<>();
        LatencyViewModel m = new LatencyViewModel(history, selection, live);
        history.add(run(0, 100_000));
        RunRecord soFar = run(7, 90_000);
        live.set(soFar);
        assertThat(m.showsLiveRun()).isTrue();
        assertThat(m.shown().get().runs()).containsExactly(soFar);
        assertThat(m.shown().get().labels()).containsExactly("run 2 so far");
        assertThat(m.caption().get()).startsWith("Run 2 under way: 1,000 I/Os in");

        live.set(null);
        RunRecord finished = run(7, 91_000);
        history.add(finished);
        assertThat(m.showsLiveRun()).isFalse();
        assertThat(m.shown().get().runs()).containsExactly(finished);
    }
}
