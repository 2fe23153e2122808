package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;

import org.nvmeworkbench.core.spec.Cqe;

/**
 * A command's way through the controller: fetched from its SQ while the controller processes and bus
 * mastering is on, handed to the admin or NVM command set, ended at a virtual time, posted as a CQE with
 * the phase tag (or held in order while the CQ is full), then handed to the interrupt side. Slots of
 * {@link CommandTable} carry it; when all are taken, fetching waits for one to free.
 */
final class CommandPath {
    private final SimulatedController c;
    private final EventQueue events;
    private final QueueTable queues;
    private final CommandTable commands;
    private final PciConfigSpace pci;
    private final AdminCommands admin;
    private final NvmCommands nvm;
    private final long fetchNanos;
    private boolean fetchBlocked;
    long completions;

    CommandPath(SimulatedController controller, AdminCommands admin, NvmCommands nvm) {
        this.c = controller;
        this.events = controller.events;
        this.queues = controller.queues;
        this.commands = controller.commands;
        this.pci = controller.pci;
        this.admin = admin;
        this.nvm = nvm;
        this.fetchNanos = controller.config().profile().fetchNanos();
    }

    /** Part of a controller reset: nothing waits for a free slot any more. */
    void controllerReset() {
        fetchBlocked = false;
    }

    /** A tail moved ahead of the head: fetch after the profile's fetch latency (admin at once). */
    void scheduleFetch(int qid) {
        if (!queues.sqFetchScheduled[qid]) {
            queues.sqFetchScheduled[qid] = true;
            long delay = qid == 0 ? 0 : fetchNanos;
            events.schedule(c.interrupts.cores.doorbellAt(qid, c.now) + delay, EventQueue.SQ_FETCH, qid, 0, c.epoch);
        }
    }

    private boolean fetching() {
        return c.regs.processing() && pci.busMaster();
    }

    void fetch(int qid) {
        queues.sqFetchScheduled[qid] = false;
        if (!queues.sqExists[qid] || !fetching()) {
            return;
        }
        c.injected.pickUp();
        ByteBuffer b = queues.sqBuffer[qid];
        int base = queues.sqBase[qid];
        int size = queues.sqSize[qid];
        int head = queues.sqHead[qid];
        while (head != queues.sqTail[qid]) {
            int slot = commands.allocate();
            if (slot < 0) {
                fetchBlocked = true;
                return;
            }
            int at = base + (head << 6);
            head = head + 1 == size ? 0 : head + 1;
            queues.sqHead[qid] = head;
            int dw0 = b.getInt(at);
            int opcode = dw0 & 0xFF;
            int cid = dw0 >>> 16;
            commands.sqid[slot] = qid;
            commands.cid[slot] = cid;
            commands.opcode[slot] = opcode;
            if (c.trace != null) {
                c.trace.sqeFetched(qid, cid, opcode, head, c.now);
            }
            if (qid == 0) {
                admin.execute(slot, b, at);
            } else {
                c.injected.ioFetched();
                nvm.execute(slot, b, at);
            }
            if (!queues.sqExists[qid] || !fetching()) {
                return; // a fatal status or a deleted queue stops this pass
            }
        }
    }

    /** Schedules the end of a command at {@code t}. */
    void completeAt(int slot, long t) {
        events.schedule(t, EventQueue.COMMAND_DONE, slot, commands.generation[slot], c.epoch);
    }

    /**
     * Traced runs only: the I/O command in {@code slot} starts on the media at {@code start}, traced now or
     * by a {@link EventQueue#MEDIA_START} event then (scheduled before its end, so it runs first at a tie).
     */
    void mediaStarting(int slot, long start) {
        if (start <= c.now) {
            c.trace.mediaStarted(commands.sqid[slot], commands.cid[slot], c.now);
        } else {
            events.schedule(start, EventQueue.MEDIA_START, slot, commands.generation[slot], c.epoch);
        }
    }

    /** A {@link EventQueue#MEDIA_START} event: traced if the command is still the one that scheduled it. */
    void mediaStarted(int slot, int generation) {
        if (c.trace != null && commands.generation[slot] == generation && commands.state[slot] != CommandTable.FREE) {
            c.trace.mediaStarted(commands.sqid[slot], commands.cid[slot], c.now);
        }
    }

