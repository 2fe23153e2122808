package org.nvmeworkbench.core.workload;

import org.nvmeworkbench.core.record.RunRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.HostInterruptWork;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.sim.HostModel;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimTraceListener;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The host CPU each interrupt mode costs: the per-interrupt charge plus, per action the driver's handler
 * counted, the INTMS/INTMC writes and the completion queues examined beyond the one the interrupt names.
 */
class InterruptModeHostCostTest {
    private static final HostModel HOST = HostModel.DEFAULT;
    /** The "why MSI-X" workload: four queues at depth 8, coalescing off, so pin-based finds most queues empty. */
    private static final WorkloadSpec FOUR_QUEUES = WorkloadSpec.defaults().withIodepth(8).withQueues(4)
            .withLimits(0, 4_000).withCoalescing(InterruptCoalescing.OFF);

    private record Measured(RunRecord result, HostInterruptWork work, long cqHeadDoorbellsSeen) {
        double cpuNanos() {
            return result.hostIrqCpuPct() * result.durationNanos() / 100.0;
        }

        /** What the host model charges for the work the driver counted. */
        long modelNanos() {
            return result.totals().interrupts() * HOST.irqCpuNanos() + work.maskWrites() * HOST.mmioWriteNanos()
                    + (work.cqsExamined() - work.interrupts()) * HOST.cqExaminationNanos();
        }
    }

    private static Measured run(InterruptMode mode, WorkloadSpec spec) {
        SimConfig config = SimConfig.builder().profile(MediaProfile.TLC).seed(7).host(HOST).build();
        try (SimBench b = SimBench.attach(config, DriverOptions.DEFAULT.withInterruptMode(mode))) {
            long[] ioCqHeads = new long[1];
            b.sim.setTraceListener(new SimTraceListener() {
                @Override
                public void doorbell(int kind, int qid, int value, long t) {
                    if (kind == CQ_HEAD && qid > 0) {
                        ioCqHeads[0]++;
                    }
                }
            });
            HostInterruptWork before = b.ctrl.hostInterruptWork();
            RunRecord r = new WorkloadRunner().run(b.ctrl, spec, RunObserver.NONE);
            return new Measured(r, b.ctrl.hostInterruptWork().minus(before), ioCqHeads[0]);
        }
    }

    @Test
    void pinBasedCostsMoreThanMsixByTheMaskWritesAndTheExtraQueuesItExamined() {
        Measured pin = run(InterruptMode.PIN, FOUR_QUEUES);
        Measured msix = run(InterruptMode.MSIX, FOUR_QUEUES);
        assertThat(pin.result().totals().ios()).isEqualTo(msix.result().totals().ios()).isEqualTo(4_000);

        assertThat(pin.work().cqsExamined()).isEqualTo(4 * pin.work().interrupts());
        assertThat(pin.work().maskWrites()).isEqualTo(2 * pin.work().interrupts());
        long pinExtra = pin.work().maskWrites() * HOST.mmioWriteNanos()
                + 3 * pin.work().interrupts() * HOST.cqExaminationNanos();
        assertThat(pinExtra).as("five actions of 100 ns on every interrupt the handler took")
                .isEqualTo(500L * pin.work().interrupts()).isPositive();
        assertThat(pin.cpuNanos()).isCloseTo(pin.result().totals().interrupts() * HOST.irqCpuNanos() + pinExtra, within(1.0));
        assertThat(pin.cpuNanos()).isCloseTo(pin.modelNanos(), within(1.0));

        assertThat(msix.work().maskWrites()).isZero();
        assertThat(msix.work().cqsExamined()).isEqualTo(msix.work().interrupts());
        assertThat(msix.cpuNanos()).as("MSI-X pays the per-interrupt charge alone")
                .isCloseTo(msix.result().totals().interrupts() * HOST.irqCpuNanos(), within(1.0));

        // Same interrupts signalled, a larger share of the CPU.
        assertThat(pin.result().totals().interrupts()).isEqualTo(msix.result().totals().interrupts());
        assertThat(pin.result().hostIrqCpuPct()).isGreaterThan(msix.result().hostIrqCpuPct() + 10);
    }

    @Test
    void msiPaysTheMaskWritesButExaminesOnlyItsOwnQueue() {
        Measured msi = run(InterruptMode.MSI, FOUR_QUEUES);
        assertThat(msi.work().cqsExamined()).isEqualTo(msi.work().interrupts());
        assertThat(msi.work().maskWrites()).isEqualTo(2 * msi.work().interrupts());
        assertThat(msi.cpuNanos()).isCloseTo(msi.result().totals().interrupts() * HOST.irqCpuNanos()
                + msi.work().maskWrites() * HOST.mmioWriteNanos(), within(1.0));
    }

    @Test
    void everyRingIsReapedByTheInterruptHandlerWhenNoInterruptIsLost() {
        // An interrupt that finds its queue empty is not followed by a look at every other queue: all the
        // reaping (one CQ head doorbell per reap that found entries) is the handler's counted work.
        for (InterruptMode mode : InterruptMode.values()) {
            Measured m = run(mode, FOUR_QUEUES);
            assertThat(m.work().emptyExaminations()).as(mode + " has interrupts that find nothing").isPositive();
            assertThat(m.cqHeadDoorbellsSeen()).as(mode.toString()).isEqualTo(m.work().cqHeadDoorbells());
            assertThat(m.result().notes()).noneMatch(n -> n.contains("without their interrupt"));
        }
    }

    @Test
    void msixFiguresAreThoseOfThePerInterruptModelAlone() {
        // Measured before the per-action costs existed (seed 7, tlc): MSI-X does no per-action work, so its
        // figures must not move.
        WorkloadSpec coalesced = WorkloadSpec.defaults().withIodepth(32).withLimits(0, 20_000)
                .withCoalescing(new InterruptCoalescing(7, 2));
        RunRecord one = run(InterruptMode.MSIX, coalesced).result();
        assertThat(one.durationNanos()).isEqualTo(68_829_214L);
        assertThat(one.totals().interrupts()).isEqualTo(2_500);
        assertThat(one.hostIrqCpuPct()).isCloseTo(3.632178626941752, within(1e-12));
        assertThat(one.readLatency().valueAtPercentile(99)).isEqualTo(243_583L);

        RunRecord four = run(InterruptMode.MSIX, coalesced.withQueues(4)).result();
        assertThat(four.durationNanos()).isEqualTo(37_947_202L);
        assertThat(four.totals().interrupts()).isEqualTo(2_503);
        assertThat(four.hostIrqCpuPct()).isCloseTo(6.596006735885297, within(1e-12));
        assertThat(four.readLatency().valueAtPercentile(99)).isEqualTo(710_143L);
    }

    @Test
    void aLostInterruptOnOneOfFourVectorsIsStillRecoveredByTheTimeoutPoll() {
        SimConfig config = SimConfig.builder().profile(MediaProfile.NULL).seed(7).host(HOST).build();
        try (SimBench b = SimBench.attach(config, DriverOptions.DEFAULT)) {
            b.sim.faults().inject("lost-interrupt:2@20");
            RunRecord r = new WorkloadRunner().run(b.ctrl, WorkloadSpec.defaults().withIodepth(1).withQueues(4)
                    .withLimits(0, 200).withCoalescing(InterruptCoalescing.OFF), RunObserver.NONE);
            assertThat(r.totals().ios()).isEqualTo(200);
            assertThat(r.notes()).anyMatch(n -> n.contains("without their interrupt"));
        }
    }
}
