package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.StatusCode;

class QueueAndDataTest {
    private static final long SECOND = 1_000_000_000L;
    private final TestHost h = TestHost.nullMedia().enable(16, 4);

    private TestHost.Completion one(int qid) {
        h.ring(qid);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        List<TestHost.Completion> c = h.reap(qid);
        assertThat(c).hasSize(1);
        return c.get(0);
    }

    @Test
    void phaseFlipsAtEachWrap() {
        h.ioPair(1, 4, 1);
        DmaRegion buf = h.sim.allocateDma(4096);
        StringBuilder phases = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            h.read(1, i, 1, buf);
            TestHost.Completion c = one(1);
            phases.append(c.phase());
            assertThat(c.sqId()).isEqualTo(1);
            assertThat(c.sqHead()).isEqualTo((i + 1) % 4);
        }
        assertThat(phases).hasToString("1111000011");
    }

    @Test
    void fullCompletionQueueStallsPostingUntilTheHeadMoves() {
        TestHost.check(h.createCq(1, 4, true, 1));
        TestHost.check(h.createSq(1, 16, 1));
        h.size[1] = 16; // the SQ is larger than the CQ
        DmaRegion buf = h.sim.allocateDma(4096);
        for (int i = 0; i < 10; i++) {
            h.read(1, i, 1, buf);
        }
        h.ring(1);
        h.settle();
        assertThat(h.sim.cqTail(1)).isEqualTo(3); // 3 of 4 slots: full, nothing overwritten
        assertThat(h.sim.outstandingCommands()).isEqualTo(7);
        h.size[1] = 4;
        int got = h.reap(1).size();
        h.settle();
        got += h.reap(1).size();
        h.settle();
        got += h.reap(1).size();
        h.settle();
        got += h.reap(1).size();
        assertThat(got).isEqualTo(10);
    }

    @Test
    void prpOffsetThatIsNotDwordAlignedIsInvalidPrpOffset() {
        h.ioPair(1, 16, 1);
        DmaRegion buf = h.sim.allocateDma(8192);
        h.submit(1, Opcodes.READ, 1, buf.busAddress() + 2, 0, 0, 0, 0);
        assertThat(one(1).status()).isEqualTo(StatusCode.INVALID_PRP_OFFSET);
    }

    @Test
    void secondPrpThatIsNotPageAlignedIsInvalidPrpOffset() {
        h.ioPair(1, 16, 1);
        DmaRegion buf = h.sim.allocateDma(16384);
        // 4 KiB from offset 512: PRP1 covers 3.5 KiB, PRP2 must be the next page, aligned
        h.submit(1, Opcodes.READ, 1, buf.busAddress() + 512, buf.busAddress() + 4096 + 8, 0, 0, 7);
        assertThat(one(1).status()).isEqualTo(StatusCode.INVALID_PRP_OFFSET);
        h.submit(1, Opcodes.READ, 1, buf.busAddress() + 512, buf.busAddress() + 4096, 0, 0, 7);
        assertThat(one(1).status()).isZero();
    }

    @Test
    void misalignedPrpListEntryIsInvalidPrpOffset() {
        h.ioPair(1, 16, 1);
        DmaRegion data = h.sim.allocateDma(5 * 4096);
        DmaRegion list = h.sim.allocateDma(4096);
        list.buffer().putLong(0, data.busAddress() + 4096);
        list.buffer().putLong(8, data.busAddress() + 8192 + 16);
        h.submit(1, Opcodes.READ, 1, data.busAddress(), list.busAddress(), 0, 0, 23); // 12 KiB
        assertThat(one(1).status()).isEqualTo(StatusCode.INVALID_PRP_OFFSET);
    }

    @Test
    void dataWrittenThroughAPrpListReadsBackThroughAnOffsetPrp() {
        h.ioPair(1, 16, 1);
        int bytes = 64 * 1024;
        DmaRegion src = h.sim.allocateDma(bytes);
        DmaRegion list = h.sim.allocateDma(4096);
        for (int i = 0; i < bytes; i++) {
            src.buffer().put(i, (byte) (i * 31 + 7));
        }
        for (int p = 1; p < bytes / 4096; p++) {
            list.buffer().putLong((p - 1) * 8L > Integer.MAX_VALUE ? 0 : (p - 1) * 8, src.busAddress() + p * 4096L);
        }
        h.submit(1, Opcodes.WRITE, 1, src.busAddress(), list.busAddress(), 1000, 0, bytes / 512 - 1);
        assertThat(one(1).status()).isZero();

        DmaRegion dst = h.sim.allocateDma(8192);
        dst.buffer().put(0, new byte[8192]);
        h.submit(1, Opcodes.READ, 1, dst.busAddress() + 1024, dst.busAddress() + 4096, 1000 + 2, 0, 7); // 4 KiB
        assertThat(one(1).status()).isZero();
        for (int i = 0; i < 4096; i++) {
            assertThat(dst.buffer().get(1024 + i)).isEqualTo((byte) ((1024 + i) * 31 + 7));
        }
    }

    @Test
    void neverWrittenBlocksReadAsZeros() {
        h.ioPair(1, 16, 1);
        DmaRegion buf = h.sim.allocateDma(4096);
        for (int i = 0; i < 4096; i++) {
            buf.buffer().put(i, (byte) 0x5A);
        }
        h.read(1, 123_456_789L, 8, buf);
        assertThat(one(1).status()).isZero();
        for (int i = 0; i < 4096; i++) {
            assertThat(buf.buffer().get(i)).isZero();
        }
    }

    @Test
    void rangeAndNamespaceAreChecked() {
        h.ioPair(1, 16, 1);
        DmaRegion buf = h.sim.allocateDma(4096);
        h.read(1, SimConfig.DEFAULT_NAMESPACE_BLOCKS - 4, 8, buf);
        assertThat(one(1).status()).isEqualTo(StatusCode.LBA_OUT_OF_RANGE);
        h.submit(1, Opcodes.READ, 0, buf.busAddress(), 0, 0, 0, 0);
        assertThat(one(1).status()).isEqualTo(StatusCode.INVALID_NAMESPACE);
        h.submit(1, 0x7F, 1, buf.busAddress(), 0, 0, 0, 0);
        assertThat(one(1).status()).isEqualTo(StatusCode.INVALID_OPCODE);
        h.submit(1, Opcodes.FLUSH, 0xFFFFFFFF, 0, 0, 0, 0, 0);
        assertThat(one(1).status()).isZero();
    }

    @Test
    void unmappedBufferIsADataTransferError() {
        h.ioPair(1, 16, 1);
        h.submit(1, Opcodes.READ, 1, 0x1000, 0, 0, 0, 0);
        assertThat(one(1).status()).isEqualTo(StatusCode.DATA_TRANSFER_ERROR);
    }

    @Test
    void cqHeadDoorbellPastThePostedEntriesIsIgnored() {
        h.ioPair(1, 8, 1);
        DmaRegion buf = h.sim.allocateDma(4096);
        h.read(1, 0, 1, buf);
        h.ring(1);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        // One entry posted at slot 0: releasing three is a host bug the controller must not act on.
        h.sim.mmioWrite32(org.nvmeworkbench.core.spec.Registers.cqHeadDoorbell(1, h.dstrd), 3);
        assertThat(h.sim.invalidDoorbellWrites()).isEqualTo(1);
        assertThat(h.sim.cqHead(1)).isZero();
        assertThat(h.reap(1)).hasSize(1);
        assertThat(h.sim.cqHead(1)).isEqualTo(1);
        assertThat(h.sim.invalidDoorbellWrites()).isEqualTo(1);
    }
}
