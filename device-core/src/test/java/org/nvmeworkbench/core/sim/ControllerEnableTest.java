package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;

class ControllerEnableTest {

    private static SimulatedController sim() {
        SimulatedController s = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).build());
        s.configWrite16(0x04, 0x6);
        return s;
    }

    private static void program(SimulatedController s, long asq, long acq, int cc) {
        s.mmioWrite32(Registers.AQA, Registers.aqa(16, 16));
        s.mmioWrite64(Registers.ASQ, asq);
        s.mmioWrite64(Registers.ACQ, acq);
        s.mmioWrite32(Registers.CC, cc);
        s.relax(10_000_000);
    }

    private static int goodCc() {
        return Registers.cc(true, 0, 0, 0, 0, Sqe.IOSQES, Cqe.IOCQES);
    }

    @Test
    void readyComesAfterAShortVirtualDelay() {
        SimulatedController s = sim();
        DmaRegion sq = s.allocateDma(4096);
        DmaRegion cq = s.allocateDma(4096);
        s.mmioWrite32(Registers.AQA, Registers.aqa(16, 16));
        s.mmioWrite64(Registers.ASQ, sq.busAddress());
        s.mmioWrite64(Registers.ACQ, cq.busAddress());
        s.mmioWrite32(Registers.CC, goodCc());
        assertThat(s.mmioRead32(Registers.CSTS) & Registers.CSTS_RDY).isZero();
        s.relax(10_000_000);
        assertThat(s.mmioRead32(Registers.CSTS)).isEqualTo(Registers.CSTS_RDY);
        assertThat(s.nanoTime()).isEqualTo(SimulatedController.ENABLE_NANOS);
    }

    @Test
    void misalignedAdminQueueSetsFatalStatus() {
        SimulatedController s = sim();
        DmaRegion sq = s.allocateDma(8192);
        DmaRegion cq = s.allocateDma(4096);
        program(s, sq.busAddress() + 64, cq.busAddress(), goodCc());
        assertThat(s.mmioRead32(Registers.CSTS)).isEqualTo(Registers.CSTS_CFS);
    }

    @Test
    void pageSizeBeyondMpsMaxSetsFatalStatus() {
        SimulatedController s = sim();
        DmaRegion sq = s.allocateDma(1 << 20);
        DmaRegion cq = s.allocateDma(1 << 20);
        program(s, sq.busAddress(), cq.busAddress(), Registers.cc(true, 0, 5, 0, 0, 6, 4));
        assertThat(s.mmioRead32(Registers.CSTS) & Registers.CSTS_CFS).isNotZero();
    }

    @Test
    void unsupportedCommandSetSetsFatalStatusAndDisableClearsIt() {
        SimulatedController s = sim();
        DmaRegion sq = s.allocateDma(4096);
        DmaRegion cq = s.allocateDma(4096);
        program(s, sq.busAddress(), cq.busAddress(), Registers.cc(true, 1, 0, 0, 0, 6, 4));
        assertThat(s.mmioRead32(Registers.CSTS) & Registers.CSTS_CFS).isNotZero();
        s.mmioWrite32(Registers.CC, 0);
        assertThat(s.mmioRead32(Registers.CSTS)).isZero();
        program(s, sq.busAddress(), cq.busAddress(), goodCc());
        assertThat(s.mmioRead32(Registers.CSTS)).isEqualTo(Registers.CSTS_RDY);
    }

    @Test
    void capAdvertisesTheConfiguredLimits() {
        SimulatedController s = sim();
        long cap = s.mmioRead64(Registers.CAP);
        assertThat(Registers.capMqes(cap)).isEqualTo(1023);
        assertThat(Registers.capCqr(cap)).isTrue();
        assertThat(Registers.capCss(cap) & 1).isEqualTo(1);
        assertThat(Registers.capMpsMax(cap)).isEqualTo(4);
        assertThat(Registers.capTo(cap)).isEqualTo(20);
        assertThat(s.mmioRead32(Registers.VS)).isEqualTo(0x00010400);
    }

    @Test
    void controllerResetRestoresFeatureDefaultsAndDropsQueues() {
        TestHost h = TestHost.nullMedia().enable(16, 4).ioPair(1, 16, 1);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, 0x020A, false));
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 1 | (1 << 16), false));
        assertThat(h.getFeature(FeatureId.INTERRUPT_COALESCING, 0, 0).result()).isEqualTo(0x020A);

        h.sim.mmioWrite32(Registers.CC, 0);
        assertThat(h.sim.mmioRead32(Registers.CSTS) & Registers.CSTS_RDY).isZero();
        assertThat(h.sim.sqExists(1)).isFalse();
        assertThat(h.sim.cqExists(1)).isFalse();

        h.cqHead[0] = 0;
        h.sqTail[0] = 0;
        h.cqPhase[0] = 1;
        h.cqMem[0].buffer().put(0, new byte[h.cqMem[0].size()]);
        h.sim.mmioWrite32(Registers.CC, goodCc());
        h.waitReady();
        assertThat(h.getFeature(FeatureId.INTERRUPT_COALESCING, 0, 0).result()).isZero();
        assertThat(h.sim.interruptCoalescingValue()).isZero();
        h.ioPair(1, 16, 1);
        assertThat(h.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 0, 1).result()).isEqualTo(1);
    }

    @Test
    void normalShutdownReportsComplete() {
        TestHost h = TestHost.nullMedia().enable(16, 1);
        h.sim.mmioWrite32(Registers.CC, goodCc() | (1 << 14));
        assertThat(Registers.cstsShst(h.sim.mmioRead32(Registers.CSTS))).isEqualTo(1);
        h.sim.relax(10_000_000);
        assertThat(Registers.cstsShst(h.sim.mmioRead32(Registers.CSTS))).isEqualTo(2);
    }

    @Test
    void withoutBusMasterNothingIsFetchedUntilItIsSet() {
        TestHost h = TestHost.nullMedia().enable(16, 1);
        h.sim.configWrite16(0x04, 0x2); // memory only, no bus master
        h.submit(0, org.nvmeworkbench.core.spec.Opcodes.GET_FEATURES, 0, 0, 0, FeatureId.INTERRUPT_COALESCING, 0, 0);
        h.ring(0);
        h.sim.relax(1_000_000);
        h.sim.relax(1_000_000);
        assertThat(h.reap(0)).isEmpty();
        h.sim.configWrite16(0x04, 0x6);
        for (int i = 0; i < 10; i++) {
            h.sim.relax(1_000_000);
        }
        assertThat(h.reap(0)).hasSize(1);
    }

    @Test
    void configSpaceIdentifiesAnNvmeControllerWithMsiAndMsix() {
        SimulatedController s = sim();
        assertThat(s.configRead16(0)).isEqualTo(PciConfigSpace.VENDOR_ID);
        assertThat(s.configRead32(0x08) >>> 8).isEqualTo(0x010802);
        int cap = s.configRead8(0x34);
        boolean msix = false;
        boolean msi = false;
        while (cap != 0) {
            int id = s.configRead8(cap);
            msix |= id == 0x11;
            msi |= id == 0x05;
            if (id == 0x11) {
                assertThat((s.configRead16(cap + 2) & 0x7FF) + 1).isEqualTo(65);
                assertThat(s.configRead32(cap + 4)).isEqualTo(s.tableOffset);
            }
            cap = s.configRead8(cap + 1);
        }
        assertThat(msix).isTrue();
        assertThat(msi).isTrue();
        s.configWrite32(0x10, 0xFFFFFFFF);
        assertThat(~(s.configRead32(0x10) & ~0xF) + 1).isEqualTo((int) s.bar0Size());
    }

    @Test
    void subsystemResetOccurredSurvivesControllerResetsUntilTheHostClearsIt() {
        SimulatedController s = sim();
        DmaRegion sq = s.allocateDma(4096);
        DmaRegion cq = s.allocateDma(4096);
        program(s, sq.busAddress(), cq.busAddress(), goodCc());
        s.mmioWrite32(Registers.NSSR, Registers.NSSR_RESET_VALUE);
        assertThat(s.mmioRead32(Registers.CSTS)).isEqualTo(Registers.CSTS_NSSRO);
        program(s, sq.busAddress(), cq.busAddress(), goodCc());
        assertThat(s.mmioRead32(Registers.CSTS)).isEqualTo(Registers.CSTS_RDY | Registers.CSTS_NSSRO);
        s.mmioWrite32(Registers.CSTS, Registers.CSTS_RDY); // writing 0 to NSSRO leaves it
        assertThat(s.mmioRead32(Registers.CSTS) & Registers.CSTS_NSSRO).isNotZero();
        s.mmioWrite32(Registers.CSTS, Registers.CSTS_NSSRO);
        assertThat(s.mmioRead32(Registers.CSTS)).isEqualTo(Registers.CSTS_RDY);
    }
}
