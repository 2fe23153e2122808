package org.nvmeworkbench.core.sim;

import org.nvmeworkbench.core.spec.Registers;

/**
 * The doorbell registers from 1000h (NVMe 3.1.3.10-11): SQ y Tail at 1000h + (2y * (4 << CAP.DSTRD)),
 * CQ y Head at 1000h + ((2y + 1) * (4 << CAP.DSTRD)). A tail write schedules a fetch; a head write
 * frees CQ slots (charging the host's reaping cost) and lets held completions drain. A write to a queue
 * that does not exist, past its size, or (CQ head) past the entries posted is counted and ignored.
 */
final class Doorbells {
    private final SimulatedController c;
    private final QueueTable queues;
    private final int shift;
    private final int end;
    private final long completionCpuNanosEach;
    private long invalidWrites;
    private long completionCpuNanos;

    Doorbells(SimulatedController controller, QueueTable queues, SimConfig config) {
        this.c = controller;
        this.queues = queues;
        this.shift = 2 + config.dstrd();
        this.end = Registers.DOORBELL_BASE + 2 * (config.maxIoQueuePairs() + 1) * (4 << config.dstrd());
        this.completionCpuNanosEach = config.host().completionCpuNanos();
    }

    /** First byte past the last CQ head doorbell. */
    int end() {
        return end;
    }

    /** A write at {@code offset}, already known to be in the doorbell range. */
    void write(int offset, int value) {
        int rel = offset - Registers.DOORBELL_BASE;
        if ((rel & ((1 << shift) - 1)) != 0) {
            return; // between doorbells
        }
        int index = rel >>> shift;
        if ((index & 1) == 0) {
            sqTail(index >>> 1, value);
        } else {
            cqHead(index >>> 1, value);
        }
    }

    private void sqTail(int qid, int value) {
        if (!queues.sqExists[qid] || value < 0 || value >= queues.sqSize[qid]) {
            invalid(SimTraceListener.SQ_TAIL, qid, value);
            return;
        }
        queues.sqTail[qid] = value;
        if (c.trace != null) {
            c.trace.doorbell(SimTraceListener.SQ_TAIL, qid, value, c.now);
        }
        c.path.scheduleFetch(qid);
    }

    private void cqHead(int qid, int value) {
        if (!queues.cqExists[qid] || value < 0 || value >= queues.cqSize[qid]) {
            invalid(SimTraceListener.CQ_HEAD, qid, value);
            return;
        }
        int size = queues.cqSize[qid];
        int consumed = value - queues.cqHead[qid];
        if (consumed < 0) {
            consumed += size;
        }
        int posted = queues.cqTail[qid] - queues.cqHead[qid];
        if (posted < 0) {
            posted += size;
        }
        if (consumed > posted) {
            // NVMe 3.1.3.11 / Invalid Doorbell Write Value: the host may only release entries the controller posted.
            invalid(SimTraceListener.CQ_HEAD, qid, value);
            return;
        }
        queues.cqHead[qid] = value;
        completionCpuNanos += consumed * completionCpuNanosEach;
        c.loop.chargeHost(c.interrupts.cores.reaped(qid, consumed, completionCpuNanosEach, c.now));
        if (c.trace != null) {
            c.trace.doorbell(SimTraceListener.CQ_HEAD, qid, value, c.now);
        }
        // Aggregation is not restarted here: see VectorCoalescing.
        if (queues.cqWaitHead[qid] >= 0 && !queues.cqDrainScheduled[qid]) {
            queues.cqDrainScheduled[qid] = true;
            c.events.schedule(c.now, EventQueue.CQ_DRAIN, qid, 0, c.epoch);
        }
    }

    private void invalid(int kind, int qid, int value) {
        invalidWrites++;
        if (c.trace != null) {
            c.trace.invalidDoorbell(kind, qid, value, c.now);
        }
    }

    long invalidWrites() {
        return invalidWrites;
    }

    /** Host CPU spent reaping completions, ns, since the counts were last reset. */
    long completionCpuNanos() {
        return completionCpuNanos;
    }

    void resetCounts() {
        completionCpuNanos = 0;
    }
}
