package org.nvmeworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;

class StatusFiguresTest {
    private static TelemetrySnapshot snap(double iops, long total, double irqRate) {
        return new TelemetrySnapshot(1, RunState.RUNNING, List.of(),
                List.of(new VectorSnapshot(0, 5, 1000, false, false, true), new VectorSnapshot(1, 10, irqRate, false, false, false)),
                iops, total, 50_000, 81_300, 90_000);
    }

    @Test
    void noInterruptRateBesideIopsZeroAtARunsStart() {
        assertThat(StatusFigures.of(snap(0, 0, 538_000), true)).isEqualTo(StatusFigures.MEASURING);
    }

    @Test
    void ioVectorsOnlyOnceTheRunHasFigures() {
        StatusFigures f = StatusFigures.of(snap(412_000, 41_200, 51_500), true);
        assertThat(f.iops()).isEqualTo("IOPS 412,000");
        assertThat(f.p99()).isEqualTo("p99 81.3 us");
        assertThat(f.interrupts()).as("the admin vector's rate is not the workload's").isEqualTo("interrupts/s 51,500");
    }

    @Test
    void dashesWhenNothingRuns() {
        assertThat(StatusFigures.of(snap(412_000, 41_200, 51_500), false)).isEqualTo(StatusFigures.NONE);
    }
}
