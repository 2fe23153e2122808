package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.StatusCode;

class AdminCommandsTest {

    private final TestHost h = TestHost.nullMedia().enable(16, 65);

    @Test
    void identifyControllerWritesTheSpecOffsets() {
        DmaRegion buf = h.sim.allocateDma(4096);
        TestHost.check(h.admin(Opcodes.IDENTIFY, 0, buf.busAddress(), Opcodes.CNS_CONTROLLER, 0));
        ByteBuffer b = buf.buffer();
        assertThat(b.getShort(0x00) & 0xFFFF).isEqualTo(0x5349); // VID
        assertThat(b.getShort(0x02) & 0xFFFF).isEqualTo(0x5349); // SSVID
        byte[] mn = new byte[40];
        b.get(0x18, mn);
        assertThat(new String(mn, StandardCharsets.US_ASCII).trim()).isEqualTo("NVMe Workbench Sim null");
        assertThat(b.get(0x4D)).isEqualTo((byte) 5); // MDTS
        assertThat(b.getShort(0x4E)).isEqualTo((short) 1); // CNTLID
        assertThat(b.getInt(0x50)).isEqualTo(0x00010400); // VER
        assertThat(b.get(0x200)).isEqualTo((byte) 0x66); // SQES
        assertThat(b.get(0x201)).isEqualTo((byte) 0x44); // CQES
        assertThat(b.getInt(0x204)).isEqualTo(1); // NN
    }

    @Test
    void identifyNamespaceWritesSizeAndLbaFormat() {
        DmaRegion buf = h.sim.allocateDma(4096);
        TestHost.check(h.admin(Opcodes.IDENTIFY, 1, buf.busAddress(), Opcodes.CNS_NAMESPACE, 0));
        ByteBuffer b = buf.buffer();
        assertThat(b.getLong(0x00)).isEqualTo(SimConfig.DEFAULT_NAMESPACE_BLOCKS); // NSZE
        assertThat(b.getLong(0x08)).isEqualTo(SimConfig.DEFAULT_NAMESPACE_BLOCKS); // NCAP
        assertThat(b.get(0x1A)).isZero(); // FLBAS
        assertThat((b.getInt(0x80) >>> 16) & 0xFF).isEqualTo(9); // LBADS: 512 bytes
        assertThat(h.admin(Opcodes.IDENTIFY, 2, buf.busAddress(), Opcodes.CNS_NAMESPACE, 0).status())
                .isEqualTo(StatusCode.INVALID_NAMESPACE);
    }

    @Test
    void activeNamespaceListHoldsNamespaceOne() {
        DmaRegion buf = h.sim.allocateDma(4096);
        buf.buffer().putInt(4, 0x7777);
        TestHost.check(h.admin(Opcodes.IDENTIFY, 0, buf.busAddress(), Opcodes.CNS_ACTIVE_NSID_LIST, 0));
        assertThat(buf.buffer().getInt(0)).isEqualTo(1);
        assertThat(buf.buffer().getInt(4)).isZero();
    }

    @Test
    void createCqWithVectorBeyondTheTableIsInvalidInterruptVector() {
        assertThat(h.createCq(1, 16, true, 65).status()).isEqualTo(StatusCode.INVALID_INTERRUPT_VECTOR);
        assertThat(h.createCq(1, 16, true, 64).status()).isZero();
    }

    @Test
    void createCqWithVectorBeyondTheGrantedOnesIsInvalidInterruptVector() {
        TestHost few = TestHost.nullMedia().enable(16, 4);
        assertThat(few.createCq(1, 16, true, 4).status()).isEqualTo(StatusCode.INVALID_INTERRUPT_VECTOR);
    }

