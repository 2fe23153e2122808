package org.nvmeworkbench.core.driver;

import java.nio.ByteBuffer;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;

/**
 * The admin submission and completion queues (queue 0) and the host's side of their rings. Commands
 * are synchronous: {@link #submit} then {@link #await}; entries for other CIDs (a late completion of
 * an aborted command) are handed back as strays.
 */
final class AdminQueue {

    /** One admin completion entry. */
    record Completion(int cid, int status, int dw0, int sqHead) {
    }

    /** Receives completions that belong to no command being waited for. */
    interface StrayHandler {
        void stray(Completion c);
    }

    private final PciFunction pci;
    private final int entries;
    private final DmaRegion sqRegion;
    private final DmaRegion cqRegion;
    private final ByteBuffer sq;
    private final ByteBuffer cq;
    private final VectorSet adminVector = VectorSet.of(0);
    private int sqDoorbell;
    private int cqDoorbell;
    private int sqTail;
    private int sqHead;
    private int cqHead;
    private int phase = 1;
    private int nextCid;

    AdminQueue(PciFunction pci, int entries) {
        this.pci = pci;
        this.entries = entries;
        this.sqRegion = pci.allocateDma(entries * Sqe.SIZE);
        DmaRegion cqR;
        try {
            cqR = pci.allocateDma(entries * Cqe.SIZE);
        } catch (RuntimeException e) {
            sqRegion.close();
            throw e;
        }
        this.cqRegion = cqR;
        this.sq = sqRegion.buffer();
        this.cq = cqRegion.buffer();
    }

    int entries() {
        return entries;
    }

    long sqBusAddress() {
        return sqRegion.busAddress();
    }

    long cqBusAddress() {
        return cqRegion.busAddress();
    }

    /** Empties both rings for a freshly enabled controller. */
    void reset(int dstrd) {
        for (int i = 0; i < sq.capacity(); i += 8) {
            sq.putLong(i, 0L);
        }
        for (int i = 0; i < cq.capacity(); i += 8) {
            cq.putLong(i, 0L);
        }
        sqTail = 0;
        sqHead = 0;
        cqHead = 0;
        phase = 1;
        sqDoorbell = Registers.sqTailDoorbell(0, dstrd);
        cqDoorbell = Registers.cqHeadDoorbell(0, dstrd);
    }

    boolean full() {
        return (sqTail + 1) % entries == sqHead;
    }

    /** Writes the SQE, rings the doorbell and returns the CID it was given. */
    int submit(int opcode, int nsid, long prp1, long prp2, int cdw10, int cdw11, int cdw12, int cdw13,
               int cdw14, int cdw15) {
        if (full()) {
            throw new DriverException("The admin submission queue is full; an earlier command never completed.");
        }
        int cid = nextCid;
        nextCid = (nextCid + 1) & 0xFFFF;
        Sqe.write(sq, sqTail * Sqe.SIZE, opcode, cid, nsid, prp1, prp2, cdw10, cdw11, cdw12, cdw13, cdw14, cdw15);
        sqTail = (sqTail + 1) % entries;
        pci.mmioWrite32(sqDoorbell, sqTail);
        return cid;
    }

    /**
     * Waits for the completion of {@code cid}: by interrupt on vector 0 (in slices of
     * {@code recheckNanos}, checking the ring after each slice so a lost interrupt costs one slice, not
     * a hang) or by polling. Returns null when {@code timeoutNanos} passed on the device clock.
     *
     * @throws ControllerFatalException when CSTS.CFS is seen while waiting
     */
    Completion await(int cid, long timeoutNanos, long recheckNanos, boolean poll, String what,
                     StrayHandler strays) {
        long deadline = pci.nanoTime() + timeoutNanos;
        while (true) {
            Completion mine = drain(cid, strays);
            if (mine != null) {
                return mine;
            }
            int csts = pci.mmioRead32(Registers.CSTS);
            if (Registers.cstsFatal(csts)) {
                throw new ControllerFatalException("The controller reported a fatal error (CSTS.CFS) during " + what
                        + "; recover() resets it and sets the desired features again.");
            }
            long now = pci.nanoTime();
            if (now - deadline >= 0) {
                return null;
            }
            long slice = Math.min(deadline - now, recheckNanos);
            if (poll || pci.vectorCount() == 0) {
                pci.relax(Math.min(slice, 10_000L));
            } else {
                pci.awaitInterrupt(adminVector, slice);
            }
        }
    }

    private Completion drain(int cid, StrayHandler strays) {
        Completion mine = null;
        int consumed = 0;
        while (true) {
            int at = cqHead * Cqe.SIZE;
            int sw = Cqe.statusWord(cq, at);
            if ((sw & 1) != phase) {
                break;
            }
            Completion c = new Completion(Cqe.cid(cq, at), Cqe.status(sw), Cqe.result(cq, at), Cqe.sqHead(cq, at));
            sqHead = c.sqHead();
            if (++cqHead == entries) {
                cqHead = 0;
                phase ^= 1;
            }
            consumed++;
            if (c.cid() == cid && mine == null) {
                mine = c;
            } else {
                strays.stray(c);
            }
        }
        if (consumed > 0) {
            pci.mmioWrite32(cqDoorbell, cqHead);
        }
        return mine;
    }

    void close() {
        sqRegion.close();
        cqRegion.close();
    }
}
