package org.nvmeworkbench.core.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;

class IoQueuePairTest {

    /** Collects completions into fields: no allocation. */
    static final class Collector implements CompletionSink {
        int count;
        int lastCid = -1;
        int lastStatus = -1;
        int errors;

        @Override
        public void onCompletion(int qid, int cid, int status, long result) {
            count++;
            lastCid = cid;
            lastStatus = status;
            if (status != 0) {
                errors++;
            }
        }
    }

    static void waitFor(SimBench b, IoQueuePair q, Collector c, int total) {
        VectorSet vs = VectorSet.of(q.vector());
        for (int spins = 0; c.count < total; spins++) {
            if (q.reapCompletions(c) == 0) {
                b.sim.awaitInterrupt(vs, 1_000_000_000L);
            }
            assertThat(spins).as("completions never arrived").isLessThan(10_000);
        }
    }

    @Test
    void writeThenReadBackThroughAPrpList() {
        // 64 KiB = 16 pages: PRP1 plus a PRP list of 15 entries.
        assertRoundTrip(64 * 1024);
    }

    @Test
    void writeThenReadBackWithTwoPrps() {
        assertRoundTrip(8 * 1024);
    }

    private static void assertRoundTrip(int bytes) {
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 8, 1, bytes);
            ByteBuffer data = q.dataRegion().buffer();
            int out = q.slotOffset(0);
            for (int i = 0; i < bytes; i += 4) {
                data.putInt(out + i, i * 0x9E3779B1 + 7);
            }
            int blocks = bytes / q.lbaSize();
            Collector c = new Collector();
            assertThat(q.submitWrite(0, 4096, blocks)).isTrue();
            q.ringSqDoorbell();
            waitFor(b, q, c, 1);
            assertThat(c.lastStatus).isZero();

            assertThat(q.submitRead(1, 4096, blocks)).isTrue();
            q.ringSqDoorbell();
            waitFor(b, q, c, 2);
            assertThat(c.lastStatus).isZero();
            int in = q.slotOffset(1);
            for (int i = 0; i < bytes; i += 4) {
                if (data.getInt(in + i) != data.getInt(out + i)) {
                    throw new AssertionError("byte " + i + " of the read differs from what was written");
                }
            }
            assertThat(q.opcodeOf(1)).isEqualTo(Opcodes.READ);
        }
    }

    @Test
    void aRingHoldsOneEntryLessThanItsSize() {
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 4, 1, 4096);
            assertThat(q.slots()).isEqualTo(3);
            for (int cid = 0; cid < 3; cid++) {
                assertThat(q.isFull()).isFalse();
                assertThat(q.submitRead(cid, cid, 1)).isTrue();
            }
            assertThat(q.isFull()).isTrue();
            assertThatThrownBy(() -> q.submitRead(0, 0, 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already has a command in flight");
            QueueRingSnapshot before = q.ringSnapshot();
            assertThat(before.sqTail()).as("not published before the doorbell").isZero();
            q.ringSqDoorbell();
            Collector c = new Collector();
            waitFor(b, q, c, 3);
            QueueRingSnapshot after = q.ringSnapshot();
            assertThat(after.sqTail()).isEqualTo(3);
            assertThat(after.sqHead()).isEqualTo(3);
            assertThat(after.cqHead()).isEqualTo(3);
            assertThat(after.inFlight()).isZero();
            assertThat(q.isFull()).isFalse();
        }
    }

    @Test
    void phaseFlipsWhenTheCompletionQueueWraps() {
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 4, 1, 4096);
            Collector c = new Collector();
            for (int i = 0; i < 5; i++) {
                q.submitRead(0, i, 1);
                q.ringSqDoorbell();
                waitFor(b, q, c, i + 1);
            }
            assertThat(q.cqHead()).isEqualTo(1);
            assertThat(q.phase()).isZero();
            assertThat(b.sim.cqHead(1)).isEqualTo(1);
        }
    }

    @Test
    void steadySubmitAndReapAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 33, 1, 4096);
            Resubmitter r = new Resubmitter(q);
            VectorSet vs = VectorSet.of(1);
            r.loop(b, vs, 50_000); // warm up: JIT, lazily built state in the simulator
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            r.loop(b, vs, 100_000);
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertThat(allocated).as("bytes allocated for 100,000 I/Os").isLessThan(10_000);
        }
    }

    /** Keeps 32 reads in flight, resubmitting each slot as it completes. */
    static final class Resubmitter implements CompletionSink {
        final IoQueuePair q;
        long lba;
        int done;
        int target;

        Resubmitter(IoQueuePair q) {
            this.q = q;
        }

        void loop(SimBench b, VectorSet vs, int ios) {
            done = 0;
            target = ios;
            for (int cid = 0; cid < 32; cid++) {
                q.submitRead(cid, lba++ & 0xFFFF, 1);
            }
            q.ringSqDoorbell();
            while (done < ios || q.inFlight() > 0) {
                b.sim.awaitInterrupt(vs, 1_000_000_000L);
                q.reapCompletions(this);
                q.ringSqDoorbell();
            }
        }

        @Override
        public void onCompletion(int qid, int cid, int status, long result) {
            done++;
            if (done + q.inFlight() < target) {
                q.submitRead(cid, lba++ & 0xFFFF, 1);
            }
        }
    }
}
