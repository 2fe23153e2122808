package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;

import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;
import org.nvmeworkbench.core.spec.StatusCode;

/**
 * The admin command set: Identify, queue creation and deletion, Get/Set Features 07h/08h/09h, Abort,
 * Get Log Page, Asynchronous Event Request, with the status codes of docs/nvme-reference.md. Effects apply
 * when the command is fetched; the completion follows after the profile's admin time.
 */
final class AdminCommands {
    static final int ASYNC_EVENT_LIMIT_EXCEEDED = StatusCode.code(1, 0x05);
    private static final int MAX_PENDING_ABORTS = IdentifyData.ACL + 1;

    private final SimulatedController c;
    private final byte[] scratch = new byte[IdentifyData.SIZE];
    private int asyncEventsHeld;
    // Aborts of commands still in an SQ, not yet fetched: (sqid, cid) pairs.
    private final int[] abortSq = new int[MAX_PENDING_ABORTS];
    private final int[] abortCid = new int[MAX_PENDING_ABORTS];
    int pendingAborts;

    AdminCommands(SimulatedController controller) {
        this.c = controller;
    }

    void reset() {
        asyncEventsHeld = 0;
        pendingAborts = 0;
    }

    void execute(int slot, ByteBuffer b, int at) {
        int opcode = c.commands.opcode[slot];
        int nsid = b.getInt(at + Sqe.NSID);
        long prp1 = b.getLong(at + Sqe.PRP1);
        long prp2 = b.getLong(at + Sqe.PRP2);
        int cdw10 = b.getInt(at + Sqe.CDW10);
        int cdw11 = b.getInt(at + Sqe.CDW11);
        if ((b.get(at + 1) & 0xC0) != 0) {
            error(slot, StatusCode.INVALID_FIELD); // PSDT: SGLs are not supported
            return;
        }
        switch (opcode) {
            case Opcodes.IDENTIFY:
                identify(slot, nsid, prp1, prp2, cdw10);
                break;
            case Opcodes.CREATE_IO_CQ:
                createCq(slot, prp1, cdw10, cdw11);
                break;
            case Opcodes.CREATE_IO_SQ:
                createSq(slot, prp1, cdw10, cdw11);
                break;
            case Opcodes.DELETE_IO_SQ:
                deleteSq(slot, cdw10 & 0xFFFF);
                break;
            case Opcodes.DELETE_IO_CQ:
                deleteCq(slot, cdw10 & 0xFFFF);
                break;
            case Opcodes.GET_FEATURES:
                getFeatures(slot, cdw10, cdw11);
                break;
            case Opcodes.SET_FEATURES:
                setFeatures(slot, cdw10, cdw11);
                break;
            case Opcodes.ABORT:
                abort(slot, cdw10 & 0xFFFF, cdw10 >>> 16);
                break;
            case Opcodes.GET_LOG_PAGE:
                getLogPage(slot, prp1, prp2, cdw10, cdw11);
                break;
            case Opcodes.ASYNC_EVENT_REQUEST:
                if (asyncEventsHeld > IdentifyData.AERL) {
                    error(slot, ASYNC_EVENT_LIMIT_EXCEEDED);
                } else {
                    asyncEventsHeld++;
                    c.commands.state[slot] = CommandTable.HELD; // completes when an event occurs (none are modelled)
                }
                break;
            default:
                error(slot, StatusCode.INVALID_OPCODE);
                break;
        }
    }

    private void ok(int slot, int result) {
        c.commands.result[slot] = result;
        c.path.completeAt(slot, c.now + c.config().profile().adminNanos());
    }

    private void error(int slot, int status) {
        c.commands.status[slot] = status;
        c.commands.dnr[slot] = true;
        c.path.completeAt(slot, c.now + c.config().profile().adminNanos());
    }

    private void identify(int slot, int nsid, long prp1, long prp2, int cdw10) {
        int cns = cdw10 & 0xFF;
        switch (cns) {
            case Opcodes.CNS_CONTROLLER:
                IdentifyData.controller(scratch, c.config(), SimulatedController.MAX_OUTSTANDING);
                break;
            case Opcodes.CNS_NAMESPACE:
                if (nsid != 1) {
                    error(slot, StatusCode.INVALID_NAMESPACE);
                    return;
                }
                IdentifyData.namespace(scratch, c.config());
                break;
            case Opcodes.CNS_ACTIVE_NSID_LIST:
                if (nsid == 0xFFFFFFFE || nsid == 0xFFFFFFFF) {
                    error(slot, StatusCode.INVALID_NAMESPACE);
                    return;
                }
                IdentifyData.activeNamespaces(scratch, nsid);
                break;
            default:
                error(slot, StatusCode.INVALID_FIELD);
                return;
        }
        toHost(slot, prp1, prp2, IdentifyData.SIZE, 0);
    }

