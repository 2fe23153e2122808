package org.nvmeworkbench.ui.view.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

class RunSelectionTest {
    private final RunRecord a = Runs.run(InterruptCoalescing.OFF, 32, 1_000, 1_000, 10_000_000L, 100_000, 4.0);
    private final RunRecord b = Runs.run(new InterruptCoalescing(7, 2), 32, 1_000, 125, 9_000_000L, 90_000, 0.5);
    private final RunRecord c = Runs.run(new InterruptCoalescing(3, 1), 8, 1_000, 250, 8_000_000L, 80_000, 0.8);
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList(a, b, c);
    private final RunSelection selection = new RunSelection(history);

    @Test
    void keepsTheOrderOfPickingWhileTheTableListsRowsInItsOwnOrder() {
        selection.follow(List.of(c));
        selection.follow(List.of(a, c));
        selection.follow(List.of(a, b, c));
        assertThat(selection.runs()).containsExactly(c, a, b);
        assertThat(selection.inHistoryOrder()).containsExactly(a, b, c);

        selection.follow(List.of(b, c)); // a unselected: the others keep their places
        assertThat(selection.runs()).containsExactly(c, b);
    }

    @Test
    void aRunThatLeavesTheHistoryLeavesTheSelection() {
        selection.follow(List.of(a, b));
        history.remove(a);
        assertThat(selection.runs()).containsExactly(b);
    }

    @Test
    void sayNothingWhenTheSameRunsAreFollowedAgain() {
        selection.follow(List.of(a, b));
        int[] changes = {0};
        selection.runs().addListener((javafx.collections.ListChangeListener<RunRecord>) ch -> changes[0]++);
        selection.follow(List.of(a, b));
        selection.follow(List.of(b, a));
        assertThat(changes[0]).isZero();
    }
}