    /** Ends a command now with {@code status} (no media time). */
    void fail(int slot, int status, boolean dnr) {
        if (c.trace != null && commands.sqid[slot] != 0) {
            c.trace.mediaStarted(commands.sqid[slot], commands.cid[slot], c.now); // its checks were its execution
        }
        commands.status[slot] = status;
        commands.dnr[slot] = dnr;
        completeAt(slot, c.now);
    }

    void finish(int slot) {
        if (commands.sqid[slot] != 0) {
            nvm.finish(slot);
        }
        post(slot);
    }

    /** Posts the completion of {@code slot} to its CQ, or queues it when the CQ is full. */
    void post(int slot) {
        int sq = commands.sqid[slot];
        int cq = queues.sqCqid[sq];
        if (!queues.sqExists[sq] || !queues.cqExists[cq]) {
            release(slot);
            return;
        }
        if (queues.cqWaitHead[cq] >= 0 || queues.cqFull(cq)) {
            commands.state[slot] = CommandTable.WAITING_FOR_CQ;
            commands.next[slot] = -1;
            if (queues.cqWaitTail[cq] >= 0) {
                commands.next[queues.cqWaitTail[cq]] = slot;
            } else {
                queues.cqWaitHead[cq] = slot;
            }
            queues.cqWaitTail[cq] = slot;
            if (c.trace != null) {
                c.trace.cqFull(cq, c.now);
            }
            return;
        }
        writeCqe(cq, slot);
    }

    void drain(int cq) {
        while (queues.cqWaitHead[cq] >= 0 && !queues.cqFull(cq)) {
            int slot = queues.cqWaitHead[cq];
            int next = commands.next[slot];
            queues.cqWaitHead[cq] = next;
            if (next < 0) {
                queues.cqWaitTail[cq] = -1;
            }
            if (commands.state[slot] == CommandTable.DROPPED) {
                release(slot);
            } else {
                writeCqe(cq, slot);
            }
        }
    }

    private void writeCqe(int cq, int slot) {
        ByteBuffer b = queues.cqBuffer[cq];
        int tail = queues.cqTail[cq];
        int phase = queues.cqPhase[cq];
        int sq = commands.sqid[slot];
        int cid = commands.cid[slot];
        int status = commands.status[slot];
        Cqe.write(b, queues.cqBase[cq] + (tail << 4), commands.result[slot], queues.sqHead[sq], sq, cid, status,
                commands.dnr[slot], phase);
        if (++tail == queues.cqSize[cq]) {
            tail = 0;
            queues.cqPhase[cq] = phase ^ 1;
        }
        queues.cqTail[cq] = tail;
        completions++;
        if (c.trace != null) {
            c.trace.commandCompleted(sq, cid, status, c.now);
            c.trace.cqePosted(cq, cid, tail, phase, c.now);
        }
        release(slot);
        if (queues.cqInterruptsEnabled[cq]) {
            c.interrupts.completionPosted(queues.cqVector[cq], cq == 0, status != 0);
        }
    }

    void release(int slot) {
        commands.release(slot);
        if (fetchBlocked) {
            fetchBlocked = false;
            resumeFetching();
        }
    }

    /** Fetches again wherever a tail is ahead of the head (after DMA was enabled or a slot freed). */
    void resumeFetching() {
        for (int q = 0; q < queues.count; q++) {
            if (queues.sqExists[q] && queues.sqHead[q] != queues.sqTail[q]) {
                scheduleFetch(q);
            }
        }
    }

    /** Drops the outstanding commands of a deleted SQ: they are not completed. */
    void dropCommandsOf(int sq) {
        for (int s = 0; s < commands.capacity; s++) {
            int st = commands.state[s];
            if (st != CommandTable.FREE && commands.sqid[s] == sq) {
                if (st == CommandTable.WAITING_FOR_CQ) {
                    commands.state[s] = CommandTable.DROPPED;
                } else {
                    release(s);
                }
            }
        }
    }
}