    private void toHost(int slot, long prp1, long prp2, int length, int result) {
        int st = c.prp.walk(PrpTransfer.VALIDATE, prp1, prp2, length, c.regs.pageSize, 0, scratch);
        if (st == 0) {
            st = c.prp.walk(PrpTransfer.ARRAY_TO_HOST, prp1, prp2, length, c.regs.pageSize, 0, scratch);
        }
        if (st != 0) {
            error(slot, st);
        } else {
            ok(slot, result);
        }
    }

    private boolean entrySizesWrong(boolean sq) {
        int cc = c.regs.cc;
        return sq ? Registers.ccIosqes(cc) != Sqe.IOSQES : Registers.ccIocqes(cc) != Cqe.IOCQES;
    }

    private void createCq(int slot, long prp1, int cdw10, int cdw11) {
        if (entrySizesWrong(false)) {
            c.path.release(slot);
            c.regs.fatal(); // CC.IOCQES must be 4 once I/O queues are created
            return;
        }
        int qid = cdw10 & 0xFFFF;
        int size = (cdw10 >>> 16) + 1;
        boolean contiguous = (cdw11 & 1) != 0;
        boolean interrupts = (cdw11 & 2) != 0;
        int vector = cdw11 >>> 16;
        QueueTable q = c.queues;
        if (qid == 0 || qid > c.cqAllocated || qid >= q.count || q.cqExists[qid]) {
            error(slot, StatusCode.INVALID_QUEUE_IDENTIFIER);
        } else if (size < 2 || size > Registers.capMqes(c.regs.cap) + 1) {
            error(slot, StatusCode.INVALID_QUEUE_SIZE);
        } else if (!contiguous) {
            error(slot, StatusCode.INVALID_FIELD); // CAP.CQR = 1: queues must be physically contiguous
        } else if (interrupts && vector >= c.interrupts.vectorLimit()) {
            error(slot, StatusCode.INVALID_INTERRUPT_VECTOR);
        } else if (prp1 == 0 || (prp1 & (c.regs.pageSize - 1)) != 0) {
            error(slot, StatusCode.INVALID_PRP_OFFSET);
        } else {
            int region = c.dma.find(prp1, size * Cqe.SIZE);
            if (region < 0) {
                error(slot, StatusCode.DATA_TRANSFER_ERROR);
                return;
            }
            q.createCq(qid, c.dma.buffer(region), c.dma.offset(region, prp1), prp1, size, interrupts,
                    interrupts ? vector : -1);
            ok(slot, 0);
        }
    }

    private void createSq(int slot, long prp1, int cdw10, int cdw11) {
        if (entrySizesWrong(true)) {
            c.path.release(slot);
            c.regs.fatal(); // CC.IOSQES must be 6 once I/O queues are created
            return;
        }
        int qid = cdw10 & 0xFFFF;
        int size = (cdw10 >>> 16) + 1;
        boolean contiguous = (cdw11 & 1) != 0;
        int cqid = cdw11 >>> 16;
        QueueTable q = c.queues;
        if (qid == 0 || qid > c.sqAllocated || qid >= q.count || q.sqExists[qid]) {
            error(slot, StatusCode.INVALID_QUEUE_IDENTIFIER);
        } else if (size < 2 || size > Registers.capMqes(c.regs.cap) + 1) {
            error(slot, StatusCode.INVALID_QUEUE_SIZE);
        } else if (cqid == 0 || cqid >= q.count || !q.cqExists[cqid]) {
            error(slot, StatusCode.COMPLETION_QUEUE_INVALID);
        } else if (!contiguous) {
            error(slot, StatusCode.INVALID_FIELD);
        } else if (prp1 == 0 || (prp1 & (c.regs.pageSize - 1)) != 0) {
            error(slot, StatusCode.INVALID_PRP_OFFSET);
        } else {
            int region = c.dma.find(prp1, size * Sqe.SIZE);
            if (region < 0) {
                error(slot, StatusCode.DATA_TRANSFER_ERROR);
                return;
            }
            q.createSq(qid, c.dma.buffer(region), c.dma.offset(region, prp1), prp1, size, cqid);
            ok(slot, 0);
        }
    }

    private void deleteSq(int slot, int qid) {
        QueueTable q = c.queues;
        if (qid == 0 || qid >= q.count || !q.sqExists[qid]) {
            error(slot, StatusCode.INVALID_QUEUE_IDENTIFIER);
            return;
        }
        c.path.dropCommandsOf(qid);
        for (int i = 0; i < pendingAborts; i++) {
            if (abortSq[i] == qid) {
                removeAbort(i--);
            }
        }
        q.deleteSq(qid);
        ok(slot, 0);
    }

