package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;

/**
 * A tiny register-level host for tests: writes SQEs with {@link Sqe} into DMA memory, rings doorbells,
 * reads CQEs. Not a driver: it does exactly what each test asks, so tests can also do it wrong.
 */
final class TestHost {
    record Completion(int result, int sqHead, int sqId, int cid, int status, int phase, long time) {
    }

    final SimulatedController sim;
    final int dstrd;
    final int[] sqTail = new int[65];
    final int[] cqHead = new int[65];
    final int[] cqPhase = new int[65];
    final int[] size = new int[65];
    final DmaRegion[] sqMem = new DmaRegion[65];
    final DmaRegion[] cqMem = new DmaRegion[65];
    int nextCid = 1;

    TestHost(SimConfig config) {
        sim = SimulatedController.create(config);
        dstrd = config.dstrd();
    }

    static TestHost nullMedia() {
        return new TestHost(SimConfig.builder().profile(MediaProfile.NULL).host(HostModel.FREE).build());
    }

    /** Bus master on, admin queues of {@code entries}, MSI-X with {@code vectors}, CC.EN=1, wait for RDY. */
    TestHost enable(int entries, int vectors) {
        sim.configWrite16(0x04, 0x6);
        sim.enableInterrupts(InterruptMode.MSIX, vectors);
        sqMem[0] = sim.allocateDma(entries * 64);
        cqMem[0] = sim.allocateDma(entries * 16);
        size[0] = entries;
        cqPhase[0] = 1;
        sim.mmioWrite32(Registers.AQA, Registers.aqa(entries, entries));
        sim.mmioWrite64(Registers.ASQ, sqMem[0].busAddress());
        sim.mmioWrite64(Registers.ACQ, cqMem[0].busAddress());
        sim.mmioWrite32(Registers.CC, Registers.cc(true, 0, 0, 0, 0, Sqe.IOSQES, Cqe.IOCQES));
        waitReady();
        return this;
    }

    void waitReady() {
        for (int i = 0; i < 1000 && (sim.mmioRead32(Registers.CSTS) & 3) == 0; i++) {
            sim.relax(100_000);
        }
    }

    int submit(int qid, int opcode, int nsid, long prp1, long prp2, int cdw10, int cdw11, int cdw12) {
        int cid = nextCid++ & 0xFFFF;
        ByteBuffer b = sqMem[qid].buffer();
        Sqe.write(b, sqTail[qid] * 64, opcode, cid, nsid, prp1, prp2, cdw10, cdw11, cdw12, 0, 0, 0);
        sqTail[qid] = (sqTail[qid] + 1) % size[qid];
        return cid;
    }

    void ring(int qid) {
        sim.mmioWrite32(Registers.sqTailDoorbell(qid, dstrd), sqTail[qid]);
    }

    /** Consumes every CQE whose phase matches; writes the CQ head doorbell if any. */
    List<Completion> reap(int qid) {
        List<Completion> out = new ArrayList<>();
        ByteBuffer b = cqMem[qid].buffer();
        while (Cqe.phase(b, cqHead[qid] * 16) == cqPhase[qid]) {
            int at = cqHead[qid] * 16;
            int sw = Cqe.statusWord(b, at);
            out.add(new Completion(Cqe.result(b, at), Cqe.sqHead(b, at), Cqe.sqId(b, at), Cqe.cid(b, at),
                    Cqe.status(sw), sw & 1, sim.nanoTime()));
            if (++cqHead[qid] == size[qid]) {
                cqHead[qid] = 0;
                cqPhase[qid] ^= 1;
            }
        }
        if (!out.isEmpty()) {
            sim.mmioWrite32(Registers.cqHeadDoorbell(qid, dstrd), cqHead[qid]);
        }
        return out;
    }

    /** Submits one admin command and polls (relax) until its CQE arrives. */
    Completion admin(int opcode, int nsid, long prp1, int cdw10, int cdw11) {
        submit(0, opcode, nsid, prp1, 0, cdw10, cdw11, 0);
        ring(0);
        for (int i = 0; i < 10_000; i++) {
            List<Completion> c = reap(0);
            if (!c.isEmpty()) {
                return c.get(0);
            }
            sim.relax(1_000_000);
        }
        throw new AssertionError("admin command " + opcode + " never completed");
    }

    Completion setFeature(int fid, int cdw11, boolean save) {
        return admin(Opcodes.SET_FEATURES, 0, 0, FeatureId.cdw10Set(fid, save), cdw11);
    }

    Completion getFeature(int fid, int sel, int cdw11) {
        return admin(Opcodes.GET_FEATURES, 0, 0, FeatureId.cdw10Get(fid, sel), cdw11);
    }

    Completion createCq(int qid, int entries, boolean ien, int vector) {
        DmaRegion mem = sim.allocateDma(entries * 16);
        Completion c = admin(Opcodes.CREATE_IO_CQ, 0, mem.busAddress(), (qid) | ((entries - 1) << 16),
                1 | (ien ? 2 : 0) | (vector << 16));
        if (c.status() == 0) {
            cqMem[qid] = mem;
            size[qid] = entries;
            cqPhase[qid] = 1;
            cqHead[qid] = 0;
        }
        return c;
    }

    Completion createSq(int qid, int entries, int cqid) {
        DmaRegion mem = sim.allocateDma(entries * 64);
        Completion c = admin(Opcodes.CREATE_IO_SQ, 0, mem.busAddress(), qid | ((entries - 1) << 16), 1 | (cqid << 16));
        if (c.status() == 0) {
            sqMem[qid] = mem;
            sqTail[qid] = 0;
        }
        return c;
    }

    /** I/O pair qid on interrupt vector {@code vector}. */
    TestHost ioPair(int qid, int entries, int vector) {
        check(createCq(qid, entries, true, vector));
        check(createSq(qid, entries, qid));
        return this;
    }

    static void check(Completion c) {
        if (c.status() != 0) {
            throw new AssertionError("status " + Integer.toHexString(c.status()));
        }
    }

    int read(int qid, long slba, int blocks, DmaRegion buf) {
        return submit(qid, Opcodes.READ, 1, buf.busAddress(), 0, (int) slba, (int) (slba >>> 32), blocks - 1);
    }

    int write(int qid, long slba, int blocks, DmaRegion buf) {
        return submit(qid, Opcodes.WRITE, 1, buf.busAddress(), 0, (int) slba, (int) (slba >>> 32), blocks - 1);
    }

    /** Lets every signal in flight arrive and consumes it, so counts start from a quiet state. */
    void settle() {
        VectorSet all = new VectorSet();
        for (int v = 0; v < 65; v++) {
            all.add(v);
        }
        while (sim.awaitInterrupt(all, 1_000) >= 0) {
            // consume
        }
    }

    int await(int vector, long timeout) {
        return sim.awaitInterrupt(VectorSet.of(vector), timeout);
    }
}
