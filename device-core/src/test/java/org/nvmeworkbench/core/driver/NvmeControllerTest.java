package org.nvmeworkbench.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.StatusCode;

class NvmeControllerTest {

    @Test
    void attachLeavesTheControllerReadyWithIdentityAndNamespace() {
        try (SimBench b = SimBench.attach("tlc")) {
            ControllerRegisters regs = b.ctrl.registers();
            assertThat(regs.ready()).isTrue();
            assertThat(regs.fatal()).isFalse();
            assertThat(Registers.ccIosqes(regs.cc())).isEqualTo(6);
            assertThat(Registers.ccIocqes(regs.cc())).isEqualTo(4);
            assertThat(b.ctrl.identifyController().mn()).isNotBlank();
            assertThat(b.ctrl.namespace().lbaSize()).isEqualTo(512);
            assertThat(b.sim.interruptMode()).isEqualTo(InterruptMode.MSIX);
            assertThat(b.ctrl.vectorCount()).isEqualTo(DriverOptions.DEFAULT.ioQueues() + 1);
        }
    }

    @Test
    void busMasterIsEnabledInConfigSpace() {
        try (SimBench b = SimBench.attach("null")) {
            assertThat(b.sim.configRead16(0x04) & 0x4).isEqualTo(0x4);
        }
    }