    private void deleteCq(int slot, int qid) {
        QueueTable q = c.queues;
        if (qid == 0 || qid >= q.count || !q.cqExists[qid]) {
            error(slot, StatusCode.INVALID_QUEUE_IDENTIFIER);
        } else if (q.cqSqCount[qid] > 0) {
            error(slot, StatusCode.INVALID_QUEUE_DELETION);
        } else {
            // Entries still waiting for space belonged to deleted SQs: free them.
            for (int s = q.cqWaitHead[qid]; s >= 0; ) {
                int next = c.commands.next[s];
                c.path.release(s);
                s = next;
            }
            q.deleteCq(qid);
            ok(slot, 0);
        }
    }

    private void getFeatures(int slot, int cdw10, int cdw11) {
        int fid = cdw10 & 0xFF;
        int sel = (cdw10 >>> 8) & 0x7;
        if (sel > FeatureId.SEL_SUPPORTED_CAPABILITIES) {
            error(slot, StatusCode.INVALID_FIELD);
            return;
        }
        int max = c.config().maxIoQueuePairs() - 1;
        switch (fid) {
            case FeatureId.NUMBER_OF_QUEUES:
                if (sel == FeatureId.SEL_CURRENT) {
                    ok(slot, (c.sqAllocated - 1) | ((c.cqAllocated - 1) << 16));
                } else if (sel == FeatureId.SEL_SUPPORTED_CAPABILITIES) {
                    ok(slot, FeatureId.CAP_CHANGEABLE);
                } else {
                    ok(slot, max | (max << 16));
                }
                break;
            case FeatureId.INTERRUPT_COALESCING:
                if (sel == FeatureId.SEL_CURRENT) {
                    ok(slot, c.interrupts.coalescing.feature08());
                } else if (sel == FeatureId.SEL_SUPPORTED_CAPABILITIES) {
                    ok(slot, coalescingCapabilities()); // changeable unless fixed, never saveable
                } else {
                    ok(slot, 0); // default and saved (nothing is saved): 0 = off
                }
                break;
            case FeatureId.INTERRUPT_VECTOR_CONFIGURATION: {
                int iv = cdw11 & 0xFFFF;
                if (iv >= c.interrupts.vectorLimit()) {
                    error(slot, StatusCode.INVALID_FIELD);
                } else if (sel == FeatureId.SEL_CURRENT) {
                    ok(slot, iv | (c.interrupts.coalescing.coalescingDisabled(iv) ? InterruptVectorConfig.CD_BIT : 0));
                } else if (sel == FeatureId.SEL_SUPPORTED_CAPABILITIES) {
                    ok(slot, coalescingCapabilities());
                } else {
                    ok(slot, iv | (iv == 0 ? InterruptVectorConfig.CD_BIT : 0));
                }
                break;
            }
            default:
                error(slot, StatusCode.INVALID_FIELD);
                break;
        }
    }

    /** Get Features SEL 3 for 08h and 09h: DW0 bit 2 changeable (unless the config fixes them), never saveable. */
    private int coalescingCapabilities() {
        return c.config().fixedCoalescing() ? 0 : FeatureId.CAP_CHANGEABLE;
    }

    private void setFeatures(int slot, int cdw10, int cdw11) {
        int fid = cdw10 & 0xFF;
        boolean save = (cdw10 & FeatureId.SAVE_BIT) != 0;
        if (fid != FeatureId.NUMBER_OF_QUEUES && fid != FeatureId.INTERRUPT_COALESCING
                && fid != FeatureId.INTERRUPT_VECTOR_CONFIGURATION) {
            error(slot, StatusCode.INVALID_FIELD);
            return;
        }
        if (save) {
            error(slot, StatusCode.FEATURE_NOT_SAVEABLE);
            return;
        }
        if (fid != FeatureId.NUMBER_OF_QUEUES && c.config().fixedCoalescing()) {
            // QEMU's hw/nvme refuses Set Features for every feature it does not mark changeable, 08h and 09h among them.
            error(slot, StatusCode.FEATURE_NOT_CHANGEABLE);
            return;
        }
        switch (fid) {
            case FeatureId.NUMBER_OF_QUEUES: {
                int nsqr = cdw11 & 0xFFFF;
                int ncqr = cdw11 >>> 16;
                if (c.queues.anyIoCq()) {
                    error(slot, StatusCode.COMMAND_SEQUENCE_ERROR); // as QEMU once an I/O CQ exists
                } else if (nsqr == 0xFFFF || ncqr == 0xFFFF) {
                    error(slot, StatusCode.INVALID_FIELD);
                } else {
                    int max = c.config().maxIoQueuePairs();
                    c.sqAllocated = Math.min(nsqr + 1, max);
                    c.cqAllocated = Math.min(ncqr + 1, max);
                    ok(slot, (c.sqAllocated - 1) | ((c.cqAllocated - 1) << 16));
                }
                break;
            }
            case FeatureId.INTERRUPT_COALESCING:
                c.interrupts.coalescing.setFeature08(cdw11 & 0xFFFF);
                ok(slot, 0);
                break;
            default: {
                int iv = cdw11 & 0xFFFF;
                if (iv == 0 || iv >= c.interrupts.vectorLimit() || !c.queues.vectorBound(iv)) {
                    error(slot, StatusCode.INVALID_FIELD);
                } else {
                    c.interrupts.coalescing.setCoalescingDisabled(iv, (cdw11 & InterruptVectorConfig.CD_BIT) != 0);
                    ok(slot, 0);
                }
                break;
            }
        }
    }