    @Test
    void queueCreationChecksIdSizeAndCompletionQueue() {
        assertThat(h.createCq(0, 16, true, 1).status()).isEqualTo(StatusCode.INVALID_QUEUE_IDENTIFIER);
        assertThat(h.createCq(65, 16, true, 1).status()).isEqualTo(StatusCode.INVALID_QUEUE_IDENTIFIER);
        assertThat(h.createCq(1, 1, true, 1).status()).isEqualTo(StatusCode.INVALID_QUEUE_SIZE);
        assertThat(h.createCq(1, 1025, true, 1).status()).isEqualTo(StatusCode.INVALID_QUEUE_SIZE);
        assertThat(h.createSq(1, 16, 1).status()).isEqualTo(StatusCode.COMPLETION_QUEUE_INVALID);
        TestHost.check(h.createCq(1, 16, true, 1));
        assertThat(h.createCq(1, 16, true, 1).status()).isEqualTo(StatusCode.INVALID_QUEUE_IDENTIFIER);
        TestHost.check(h.createSq(1, 16, 1));
        assertThat(h.admin(Opcodes.DELETE_IO_CQ, 0, 0, 1, 0).status()).isEqualTo(StatusCode.INVALID_QUEUE_DELETION);
        TestHost.check(h.admin(Opcodes.DELETE_IO_SQ, 0, 0, 1, 0));
        TestHost.check(h.admin(Opcodes.DELETE_IO_CQ, 0, 0, 1, 0));
        assertThat(h.admin(Opcodes.DELETE_IO_SQ, 0, 0, 1, 0).status()).isEqualTo(StatusCode.INVALID_QUEUE_IDENTIFIER);
    }

