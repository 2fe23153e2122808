package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;

/** The window fits the screen it opens on, and comes back where the user left it while that is on a screen. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D DESKTOP = new Rectangle2D(0, 0, 2560, 1400);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(2560, 0, 1920, 1050);

    @Test
    void aFirstStartFitsASmallScreenAndKeepsThePreferredSizeOnALargeOne() {
        WindowPlacement small = WindowPlacement.restore(null, List.of(LAPTOP));
        assertThat(small.width()).isLessThanOrEqualTo(LAPTOP.getWidth() * 0.92);
        assertThat(small.height()).isLessThanOrEqualTo(LAPTOP.getHeight() * 0.92);
        assertThat(small.x()).isGreaterThanOrEqualTo(0);
        WindowPlacement large = WindowPlacement.restore(null, List.of(DESKTOP));
        assertThat(large.width()).isEqualTo(1440);
        assertThat(large.height()).isEqualTo(900);
        assertThat(large.x()).isEqualTo((2560 - 1440) / 2.0);
    }

    @Test
    void theLastPlacementComesBackWhileItIsOnAScreen() {
        WindowPlacement saved = new WindowPlacement(2700, 50, 1600, 1000, true);
        assertThat(WindowPlacement.restore(saved, List.of(DESKTOP, RIGHT_MONITOR))).isEqualTo(saved);
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneOpensOnThePrimaryScreen() {
        WindowPlacement saved = new WindowPlacement(2700, 50, 1600, 1000, false);
        WindowPlacement back = WindowPlacement.restore(saved, List.of(LAPTOP));
        assertThat(back).isEqualTo(WindowPlacement.fitting(LAPTOP));
    }

    @Test
    void aSavedWindowLargerThanItsScreenIsShrunkToIt() {
        WindowPlacement saved = new WindowPlacement(10, 10, 2400, 1300, false);
        WindowPlacement back = WindowPlacement.restore(saved, List.of(LAPTOP));
        assertThat(back.width()).isEqualTo(LAPTOP.getWidth());
        assertThat(back.height()).isEqualTo(LAPTOP.getHeight());
    }
}
