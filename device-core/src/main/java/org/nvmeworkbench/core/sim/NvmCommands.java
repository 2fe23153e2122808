package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;

import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Sqe;
import org.nvmeworkbench.core.spec.StatusCode;

/**
 * The NVM I/O command set: Read, Write, Flush on namespace 1. Checks NSID, LBA range, transfer size
 * (MDTS) and PRPs when the command is fetched; a write takes its data from host memory then, a read
 * puts its data into host memory when the media is done, just before the CQE.
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
            if (nsid != 1) {
                c.path.fail(slot, StatusCode.INVALID_NAMESPACE, true);
                return;
            }
            if ((b.get(at + 1) & 0xC0) != 0) {
                c.path.fail(slot, StatusCode.INVALID_FIELD, true); // PSDT: SGLs are not supported
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
