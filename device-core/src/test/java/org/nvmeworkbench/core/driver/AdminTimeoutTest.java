package org.nvmeworkbench.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Opcodes;

class AdminTimeoutTest {

    @Test
    void aCommandThatNeverCompletesIsAbortedAndReported() {
        try (SimulatedController sim = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).build())) {
            DoorbellDroppingPci pci = new DoorbellDroppingPci(sim);
            DriverOptions opts = DriverOptions.DEFAULT.withAdminTimeoutNanos(50_000_000L)
                    .withInterruptRecheckNanos(10_000_000L);
            try (NvmeController ctrl = NvmeController.attach(pci, opts)) {
                long t0 = sim.nanoTime();
                pci.dropNextAdminDoorbell = true;

                CommandTimeoutException e = catchThrowableOfType(
                        () -> ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0),
                        CommandTimeoutException.class);

                assertThat(e).isNotNull();
                assertThat(e.getMessage()).startsWith("Get Features did not complete within 50 ms; ");
                assertThat(e.opcode()).isEqualTo(Opcodes.GET_FEATURES);
                assertThat(e.abortResult()).isNotNull();
                assertThat(sim.nanoTime() - t0).as("waited the timeout on the device clock").isGreaterThanOrEqualTo(50_000_000L);
                List<AdminLogEntry> log = ctrl.adminLog().entries();
                assertThat(log).extracting(AdminLogEntry::opcode).containsSubsequence(Opcodes.GET_FEATURES, Opcodes.ABORT);
                assertThat(log).anyMatch(x -> x.status() == AdminLogEntry.TIMED_OUT && x.opcode() == Opcodes.GET_FEATURES);
                // The Abort's doorbell also told the device about the stalled command; it completed late.
                assertThat(log).anyMatch(x -> x.note().startsWith("late completion"));
                // The admin queue is still usable afterwards.
                assertThat(ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).ok()).isTrue();
            }
        }
    }

    @Test
    void adminCompletionsCanBePolled() {
        try (SimulatedController sim = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).build());
             NvmeController ctrl = NvmeController.attach(sim, DriverOptions.DEFAULT.withPollAdmin(true))) {
            assertThat(ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0101, false).ok()).isTrue();
            assertThat(ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).dw0() & 0xFFFF)
                    .isEqualTo(0x0101);
        }
    }
}
