package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.host.CpuSet;
import org.nvmeworkbench.core.host.CpusAllowedPolicy;
import org.nvmeworkbench.core.host.InterruptAffinity;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;

/**
 * The simulator's whole per-I/O path with Feature 08h on (doorbell, fetch, complete, CQE, aggregation,
 * coalescing timer, signal, delivery, await) allocates nothing once warm. The host loop here writes
 * SQEs and reads CQEs in place so that whatever is allocated is the simulator's.
 */
class CoalescedIoPathAllocationTest {
    private static final int DEPTH = 32;
    private static final int ENTRIES = 64;

    private final TestHost h = new TestHost(SimConfig.builder().profile(MediaProfile.NULL).build()).enable(16, 4);
    private final DmaRegion buf = h.sim.allocateDma(4096);
    private final VectorSet vector1 = VectorSet.of(1);
    private int sqTail;
    private int cqHead;
    private int phase = 1;
    private int done;

    @Test
    void coalescedIoPathAllocatesNothing() {
        measure();
    }

    /** The same with the vector taken on CPU 3 and its queue reaped on CPU 5: the cross-core path and per-core books. */
    @Test
    void placedOnTwoCoresItStillAllocatesNothing() {
        h.sim.placeCores(CpuPlacement.NONE.withCpusAllowed(CpuSet.of(5)).withPolicy(CpusAllowedPolicy.SPLIT)
                .withIrqAffinity(new InterruptAffinity(CpuSet.of(3))).resolve(h.sim.hostTopology(), new int[] {1}, new int[] {1}));
        measure();
        assertThat(h.sim.coreFigures().remoteWakeups()[5]).isPositive();
    }

    private void measure() {
        h.ioPair(1, ENTRIES, 1);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, 7 | (1 << 8), false)); // 8 entries or 100 us
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        run(50_000); // warm up: JIT, the event heap at its working size
        long interruptsBefore = h.sim.interruptCount(1);
        long before = mx.getThreadAllocatedBytes(thread);
        run(100_000);
        long allocated = mx.getThreadAllocatedBytes(thread) - before;
        long interrupts = h.sim.interruptCount(1) - interruptsBefore;

        assertThat(interrupts).as("signals for 100,000 coalesced I/Os").isBetween(1L, 100_000L / 4);
        assertThat(allocated).as("bytes allocated for 100,000 I/Os").isLessThan(10_000);
    }

    /** Keeps {@link #DEPTH} reads in flight until {@code ios} completed. */
    private void run(int ios) {
        done = 0;
        int submitted = 0;
        for (; submitted < DEPTH; submitted++) {
            submit();
        }
        ring();
        while (done < ios) {
            if (h.sim.awaitInterrupt(vector1, 1_000_000_000L) != 1) {
                throw new AssertionError("no signal on vector 1 within a second"); // not assertThat: it allocates
            }
            int reaped = reap();
            for (int i = 0; i < reaped && submitted < ios; i++, submitted++) {
                submit();
            }
            ring();
        }
    }

    private void submit() {
        ByteBuffer b = h.sqMem[1].buffer();
        Sqe.write(b, sqTail * Sqe.SIZE, Opcodes.READ, sqTail, 1, buf.busAddress(), 0, sqTail, 0, 0, 0, 0, 0);
        sqTail = sqTail + 1 == ENTRIES ? 0 : sqTail + 1;
    }

    private void ring() {
        h.sim.mmioWrite32(Registers.sqTailDoorbell(1, h.dstrd), sqTail);
    }

    private int reap() {
        ByteBuffer b = h.cqMem[1].buffer();
        int n = 0;
        while (Cqe.phase(b, cqHead * Cqe.SIZE) == phase) {
            if (Cqe.status(Cqe.statusWord(b, cqHead * Cqe.SIZE)) != 0) {
                throw new AssertionError("read failed");
            }
            n++;
            if (++cqHead == ENTRIES) {
                cqHead = 0;
                phase ^= 1;
            }
        }
        if (n > 0) {
            h.sim.mmioWrite32(Registers.cqHeadDoorbell(1, h.dstrd), cqHead);
        }
        done += n;
        return n;
    }
}
