package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.StatusCode;

class InterruptsAndFaultsTest {
    private static final long SECOND = 1_000_000_000L;
    private final TestHost h = TestHost.nullMedia().enable(16, 4).ioPair(1, 16, 1);
    private final DmaRegion buf = h.sim.allocateDma(4096);

    @Test
    void maskedVectorHoldsTheSignalUntilUnmasked() {
        h.sim.maskVector(1);
        h.read(1, 0, 1, buf);
        h.ring(1);
        assertThat(h.await(1, 1_000_000)).isEqualTo(-1);
        assertThat(h.sim.isPending(1)).isTrue();
        assertThat(h.sim.mmioRead32(h.sim.pbaOffset) & 2).isEqualTo(2);
        assertThat(h.sim.interruptCount(1)).isZero();
        h.sim.unmaskVector(1);
        assertThat(h.sim.isPending(1)).isFalse();
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        assertThat(h.sim.interruptCount(1)).isEqualTo(1);
    }

    @Test
    void msixTableWriteAndMaskVectorAreTheSameState() {
        int control = h.sim.tableOffset + 16 * 2 + 12;
        h.sim.mmioWrite32(control, 1);
        assertThat(h.sim.isMasked(2)).isTrue();
        h.sim.unmaskVector(2);
        assertThat(h.sim.mmioRead32(control) & 1).isZero();
    }

    @Test
    void lostInterruptDropsOneSignal() {
        h.sim.faults().inject("lost-interrupt:1");
        h.read(1, 0, 1, buf);
        h.ring(1);
        assertThat(h.await(1, 1_000_000)).isEqualTo(-1);
        assertThat(h.reap(1)).hasSize(1); // the CQE is there; only its interrupt was lost
        h.read(1, 0, 1, buf);
        h.ring(1);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        assertThat(h.sim.droppedInterrupts()).isEqualTo(1);
    }

    @Test
    void errorStatusArmedAfterNCommandsHitsTheNextOnes() {
        h.sim.faults().inject("error-status:2@1");
        int[] statuses = new int[4];
        for (int i = 0; i < 4; i++) {
            h.read(1, i, 1, buf);
            h.ring(1);
            assertThat(h.await(1, SECOND)).isEqualTo(1);
            statuses[i] = h.reap(1).get(0).status();
        }
        assertThat(statuses).containsExactly(0, StatusCode.UNRECOVERED_READ_ERROR,
                StatusCode.UNRECOVERED_READ_ERROR, 0);
    }

    @Test
    void fatalStatusStopsProcessing() {
        h.sim.faults().inject("cfs");
        h.read(1, 0, 1, buf);
        h.ring(1);
        assertThat(h.await(1, 1_000_000)).isEqualTo(-1);
        assertThat(h.sim.mmioRead32(Registers.CSTS) & Registers.CSTS_CFS).isNotZero();
        assertThat(h.reap(1)).isEmpty();
    }

    @Test
    void faultTextThatIsWrongSaysWhatIsExpected() {
        assertThatThrownBy(() -> h.sim.faults().inject("meltdown@3"))
                .hasMessageContaining("Unknown fault 'meltdown'");
        assertThatThrownBy(() -> h.sim.faults().inject("cfs@x")).hasMessageContaining("NAME[:ARG][@AFTER]");
    }

    @Test
    void interruptCostsAreChargedToTheHostClock() {
        SimConfig config = SimConfig.builder().profile(MediaProfile.NULL).host(new HostModel(1_000, 2_000, 100, 0, 0)).build();
        TestHost t = new TestHost(config).enable(16, 2).ioPair(1, 16, 1);
        DmaRegion b = t.sim.allocateDma(4096);
        t.settle();
        t.sim.resetInterruptCounts();
        long start = t.sim.nanoTime();
        t.read(1, 0, 1, b);
        t.ring(1);
        assertThat(t.await(1, SECOND)).isEqualTo(1);
        assertThat(t.sim.nanoTime() - start).isEqualTo(3_000); // delivery + handler
        assertThat(t.sim.interruptCpuNanos()).isEqualTo(2_000);
        t.reap(1);
        assertThat(t.sim.completionCpuNanos()).isEqualTo(100);
    }

