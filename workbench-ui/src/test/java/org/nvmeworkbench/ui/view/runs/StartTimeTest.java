package org.nvmeworkbench.ui.view.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class StartTimeTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant STARTED = Instant.parse("2026-11-23T13:03:27.123456Z");

    @Test
    void todaysRunShowsOnlyTheLocalTime() {
        assertThat(StartTime.brief(STARTED, Instant.parse("2026-11-23T20:00:00Z"), PARIS)).isEqualTo("14:03:27");
    }

    @Test
    void anOlderRunShowsTheDateInsteadOfTheSeconds() {
        assertThat(StartTime.brief(STARTED, Instant.parse("2026-11-25T08:00:00Z"), PARIS)).isEqualTo("Nov 23 14:03");
    }

    @Test
    void theTooltipHasTheLocalTimeWithItsZoneAndTheExactInstant() {
        assertThat(StartTime.full(STARTED, PARIS))
                .isEqualTo("2026-11-23 14:03:27.123 +01:00 (Europe/Paris), 2026-11-23T13:03:27.123456Z");
    }
}
