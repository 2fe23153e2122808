package org.nvmeworkbench.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

class FeatureRefusalTest {

    @Test
    void aDeviceThatWillNotChangeCoalescingIsNotedAndTheRunUsesItsOwnValues() {
        try (SimulatedController sim = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).build());
             NvmeController ctrl = NvmeController.attach(new FeatureRefusingPci(sim, FeatureId.INTERRUPT_COALESCING),
                     DriverOptions.DEFAULT)) {
            AdminResult direct = ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0a0a, false);
            assertThat(direct.status()).isEqualTo(StatusCode.FEATURE_NOT_CHANGEABLE);
            assertThat(ctrl.desiredFeatures().coalescing()).isNull();

            RunRecord r = new WorkloadRunner().run(ctrl, WorkloadSpec.defaults().withLimits(0, 1_000)
                    .withCoalescing(new InterruptCoalescing(7, 255)), RunObserver.NONE);

            assertThat(r.featureNotes()).containsExactly("the device does not let you change Interrupt Coalescing "
                    + "(Feature Not Changeable); the run uses the device's own values");
            assertThat(r.totals().ios()).isEqualTo(1_000);
            assertThat(r.features().coalescing()).isZero();
            assertThat(r.completionsPerInterrupt()).as("the device's own value: coalescing off").isEqualTo(1.0);
        }
    }
}
