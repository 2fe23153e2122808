package org.nvmeworkbench.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The driver's interrupt service on the simulator, checked against the register writes the device
 * actually received: pin-based examines every CQ and masks with INTMS/INTMC around the head doorbells,
 * MSI masks its vector's bit and examines its own CQ, MSI-X neither masks nor examines another CQ.
 */
class IoInterruptHandlerTest {
    private static final int QUEUES = 4;

    /** Records INTMS, INTMC and I/O CQ head doorbell writes, in order, as the device receives them. */
    private static final class RegisterLog extends ForwardingPci {
        final List<String> writes = new ArrayList<>();
        int dstrd;

        RegisterLog(SimulatedController sim) {
            super(sim);
        }

        @Override
        public void mmioWrite32(int offset, int value) {
            if (offset == Registers.INTMS) {
                writes.add("INTMS " + value);
            } else if (offset == Registers.INTMC) {
                writes.add("INTMC " + value);
            } else {
                for (int qid = 1; qid <= QUEUES; qid++) {
                    if (offset == Registers.cqHeadDoorbell(qid, dstrd)) {
                        writes.add("CQ" + qid);
                    }
                }
            }
            super.mmioWrite32(offset, value);
        }

        long count(String prefix) {
            return writes.stream().filter(w -> w.startsWith(prefix)).count();
        }
    }

    private record Outcome(RunRecord result, HostInterruptWork work, RegisterLog log) {
    }

    private static Outcome run(InterruptMode mode, InterruptCoalescing coalescing) {
        SimulatedController sim = SimulatedController.create(
                SimConfig.builder().profile(MediaProfile.byName("tlc")).seed(7).build());
        RegisterLog log = new RegisterLog(sim);
        log.dstrd = Registers.capDstrd(sim.mmioRead64(Registers.CAP));
        try (NvmeController ctrl = NvmeController.attach(log,
                DriverOptions.DEFAULT.withInterruptMode(mode).withIoQueues(QUEUES))) {
            log.writes.clear(); // bring-up is not interrupt work
            HostInterruptWork before = ctrl.hostInterruptWork();
            RunRecord r = new WorkloadRunner().run(ctrl, WorkloadSpec.defaults().withQueues(QUEUES).withIodepth(8)
                    .withLimits(0, 2_000).withCoalescing(coalescing), RunObserver.NONE);
            return new Outcome(r, ctrl.hostInterruptWork().minus(before), log);
        } finally {
            sim.close();
        }
    }

    @Test
    void pinBasedExaminesEveryQueueAndMasksAroundTheDoorbellsOnEveryInterrupt() {
        Outcome o = run(InterruptMode.PIN, InterruptCoalescing.OFF);
        HostInterruptWork w = o.work();
        assertThat(o.result().totals().ios()).isEqualTo(2_000);
        // Signals that reach the host before it wakes are taken as one: at most one service per signal.
        assertThat(w.interrupts()).isBetween(1L, o.result().totals().interrupts());
        assertThat(w.cqsExaminedPerInterrupt()).isEqualTo(4.0);
        assertThat(w.emptyExaminations()).as("a shared line makes the host look at queues with nothing")
                .isPositive().isEqualTo(w.cqsExamined() - w.cqHeadDoorbells());
        assertThat(w.maskSetWrites()).isEqualTo(w.interrupts());
        assertThat(w.maskClearWrites()).isEqualTo(w.interrupts());
        // What the device received: INTMS bit 0, then the head doorbells, then INTMC bit 0, every time.
        assertThat(o.log().count("INTMS")).isEqualTo(w.interrupts());
        assertThat(o.log().count("INTMC")).isEqualTo(w.interrupts());
        assertThat(o.log().count("CQ")).isEqualTo(w.cqHeadDoorbells());
        boolean masked = false;
        for (String s : o.log().writes) {
            if (s.equals("INTMS 1")) {
                assertThat(masked).as("INTMS while already masked").isFalse();
                masked = true;
            } else if (s.equals("INTMC 1")) {
                assertThat(masked).as("INTMC without INTMS").isTrue();
                masked = false;
            } else {
                assertThat(s).startsWith("CQ");
                assertThat(masked).as("%s rung while the line was unmasked", s).isTrue();
            }
        }
        assertThat(masked).isFalse();
    }

