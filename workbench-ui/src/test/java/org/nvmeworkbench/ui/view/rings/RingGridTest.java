package org.nvmeworkbench.ui.view.rings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rings are laid out in the grid that makes them largest, so 16 pairs stay readable in a wide, low area. */
class RingGridTest {
    @Test
    void sixteenPairsInTheTuningAreaTakeTwoRowsOfEight() {
        assertThat(QueueRingsView.bestColumns(16, 820, 380)).isEqualTo(8);
    }

    @Test
    void twoPairsSitSideBySideAndOneFillsTheArea() {
        assertThat(QueueRingsView.bestColumns(2, 820, 380)).isEqualTo(2);
        assertThat(QueueRingsView.bestColumns(1, 820, 380)).isEqualTo(1);
    }

    @Test
    void aTallAreaStacksThem() {
        assertThat(QueueRingsView.bestColumns(4, 300, 1200)).isEqualTo(1);
    }
}