    @Test
    void vectorConfigurationOnTheAdminVectorIsInvalidField() {
        h.ioPair(1, 16, 1);
        assertThat(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, InterruptVectorConfig.CD_BIT, false).status())
                .isEqualTo(StatusCode.INVALID_FIELD);
    }

    @Test
    void vectorConfigurationOnAnUnboundOrAbsentVectorIsInvalidField() {
        h.ioPair(1, 16, 1);
        assertThat(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 2 | InterruptVectorConfig.CD_BIT, false).status())
                .isEqualTo(StatusCode.INVALID_FIELD);
        assertThat(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 70, false).status())
                .isEqualTo(StatusCode.INVALID_FIELD);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 1 | InterruptVectorConfig.CD_BIT, false));
        assertThat(h.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 0, 1).result()).isEqualTo(0x10001);
    }

    @Test
    void getVectorConfigurationOfTheAdminVectorAnswersCoalescingDisabled() {
        assertThat(h.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 0, 0).result()).isEqualTo(0x00010000);
        assertThat(h.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 0, 3).result()).isEqualTo(3);
    }

    @Test
    void savingCoalescingFeaturesIsNotSaveable() {
        h.ioPair(1, 16, 1);
        TestHost.Completion c = h.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0207, true);
        assertThat(c.status()).isEqualTo(StatusCode.FEATURE_NOT_SAVEABLE);
        assertThat(StatusCode.sct(c.status())).isEqualTo(1);
        assertThat(StatusCode.sc(c.status())).isEqualTo(0x0D);
        assertThat(h.sim.interruptCoalescingValue()).isZero();
        assertThat(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 1, true).status())
                .isEqualTo(StatusCode.FEATURE_NOT_SAVEABLE);
    }

    @Test
    void selectValuesReportDefaultSavedAndCapabilities() {
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0207, false));
        assertThat(h.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).result()).isEqualTo(0x0207);
        assertThat(h.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_DEFAULT, 0).result()).isZero();
        assertThat(h.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_SAVED, 0).result()).isZero();
        int caps = h.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_SUPPORTED_CAPABILITIES, 0).result();
        assertThat(caps & FeatureId.CAP_CHANGEABLE).isNotZero();
        assertThat(caps & FeatureId.CAP_SAVEABLE).isZero();
    }

    @Test
    void fixedCoalescingRefusesSetFeatures08hAnd09hAsQemuDoes() {
        TestHost q = new TestHost(SimConfig.builder().profile(MediaProfile.NULL).host(HostModel.FREE).fixedCoalescing(true)
                .build()).enable(16, 65);
        q.ioPair(1, 16, 1);
        assertThat(q.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0207, false).status()).isEqualTo(StatusCode.FEATURE_NOT_CHANGEABLE);
        assertThat(q.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 1 | InterruptVectorConfig.CD_BIT, false).status())
                .isEqualTo(StatusCode.FEATURE_NOT_CHANGEABLE);
        assertThat(q.sim.interruptCoalescingValue()).isZero();
        assertThat(q.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).result()).isZero();
        assertThat(q.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_SUPPORTED_CAPABILITIES, 0).result()
                & FeatureId.CAP_CHANGEABLE).isZero();
        assertThat(q.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_SUPPORTED_CAPABILITIES, 1).result()
                & FeatureId.CAP_CHANGEABLE).isZero();
        // Number of Queues stays changeable, as on QEMU.
        assertThat(q.getFeature(FeatureId.NUMBER_OF_QUEUES, FeatureId.SEL_SUPPORTED_CAPABILITIES, 0).result()
                & FeatureId.CAP_CHANGEABLE).isNotZero();
        // The same commands on the default config are accepted.
        h.ioPair(1, 16, 1);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0207, false));
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 1 | InterruptVectorConfig.CD_BIT, false));
    }

    @Test
    void numberOfQueuesIsRefusedOnceAnIoQueueExists() {
        TestHost.Completion c = h.setFeature(FeatureId.NUMBER_OF_QUEUES, 3 | (3 << 16), false);
        assertThat(c.result()).isEqualTo(3 | (3 << 16));
        assertThat(h.createCq(5, 16, true, 5).status()).isEqualTo(StatusCode.INVALID_QUEUE_IDENTIFIER);
        h.ioPair(1, 16, 1);
        assertThat(h.setFeature(FeatureId.NUMBER_OF_QUEUES, 7 | (7 << 16), false).status())
                .isEqualTo(StatusCode.COMMAND_SEQUENCE_ERROR);
    }

    @Test
    void unknownOpcodeIsInvalidOpcode() {
        assertThat(h.admin(0x7E, 0, 0, 0, 0).status()).isEqualTo(StatusCode.INVALID_OPCODE);
    }

    @Test
    void unknownFeatureIsInvalidField() {
        assertThat(h.getFeature(0x0B, 0, 0).status()).isEqualTo(StatusCode.INVALID_FIELD);
    }

    @Test
    void smartLogReportsHostCommands() {
        DmaRegion buf = h.sim.allocateDma(4096);
        TestHost.check(h.admin(Opcodes.GET_LOG_PAGE, 0xFFFFFFFF, buf.busAddress(), 0x02 | (127 << 16), 0));
        assertThat(buf.buffer().get(3)).isEqualTo((byte) 100);
        assertThat(h.admin(Opcodes.GET_LOG_PAGE, 0, buf.busAddress(), 0x7F | (127 << 16), 0).status())
                .isEqualTo(StatusCode.INVALID_FIELD);
    }

    @Test
    void abortCompletesAStuckCommandWithAbortRequested() {
        h.ioPair(1, 16, 1);
        h.sim.faults().inject("stuck-command");
        DmaRegion buf = h.sim.allocateDma(4096);
        int cid = h.read(1, 0, 8, buf);
        h.ring(1);
        h.sim.relax(1_000_000);
        assertThat(h.reap(1)).isEmpty();
        TestHost.Completion abort = h.admin(Opcodes.ABORT, 0, 0, 1 | (cid << 16), 0);
        assertThat(abort.status()).isZero();
        assertThat(abort.result() & 1).isZero();
        var io = h.reap(1);
        assertThat(io).hasSize(1);
        assertThat(io.get(0).cid()).isEqualTo(cid);
        assertThat(io.get(0).status()).isEqualTo(StatusCode.ABORT_REQUESTED);
        assertThat(h.admin(Opcodes.ABORT, 0, 0, 1 | (cid << 16), 0).result() & 1).isEqualTo(1);
    }
}
