package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;

import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Sqe;
import org.nvmeworkbench.core.spec.StatusCode;

/**
 * The NVM I/O command set: Read, Write, Flush and Dataset Management on namespace 1. Checks NSID, LBA
 * range, transfer size (MDTS) and PRPs when the command is fetched; a write takes its data from host
 * memory then, a read puts its data into host memory when the media is done, just before the CQE; a
 * deallocate reads its ranges then and drops their data.
 */
final class NvmCommands {
    private final SimulatedController c;
    private final int lbaSize;
    private final int lbaShift;
    private final long blocks;
    private final int maxTransfer;
    long readCommands;
    long writeCommands;
    long bytesRead;
    long bytesWritten;
    long deallocateCommands;
    long bytesDeallocated;
    /** A Dataset Management's range list (at most 256 ranges of 16 bytes), read from host memory. */
    private final byte[] ranges = new byte[256 * Opcodes.DSM_RANGE_BYTES];
    private final ByteBuffer rangeView = ByteBuffer.wrap(ranges).order(java.nio.ByteOrder.LITTLE_ENDIAN);

    NvmCommands(SimulatedController controller) {
        this.c = controller;
        this.lbaSize = controller.config().lbaSize();
        this.lbaShift = Integer.numberOfTrailingZeros(lbaSize);
        this.blocks = controller.config().namespaceBlocks();
        this.maxTransfer = 4096 << IdentifyData.MDTS;
    }

    void execute(int slot, ByteBuffer b, int at) {
        CommandTable t = c.commands;
        if (c.adminPendingAborts() > 0 && c.takePendingAbort(t.sqid[slot], t.cid[slot])) {
            c.path.fail(slot, StatusCode.ABORT_REQUESTED, false);
            return;
        }
        int opcode = t.opcode[slot];
        int nsid = b.getInt(at + Sqe.NSID);
        if (opcode == Opcodes.READ || opcode == Opcodes.WRITE) {
            if (!addressable(slot, b, at, nsid)) {
                return;
            }
            long slba = (b.getInt(at + Sqe.CDW10) & 0xFFFFFFFFL) | ((long) b.getInt(at + Sqe.CDW11) << 32);
            int count = (b.getInt(at + Sqe.CDW12) & 0xFFFF) + 1;
            if (slba < 0 || slba > blocks - count) {
                c.path.fail(slot, StatusCode.LBA_OUT_OF_RANGE, true);
                return;
            }
            int length = count << lbaShift;
            if (length > maxTransfer) {
                c.path.fail(slot, StatusCode.INVALID_FIELD, true);
                return;
            }
            long prp1 = b.getLong(at + Sqe.PRP1);
            long prp2 = b.getLong(at + Sqe.PRP2);
            int st = c.prp.walk(PrpTransfer.VALIDATE, prp1, prp2, length, c.regs.pageSize, 0, null);
            if (st != 0) {
                c.path.fail(slot, st, true);
                return;
            }
            t.slba[slot] = slba;
            t.blocks[slot] = count;
            t.prp1[slot] = prp1;
            t.prp2[slot] = prp2;
            long offset = slba << lbaShift;
            long done;
            boolean injectedError = c.injected.takeError();
            if (injectedError) {
                t.status[slot] = opcode == Opcodes.READ ? StatusCode.UNRECOVERED_READ_ERROR : SimulatedController.WRITE_FAULT;
            }
            if (opcode == Opcodes.READ) {
                readCommands++;
                done = c.media.readDone(c.now, offset);
            } else {
                writeCommands++;
                if (!injectedError) {
                    c.prp.walk(PrpTransfer.HOST_TO_STORE, prp1, prp2, length, c.regs.pageSize, offset, null);
                    bytesWritten += length;
                }
                done = c.media.writeDone(c.now, offset, length);
            }
            schedule(slot, done);
        } else if (opcode == Opcodes.DATASET_MANAGEMENT) {
            datasetManagement(slot, b, at, nsid);
        } else if (opcode == Opcodes.FLUSH) {
            if (nsid != 1 && nsid != 0xFFFFFFFF) {
                c.path.fail(slot, StatusCode.INVALID_NAMESPACE, true);
                return;
            }
            schedule(slot, c.media.flushDone(c.now));
        } else {
            c.path.fail(slot, StatusCode.INVALID_OPCODE, true);
        }
    }