    @Test
    void maskWritesAndTheQueuesATakenInterruptStandsForAreChargedPerAction() {
        HostModel host = new HostModel(0, 1_000, 0, 30, 70);
        SimConfig config = SimConfig.builder().profile(MediaProfile.NULL).host(host).build();
        // Pin-based, three I/O CQs: the line names none, so the host looks at all three; the per-interrupt
        // charge holds the first look.
        TestHost pin = new TestHost(config).enable(16, 1);
        pin.sim.enableInterrupts(InterruptMode.PIN, 1);
        pin.ioPair(1, 16, 0).ioPair(2, 16, 0).ioPair(3, 16, 0);
        DmaRegion b = pin.sim.allocateDma(4096);
        pin.settle();
        pin.sim.resetInterruptCounts();
        pin.read(1, 0, 1, b);
        pin.ring(1);
        long start = pin.sim.nanoTime();
        assertThat(pin.await(0, SECOND)).isZero();
        assertThat(pin.sim.interruptCpuNanos()).isEqualTo(1_000 + 2 * 70);
        assertThat(pin.sim.nanoTime() - start).as("the looks delay the reaping").isEqualTo(1_000 + 2 * 70);
        pin.sim.mmioWrite32(Registers.INTMS, 1);
        pin.reap(1);
        pin.sim.mmioWrite32(Registers.INTMC, 1);
        assertThat(pin.sim.interruptCpuNanos()).isEqualTo(1_000 + 2 * 70 + 2 * 30);
        assertThat(pin.sim.nanoTime() - start).as("the mask writes are paid before the next wait")
                .isEqualTo(1_000 + 2 * 70);
        pin.sim.relax(0);
        assertThat(pin.sim.nanoTime() - start).isEqualTo(1_000 + 2 * 70 + 2 * 30);

        // MSI-X: the vector names its queues; one CQ per vector costs no extra look, two on one vector one.
        TestHost msix = new TestHost(config).enable(16, 4);
        msix.ioPair(1, 16, 1).ioPair(2, 16, 2).ioPair(3, 16, 2);
        DmaRegion m = msix.sim.allocateDma(4096);
        msix.settle();
        msix.sim.resetInterruptCounts();
        msix.read(1, 0, 1, m);
        msix.ring(1);
        assertThat(msix.await(1, SECOND)).isEqualTo(1);
        assertThat(msix.sim.interruptCpuNanos()).isEqualTo(1_000);
        msix.read(2, 0, 1, m);
        msix.ring(2);
        assertThat(msix.await(2, SECOND)).isEqualTo(2);
        assertThat(msix.sim.interruptCpuNanos()).isEqualTo(2_000 + 70);
    }

    @Test
    void pinModeIsMaskedWithIntms() {
        TestHost t = TestHost.nullMedia().enable(16, 1);
        assertThat(t.sim.enableInterrupts(InterruptMode.PIN, 8)).isEqualTo(1);
        t.ioPair(1, 16, 0);
        DmaRegion b = t.sim.allocateDma(4096);
        t.settle();
        t.sim.mmioWrite32(Registers.INTMS, 1);
        assertThat(t.sim.isMasked(0)).isTrue();
        t.read(1, 0, 1, b);
        t.ring(1);
        assertThat(t.await(0, 1_000_000)).isEqualTo(-1);
        t.sim.mmioWrite32(Registers.INTMC, 1);
        assertThat(t.await(0, SECOND)).isZero();
    }

    @Test
    void pinInterruptWhoseEntriesTheHostAcknowledgedWhileMaskedIsNotDeliveredOnIntmc() {
        TestHost t = TestHost.nullMedia().enable(16, 1);
        t.sim.enableInterrupts(InterruptMode.PIN, 1);
        t.ioPair(1, 16, 0).ioPair(2, 16, 0);
        DmaRegion b = t.sim.allocateDma(4096);
        t.settle();
        t.sim.mmioWrite32(Registers.INTMS, 1);
        t.read(1, 0, 1, b);
        t.ring(1);
        assertThat(t.await(0, 1_000_000)).isEqualTo(-1);
        assertThat(t.sim.isPending(0)).isTrue();
        assertThat(t.reap(1)).hasSize(1); // the host reaps and rings the CQ head doorbell while masked
        t.sim.mmioWrite32(Registers.INTMC, 1);
        assertThat(t.sim.isPending(0)).as("level: nothing is left to signal").isFalse();
        assertThat(t.await(0, SECOND)).isEqualTo(-1);
    }

    @Test
    void msiVectorStillPendingIsDeliveredOnIntmcAndOnlyThatVectorIsMasked() {
        TestHost t = TestHost.nullMedia().enable(16, 1);
        assertThat(t.sim.enableInterrupts(InterruptMode.MSI, 4)).isEqualTo(4);
        t.ioPair(1, 16, 1).ioPair(2, 16, 2);
        DmaRegion b = t.sim.allocateDma(4096);
        t.settle();
        t.sim.mmioWrite32(Registers.INTMS, 1 << 1);
        assertThat(t.sim.isMasked(1)).isTrue();
        assertThat(t.sim.isMasked(2)).isFalse();
        t.read(1, 0, 1, b);
        t.read(2, 0, 1, b);
        t.ring(1);
        t.ring(2);
        assertThat(t.await(2, SECOND)).isEqualTo(2);
        assertThat(t.await(1, 1_000_000)).isEqualTo(-1);
        assertThat(t.sim.isPending(1)).isTrue();
        t.sim.mmioWrite32(Registers.INTMC, 1 << 1);
        assertThat(t.await(1, SECOND)).as("queue 1's entry is still unacknowledged").isEqualTo(1);
    }

    @Test
    void msiGrantsAPowerOfTwo() {
        assertThat(h.sim.enableInterrupts(InterruptMode.MSI, 12)).isEqualTo(8);
        assertThat(h.sim.enableInterrupts(InterruptMode.MSI, 100)).isEqualTo(32);
        assertThat(h.sim.enableInterrupts(InterruptMode.MSIX, 100)).isEqualTo(65);
    }
}