    @Test
    void msiMasksTheVectorsOwnBitAndExaminesOnlyItsQueue() {
        Outcome o = run(InterruptMode.MSI, InterruptCoalescing.OFF);
        HostInterruptWork w = o.work();
        assertThat(w.interrupts()).isBetween(1L, o.result().totals().interrupts());
        assertThat(w.cqsExaminedPerInterrupt()).isEqualTo(1.0);
        assertThat(w.maskWritesPerInterrupt()).isEqualTo(2.0);
        assertThat(o.log().count("INTMS")).isEqualTo(w.interrupts());
        // Queue n signals vector n in MSI (8 vectors granted for 5 queues with the admin queue).
        assertThat(o.log().writes).contains("INTMS 2", "INTMC 2", "INTMS 16", "INTMC 16").doesNotContain("INTMS 1");
    }

    @Test
    void msixNeverWritesIntmsOrIntmcAndExaminesOneQueuePerInterrupt() {
        Outcome o = run(InterruptMode.MSIX, new InterruptCoalescing(3, 1));
        HostInterruptWork w = o.work();
        assertThat(w.interrupts()).isBetween(1L, o.result().totals().interrupts());
        assertThat(w.cqsExaminedPerInterrupt()).isEqualTo(1.0);
        assertThat(w.maskWrites()).isZero();
        assertThat(o.log().count("INTMS") + o.log().count("INTMC")).isZero();
        assertThat(w.cqHeadDoorbells()).isEqualTo(o.log().count("CQ"));
    }

    @Test
    void pinBasedServiceWithMaskingAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (SimBench b = SimBench.attach(SimConfig.builder().profile(MediaProfile.byName("null")).seed(7).build(),
                DriverOptions.DEFAULT.withInterruptMode(InterruptMode.PIN).withIoQueues(QUEUES))) {
            IoQueuePair[] qs = new IoQueuePair[QUEUES];
            for (int i = 0; i < QUEUES; i++) {
                qs[i] = b.ctrl.createIoQueuePair(i + 1, 9, 0, 4096);
            }
            IoInterruptHandler h = b.ctrl.interruptHandler(qs);
            VectorSet line = VectorSet.of(0);
            CompletionSink resubmit = (qid, cid, status, result) -> qs[qid - 1].submitRead(cid, cid, 1);
            for (IoQueuePair q : qs) {
                for (int cid = 0; cid < 8; cid++) {
                    q.submitRead(cid, cid, 1);
                }
                q.ringSqDoorbell();
            }
            Runnable loop = () -> {
                for (int i = 0; i < 50_000; i++) {
                    if (b.sim.awaitInterrupt(line, 1_000_000_000L) == 0) {
                        h.service(0, resubmit);
                    }
                    for (IoQueuePair q : qs) {
                        q.ringSqDoorbell();
                    }
                }
            };
            loop.run(); // warm up: JIT, lazily built state in the simulator
            HostInterruptWork before = b.ctrl.hostInterruptWork();
            long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            loop.run();
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes;
            HostInterruptWork w = b.ctrl.hostInterruptWork().minus(before);
            assertThat(w.interrupts()).isPositive();
            assertThat(w.maskSetWrites()).isEqualTo(w.interrupts());
            assertThat(w.cqsExamined()).isEqualTo(QUEUES * w.interrupts());
            assertThat(allocated).as("bytes allocated servicing %d interrupts", w.interrupts()).isLessThan(1024);
        }
    }

    @Test
    void workIsTheDifferenceOfTwoSnapshots() {
        HostInterruptWork a = new HostInterruptWork(10, 40, 30, 10, 10, 10);
        HostInterruptWork b = new HostInterruptWork(4, 16, 12, 4, 4, 4);
        assertThat(a.minus(b)).isEqualTo(new HostInterruptWork(6, 24, 18, 6, 6, 6));
        assertThat(a.maskWritesPerInterrupt()).isEqualTo(2.0);
        assertThat(HostInterruptWork.NONE.cqsExaminedPerInterrupt()).isZero();
    }
}