    /**
     * Dataset Management (NVM Command Set spec 3.2.3): CDW10 NR is the number of ranges, 0's based; CDW11
     * AD asks to deallocate them (IDR and IDW are hints, which the model ignores). Each range is 16 bytes
     * of host memory: context attributes, length in blocks, starting LBA. A range past the namespace is LBA
     * Out of Range and nothing is deallocated.
     */
    private void datasetManagement(int slot, ByteBuffer b, int at, int nsid) {
        if (!addressable(slot, b, at, nsid)) {
            return;
        }
        int nr = (b.getInt(at + Sqe.CDW10) & 0xFF) + 1;
        boolean deallocate = (b.getInt(at + Sqe.CDW11) & Opcodes.DSM_DEALLOCATE) != 0;
        int length = nr * Opcodes.DSM_RANGE_BYTES;
        long prp1 = b.getLong(at + Sqe.PRP1);
        long prp2 = b.getLong(at + Sqe.PRP2);
        int st = c.prp.walk(PrpTransfer.VALIDATE, prp1, prp2, length, c.regs.pageSize, 0, null);
        if (st == 0) {
            st = c.prp.walk(PrpTransfer.HOST_TO_ARRAY, prp1, prp2, length, c.regs.pageSize, 0, ranges);
        }
        if (st != 0) {
            c.path.fail(slot, st, true);
            return;
        }
        ByteBuffer r = rangeView;
        for (int i = 0; i < nr; i++) {
            long count = r.getInt(i * Opcodes.DSM_RANGE_BYTES + 4) & 0xFFFFFFFFL;
            long slba = r.getLong(i * Opcodes.DSM_RANGE_BYTES + 8);
            if (slba < 0 || count > blocks || slba > blocks - count) {
                c.path.fail(slot, StatusCode.LBA_OUT_OF_RANGE, true);
                return;
            }
        }
        deallocateCommands++;
        long first = r.getLong(8) << lbaShift;
        if (deallocate) {
            for (int i = 0; i < nr; i++) {
                long count = r.getInt(i * Opcodes.DSM_RANGE_BYTES + 4) & 0xFFFFFFFFL;
                long slba = r.getLong(i * Opcodes.DSM_RANGE_BYTES + 8);
                c.store.deallocate(slba << lbaShift, count << lbaShift);
                bytesDeallocated += count << lbaShift;
            }
            schedule(slot, c.media.deallocateDone(c.now, first, nr));
        } else {
            schedule(slot, c.now); // only hints: nothing to do
        }
    }

    /** Namespace 1 and PRPs, or the command fails here (Invalid Namespace, or Invalid Field for an SGL). */
    private boolean addressable(int slot, ByteBuffer b, int at, int nsid) {
        if (nsid != 1) {
            c.path.fail(slot, StatusCode.INVALID_NAMESPACE, true);
            return false;
        }
        if ((b.get(at + 1) & 0xC0) != 0) {
            c.path.fail(slot, StatusCode.INVALID_FIELD, true); // PSDT: SGLs are not supported
            return false;
        }
        return true;
    }

    private void schedule(int slot, long done) {
        if (c.trace != null) {
            c.path.mediaStarting(slot, c.media.lastStart());
        }
        done += c.injected.takeSlowNanos();
        if (c.injected.takeStuck()) {
            c.commands.state[slot] = CommandTable.STUCK; // completes only when aborted or on reset
            return;
        }
        c.path.completeAt(slot, done);
    }

    /** Media done: a successful read moves its data into host memory before the CQE is posted. */
    void finish(int slot) {
        CommandTable t = c.commands;
        if (t.opcode[slot] == Opcodes.READ && t.status[slot] == 0) {
            int length = t.blocks[slot] << lbaShift;
            int st = c.prp.walk(PrpTransfer.STORE_TO_HOST, t.prp1[slot], t.prp2[slot], length, c.regs.pageSize,
                    t.slba[slot] << lbaShift, null);
            if (st != 0) {
                t.status[slot] = st;
            } else {
                bytesRead += length;
            }
        }
    }
}
