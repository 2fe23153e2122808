package org.nvmeworkbench.ui.view.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;

/** A vector's row lights up when its count moves during a run, and not for what a rest sample counts. */
class VectorsViewModelTest {
    private static TelemetrySnapshot sample(RunState state, long count) {
        return new TelemetrySnapshot(0, state, List.of(),
                List.of(new VectorSnapshot(0, 5, 0, false, false, true), new VectorSnapshot(1, count, 0, false, false, false)),
                0, 0, 0, 0, 0);
    }

    @Test
    void aVectorFiresWhileARunMovesItsCount() {
        VectorsViewModel vm = new VectorsViewModel();
        vm.update(sample(RunState.RUNNING, 100));
        vm.update(sample(RunState.RUNNING, 180));
        assertThat(vm.rows().get(1).fired().get()).isTrue();
        assertThat(vm.rows().get(0).fired().get()).as("the admin vector did not move").isFalse();
        vm.update(sample(RunState.RUNNING, 180));
        assertThat(vm.rows().get(1).fired().get()).isFalse();
    }

    @Test
    void theRestSampleAfterARunShowsTheCountWithoutLightingTheRow() {
        VectorsViewModel vm = new VectorsViewModel();
        vm.update(sample(RunState.RUNNING, 100));
        vm.update(sample(RunState.IDLE, 250));
        assertThat(vm.rows().get(1).count().get()).isEqualTo(250);
        assertThat(vm.rows().get(1).fired().get()).isFalse();
    }

    @Test
    void eachVectorShowsTheCoreThatTakesItsInterrupts() {
        VectorsViewModel vm = new VectorsViewModel();
        vm.update(new TelemetrySnapshot(0, RunState.RUNNING, List.of(),
                List.of(new VectorSnapshot(0, 5, 0, false, false, true, 0), new VectorSnapshot(1, 9, 0, false, false, false, 7),
                        new VectorSnapshot(2, 9, 0, false, false, false)),
                0, 0, 0, 0, 0));
        assertThat(vm.rows()).extracting(r -> r.core().get()).containsExactly("CPU 0", "CPU 7", "n/a");
        vm.update(new TelemetrySnapshot(0, RunState.RUNNING, List.of(),
                List.of(new VectorSnapshot(0, 5, 0, false, false, true, 0), new VectorSnapshot(1, 9, 0, false, false, false, 3),
                        new VectorSnapshot(2, 9, 0, false, false, false)),
                0, 0, 0, 0, 0));
        assertThat(vm.rows().get(1).core().get()).as("a new placement moves the vector").isEqualTo("CPU 3");
    }
}
