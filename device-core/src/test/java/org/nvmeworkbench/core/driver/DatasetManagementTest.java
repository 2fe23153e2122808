package org.nvmeworkbench.core.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.StatusCode;

/**
 * Dataset Management with AD (NVM Command Set spec 3.2.3) from the driver to the simulator: the range
 * goes in the slot's buffer, the controller deallocates it, and the blocks read back as zeros, as the
 * simulator's DLFEAT says; blocks outside the range keep their data.
 */
class DatasetManagementTest {
    private static void waitFor(SimBench b, IoQueuePair q, IoQueuePairTest.Collector c, int total) {
        IoQueuePairTest.waitFor(b, q, c, total);
    }

    @Test
    void deallocatedBlocksReadAsZerosAndTheOthersKeepTheirData() {
        try (SimBench b = SimBench.attach("tlc")) {
            assertThat(b.ctrl.identifyController().oncs() & Opcodes.ONCS_DATASET_MANAGEMENT).as("ONCS bit 2").isNotZero();
            int bytes = 64 * 1024;
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 8, 1, bytes);
            ByteBuffer data = q.dataRegion().buffer();
            int blocks = bytes / q.lbaSize();
            for (int i = 0; i < bytes; i += 4) {
                data.putInt(q.slotOffset(0) + i, 0x5A5A0000 | i);
            }
            IoQueuePairTest.Collector c = new IoQueuePairTest.Collector();
            assertThat(q.submitWrite(0, 1 << 20, blocks)).isTrue();
            q.ringSqDoorbell();
            waitFor(b, q, c, 1);
            assertThat(c.lastStatus).isZero();

            // Deallocate the middle half of what was written.
            assertThat(q.submitDeallocate(1, (1 << 20) + blocks / 4, blocks / 2)).isTrue();
            assertThat(q.opcodeOf(1)).isEqualTo(Opcodes.DATASET_MANAGEMENT);
            q.ringSqDoorbell();
            waitFor(b, q, c, 2);
            assertThat(c.lastStatus).isZero();

            assertThat(q.submitRead(2, 1 << 20, blocks)).isTrue();
            q.ringSqDoorbell();
            waitFor(b, q, c, 3);
            assertThat(c.lastStatus).isZero();
            int in = q.slotOffset(2);
            int lo = bytes / 4;
            int hi = lo + bytes / 2;
            for (int i = 0; i < bytes; i += 4) {
                int expected = i >= lo && i < hi ? 0 : 0x5A5A0000 | i;
                if (data.getInt(in + i) != expected) {
                    throw new AssertionError("byte " + i + " reads " + Integer.toHexString(data.getInt(in + i)));
                }
            }
        }
    }

    @Test
    void aRangePastTheNamespaceIsLbaOutOfRange() {
        try (SimBench b = SimBench.attach("null")) {
            IoQueuePair q = b.ctrl.createIoQueuePair(1, 8, 1, 4096);
            IoQueuePairTest.Collector c = new IoQueuePairTest.Collector();
            long nsze = b.ctrl.namespace().nsze();
            assertThat(q.submitDeallocate(0, nsze - 4, 8)).isTrue();
            q.ringSqDoorbell();
            waitFor(b, q, c, 1);
            assertThat(c.lastStatus).isEqualTo(StatusCode.LBA_OUT_OF_RANGE);
        }
    }
}
