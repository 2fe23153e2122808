package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.StatusCode;

class InterruptCoalescingTest {
    private static final long SECOND = 1_000_000_000L;

    private final TestHost h = TestHost.nullMedia().enable(16, 8);
    private final DmaRegion buf = h.sim.allocateDma(4096);

    private void coalesce(int thr, int time) {
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, thr | (time << 8), false));
    }

    /** Submits {@code n} reads on queue {@code qid} and rings once. */
    private void reads(int qid, int n) {
        for (int i = 0; i < n; i++) {
            h.read(qid, i, 1, buf);
        }
        h.ring(qid);
    }

    /** Waits for interrupts on {@code vector} and reaps until {@code n} completions arrived, then drains. */
    private int reapAll(int qid, int vector, int n) {
        int got = 0;
        while (got < n) {
            assertThat(h.await(vector, SECOND)).as("interrupt on vector %d", vector).isEqualTo(vector);
            got += h.reap(qid).size();
        }
        while (h.await(vector, 1_000) >= 0) {
            got += h.reap(qid).size();
        }
        return got;
    }

    @Test
    void thresholdIsZerosBased() {
        h.ioPair(1, 64, 1);
        coalesce(7, 255);
        reads(1, 32);
        assertThat(reapAll(1, 1, 32)).isEqualTo(32);
        assertThat(h.sim.interruptCount(1)).isEqualTo(4); // THR 7 = 8 completions per interrupt
    }

    @Test
    void cqHeadDoorbellDoesNotRestartAggregation() {
        // iodepth 32, the host reaps everything at each wake-up and resubmits at once: with the count
        // kept since the last signal, completions per interrupt stays exactly THR + 1.
        h.ioPair(1, 64, 1);
        coalesce(7, 255);
        reads(1, 32);
        int done = 0;
        int submitted = 32;
        while (done < 512) {
            assertThat(h.await(1, SECOND)).isEqualTo(1);
            List<TestHost.Completion> c = h.reap(1);
            done += c.size();
            for (int i = 0; i < c.size() && submitted < 512; i++, submitted++) {
                h.read(1, submitted, 1, buf);
            }
            h.ring(1);
        }
        assertThat(done).isEqualTo(512);
        h.settle();
        assertThat(h.sim.interruptCount(1)).isEqualTo(512 / 8);
    }

    @Test
    void timeAloneSignalsAfterTimeTimes100Microseconds() {
        h.ioPair(1, 64, 1);
        coalesce(255, 3);
        long start = h.sim.nanoTime();
        reads(1, 5);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        assertThat(h.sim.nanoTime() - start).isEqualTo(300_000);
        assertThat(h.reap(1)).hasSize(5);
        assertThat(h.sim.interruptCount(1)).isEqualTo(1);
    }

    @Test
    void timerIsArmedByTheFirstPendingCompletionAndNotRestarted() {
        h.ioPair(1, 64, 1);
        coalesce(255, 1);
        long start = h.sim.nanoTime();
        reads(1, 1);
        assertThat(h.await(1, 50_000)).isEqualTo(-1);
        assertThat(h.sim.coalescingTimerArmed(1)).isTrue();
        assertThat(h.sim.coalescingDeadline(1)).isEqualTo(start + 100_000);
        assertThat(h.sim.coalescingPending(1)).isEqualTo(1);
        h.read(1, 7, 1, buf);
        h.ring(1);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        assertThat(h.sim.nanoTime() - start).isEqualTo(100_000);
        assertThat(h.reap(1)).hasSize(2);
        assertThat(h.sim.coalescingTimerArmed(1)).isFalse();
        assertThat(h.sim.coalescingPending(1)).isZero();
    }

    @Test
    void zeroThresholdTurnsCoalescingOff() {
        h.ioPair(1, 64, 1);
        coalesce(0, 10);
        reads(1, 8);
        reapAll(1, 1, 8);
        assertThat(h.sim.interruptCount(1)).isEqualTo(8);
    }

    @Test
    void zeroTimeTurnsCoalescingOff() {
        h.ioPair(1, 64, 1);
        coalesce(7, 0);
        reads(1, 8);
        reapAll(1, 1, 8);
        assertThat(h.sim.interruptCount(1)).isEqualTo(8);
    }

    @Test
    void coalescingDisableAppliesToItsVectorAlone() {
        h.ioPair(1, 64, 1).ioPair(2, 64, 2);
        coalesce(3, 255);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, 2 | InterruptVectorConfig.CD_BIT, false));
        reads(1, 4);
        reads(2, 4);
        reapAll(1, 1, 4);
        reapAll(2, 2, 4);
        assertThat(h.sim.interruptCount(1)).isEqualTo(1);
        assertThat(h.sim.interruptCount(2)).isEqualTo(4);
        assertThat(h.sim.coalescingDisabled(2)).isTrue();
        assertThat(h.sim.coalescingDisabled(1)).isFalse();
    }

    @Test
    void adminCompletionsAreNeverCoalesced() {
        coalesce(7, 255);
        h.settle();
        h.sim.resetInterruptCounts();
        for (int i = 0; i < 3; i++) {
            h.submit(0, Opcodes.GET_FEATURES, 0, 0, 0, FeatureId.INTERRUPT_COALESCING, 0, 0);
        }
        h.ring(0);
        int got = 0;
        while (got < 3) {
            assertThat(h.await(0, SECOND)).isZero();
            got += h.reap(0).size();
        }
        while (h.await(0, 1_000) >= 0) {
            h.reap(0);
        }
        assertThat(h.sim.interruptCount(0)).isEqualTo(3);
    }

    @Test
    void ioQueueSharingTheAdminVectorIsNotCoalesced() {
        h.ioPair(1, 64, 0);
        coalesce(7, 255);
        h.settle();
        h.sim.resetInterruptCounts();
        reads(1, 8);
        reapAll(1, 0, 8);
        assertThat(h.sim.interruptCount(0)).isEqualTo(8);
    }

    @Test
    void errorCompletionIsSignalledAtOnceCarryingWhatIsPending() {
        h.ioPair(1, 64, 1);
        coalesce(7, 255);
        List<int[]> raised = new ArrayList<>();
        h.sim.setTraceListener(new SimTraceListener() {
            @Override
            public void interruptRaised(int vector, int carried, long t) {
                raised.add(new int[] {vector, carried});
            }
        });
        long start = h.sim.nanoTime();
        for (int i = 0; i < 3; i++) {
            h.read(1, i, 1, buf);
        }
        h.submit(1, Opcodes.READ, 2, buf.busAddress(), 0, 0, 0, 0); // namespace 2 does not exist
        h.ring(1);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        assertThat(h.sim.nanoTime()).isEqualTo(start);
        List<TestHost.Completion> c = h.reap(1);
        assertThat(c).hasSize(4);
        assertThat(c.get(3).status()).isEqualTo(StatusCode.INVALID_NAMESPACE);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0)).containsExactly(1, 4);
        assertThat(h.sim.coalescingTimerArmed(1)).isFalse();
    }
}