    /** Abort: DW0 bit 0 = 0 when the command was aborted, 1 when it was not found. */
    private void abort(int slot, int sqid, int cid) {
        CommandTable t = c.commands;
        for (int s = 0; s < t.capacity; s++) {
            int st = t.state[s];
            if (s != slot && (st == CommandTable.RUNNING || st == CommandTable.STUCK || st == CommandTable.HELD)
                    && t.sqid[s] == sqid && t.cid[s] == cid) {
                if (st == CommandTable.HELD) {
                    asyncEventsHeld--;
                }
                t.status[s] = StatusCode.ABORT_REQUESTED;
                t.dnr[s] = false;
                t.state[s] = CommandTable.RUNNING;
                c.path.post(s); // its pending completion event goes stale with the slot
                ok(slot, 0);
                return;
            }
        }
        if (sqid < c.queues.count && c.queues.sqExists[sqid] && inRing(sqid, cid)
                && pendingAborts < MAX_PENDING_ABORTS) {
            abortSq[pendingAborts] = sqid;
            abortCid[pendingAborts] = cid;
            pendingAborts++;
            ok(slot, 0);
            return;
        }
        ok(slot, 1);
    }

    private boolean inRing(int sqid, int cid) {
        QueueTable q = c.queues;
        ByteBuffer b = q.sqBuffer[sqid];
        for (int i = q.sqHead[sqid]; i != q.sqTail[sqid]; i = (i + 1) % q.sqSize[sqid]) {
            if (Sqe.cid(b, q.sqBase[sqid] + i * Sqe.SIZE) == cid) {
                return true;
            }
        }
        return false;
    }

    /** True (and forgotten) when the command just fetched was aborted while it sat in its SQ. */
    boolean takePendingAbort(int sqid, int cid) {
        for (int i = 0; i < pendingAborts; i++) {
            if (abortSq[i] == sqid && abortCid[i] == cid) {
                removeAbort(i);
                return true;
            }
        }
        return false;
    }

    private void removeAbort(int i) {
        pendingAborts--;
        abortSq[i] = abortSq[pendingAborts];
        abortCid[i] = abortCid[pendingAborts];
    }

    private void getLogPage(int slot, long prp1, long prp2, int cdw10, int cdw11) {
        int lid = cdw10 & 0xFF;
        long numd = (((long) (cdw11 & 0xFFFF) << 16) | (cdw10 >>> 16)) + 1;
        if (numd * 4 > scratch.length) {
            error(slot, StatusCode.INVALID_FIELD);
            return;
        }
        java.util.Arrays.fill(scratch, (byte) 0);
        switch (lid) {
            case 0x01: // Error Information: no errors recorded
                break;
            case 0x02: // SMART / Health Information
                smart();
                break;
            case 0x03: // Firmware Slot Information: slot 1 active
                scratch[0] = 1;
                byte[] fr = "SIM1.0  ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(fr, 0, scratch, 8, 8);
                break;
            default:
                error(slot, StatusCode.INVALID_FIELD);
                return;
        }
        toHost(slot, prp1, prp2, (int) numd * 4, 0);
    }

    private void smart() {
        IdentifyData.put16(scratch, 1, 313); // composite temperature, Kelvin (40 C)
        scratch[3] = 100; // available spare %
        scratch[4] = 10; // available spare threshold %
        NvmCommands n = c.nvm();
        // Data units are thousands of 512-byte units, rounded up.
        IdentifyData.put64(scratch, 32, (n.bytesRead / 512 + 999) / 1000);
        IdentifyData.put64(scratch, 48, (n.bytesWritten / 512 + 999) / 1000);
        IdentifyData.put64(scratch, 64, n.readCommands);
        IdentifyData.put64(scratch, 80, n.writeCommands);
        IdentifyData.put64(scratch, 128, c.now / 3_600_000_000_000L); // power-on hours of virtual time
    }
}