    @Test
    void coalescingReadsBackAsSet() {
        try (SimBench b = SimBench.attach("null")) {
            assertThat(b.ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0707, false).ok()).isTrue();
            AdminResult r = b.ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);
            assertThat(r.ok()).isTrue();
            assertThat(r.dw0() & 0xFFFF).isEqualTo(0x0707);
            assertThat(b.ctrl.desiredFeatures().coalescing().cdw11()).isEqualTo(0x0707);
        }
    }

    @Test
    void savingAnUnsaveableFeatureIsRefusedAsNotSaveable() {
        try (SimBench b = SimBench.attach("null")) {
            AdminResult caps = b.ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_SUPPORTED_CAPABILITIES, 0);
            assertThat(caps.ok()).isTrue();
            assertThat(caps.dw0() & FeatureId.CAP_SAVEABLE).as("the simulator declares 08h not saveable").isZero();
            AdminResult r = b.ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0101, true);
            assertThat(r.status()).isEqualTo(StatusCode.FEATURE_NOT_SAVEABLE);
            assertThat(r.describe()).startsWith("Feature Identifier Not Saveable");
            assertThat(b.ctrl.desiredFeatures().coalescing()).as("a refused value is not remembered").isNull();
        }
    }

    @Test
    void vectorConfigurationOfTheAdminVectorIsInvalid() {
        try (SimBench b = SimBench.attach("null")) {
            AdminResult r = b.ctrl.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION,
                    new InterruptVectorConfig(0, true).cdw11(), false);
            assertThat(r.status()).isEqualTo(StatusCode.INVALID_FIELD);
        }
    }

    @Test
    void resetReappliesTheDesiredFeaturesAfterAFatalStatus() {
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 8, 1);
            assertThat(b.ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0203, false).ok()).isTrue();
            assertThat(b.ctrl.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION,
                    new InterruptVectorConfig(1, true).cdw11(), false).ok()).isTrue();
            b.sim.faults().inject("cfs");
            // The fault is taken when the device next processes I/O.
            q.submitRead(0, 0, 1);
            q.ringSqDoorbell();
            b.sim.relax(1_000_000);
            assertThatThrownBy(() -> b.ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0))
                    .isInstanceOf(ControllerFatalException.class)
                    .hasMessageContaining("CSTS.CFS");

            List<String> notes = b.ctrl.recover();

            assertThat(notes).isEmpty();
            assertThat(b.ctrl.registers().ready()).isTrue();
            assertThat(b.ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).dw0() & 0xFFFF)
                    .isEqualTo(0x0203);
            assertThat(b.ctrl.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, 1).dw0()
                    & InterruptVectorConfig.CD_BIT).isNotZero();
            assertThat(b.sim.cqExists(1)).as("the I/O queue was created again").isTrue();
            assertThat(q.inFlight()).isZero();
        }
    }

    @Test
    void everyAdminCommandIsLoggedAndListenersHearOfIt() {
        try (SimBench b = SimBench.attach("null")) {
            List<AdminLogEntry> heard = new ArrayList<>();
            b.ctrl.adminLog().addListener(heard::add);
            assertThat(b.ctrl.adminLog().entries()).extracting(AdminLogEntry::opcode)
                    .contains(Opcodes.IDENTIFY, Opcodes.SET_FEATURES);
            b.ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);
            assertThat(heard).hasSize(1);
            AdminLogEntry e = heard.get(0);
            assertThat(e.opcode()).isEqualTo(Opcodes.GET_FEATURES);
            assertThat(e.cdw10()).isEqualTo(FeatureId.INTERRUPT_COALESCING);
            assertThat(e.ok()).isTrue();
            assertThat(e.describe()).contains("Get Features").contains("Successful Completion");
            assertThat(b.ctrl.adminLog().last()).isEqualTo(e);
        }
    }

    @Test
    void createAndDeleteQueuesOnTheDevice() {
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(3, 16, 3);
            assertThat(b.sim.sqExists(3)).isTrue();
            assertThat(b.sim.cqVector(3)).isEqualTo(3);
            assertThat(b.ctrl.ioQueuePairs()).containsExactly(q);
            b.ctrl.deleteIoQueuePair(q);
            assertThat(b.sim.sqExists(3)).isFalse();
            assertThat(b.sim.cqExists(3)).isFalse();
            assertThat(b.ctrl.ioQueuePairs()).isEmpty();
        }
    }

    @Test
    void aQueueLargerThanMqesIsRefusedInOneSentence() {
        SimConfig cfg = SimConfig.builder().profile(MediaProfile.NULL).mqes(63).build();
        try (SimBench b = SimBench.attach(cfg, DriverOptions.DEFAULT)) {
            assertThatThrownBy(() -> b.ctrl.createIoQueuePair(1, 65, 1))
                    .isInstanceOf(DriverException.class)
                    .hasMessage("An I/O queue needs 2..64 entries on this controller (CAP.MQES), not 65.");
        }
    }

    @Test
    void pinBasedInterruptsPutEveryQueueOnVectorZero() {
        SimConfig cfg = SimConfig.builder().profile(MediaProfile.NULL).build();
        try (SimBench b = SimBench.attach(cfg, DriverOptions.DEFAULT.withInterruptMode(InterruptMode.PIN))) {
            assertThat(b.ctrl.vectorCount()).isEqualTo(1);
            assertThatThrownBy(() -> b.ctrl.createIoQueuePair(1, 8, 1)).isInstanceOf(DriverException.class)
                    .hasMessageContaining("not enabled");
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 8, 0);
            assertThat(q.vector()).isZero();
        }
    }

    @Test
    void msiGrantsAPowerOfTwoAndQueuesStillSignalTheirOwnVector() {
        SimConfig cfg = SimConfig.builder().profile(MediaProfile.NULL).build();
        try (SimBench b = SimBench.attach(cfg, DriverOptions.DEFAULT.withInterruptMode(InterruptMode.MSI).withIoQueues(4))) {
            assertThat(b.sim.interruptMode()).isEqualTo(InterruptMode.MSI);
            assertThat(b.ctrl.vectorCount()).isEqualTo(8);
            IoQueuePair q = b.ctrl.createIoQueuePair(3, 8, 3);
            q.submitRead(0, 0, 1);
            q.ringSqDoorbell();
            long before = b.sim.interruptCount(3);
            assertThat(b.sim.awaitInterrupt(org.nvmeworkbench.core.pci.VectorSet.of(3), 1_000_000_000L)).isEqualTo(3);
            assertThat(b.sim.interruptCount(3)).isEqualTo(before + 1);
        }
    }
}
