package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Device-side state of every submission and completion queue, indexed by queue ID (0 = admin). The
 * queue memory is resolved to a buffer and offset once, at creation, so the per-command path does
 * absolute gets and puts on a cached buffer.
 */
final class QueueTable {
    final int count;

    final boolean[] sqExists;
    final ByteBuffer[] sqBuffer;
    final int[] sqBase;
    final long[] sqBus;
    final int[] sqSize;
    final int[] sqHead;
    final int[] sqTail;
    final int[] sqCqid;
    final boolean[] sqFetchScheduled;

    final boolean[] cqExists;
    final ByteBuffer[] cqBuffer;
    final int[] cqBase;
    final long[] cqBus;
    final int[] cqSize;
    final int[] cqHead;
    final int[] cqTail;
    final int[] cqPhase;
    final boolean[] cqInterruptsEnabled;
    final int[] cqVector;
    final int[] cqSqCount;
    final int[] cqWaitHead;
    final int[] cqWaitTail;
    final boolean[] cqDrainScheduled;

    QueueTable(int count) {
        this.count = count;
        sqExists = new boolean[count];
        sqBuffer = new ByteBuffer[count];
        sqBase = new int[count];
        sqBus = new long[count];
        sqSize = new int[count];
        sqHead = new int[count];
        sqTail = new int[count];
        sqCqid = new int[count];
        sqFetchScheduled = new boolean[count];
        cqExists = new boolean[count];
        cqBuffer = new ByteBuffer[count];
        cqBase = new int[count];
        cqBus = new long[count];
        cqSize = new int[count];
        cqHead = new int[count];
        cqTail = new int[count];
        cqPhase = new int[count];
        cqInterruptsEnabled = new boolean[count];
        cqVector = new int[count];
        cqSqCount = new int[count];
        cqWaitHead = new int[count];
        cqWaitTail = new int[count];
        cqDrainScheduled = new boolean[count];
        clear();
    }

    void clear() {
        Arrays.fill(sqExists, false);
        Arrays.fill(sqBuffer, null);
        Arrays.fill(sqFetchScheduled, false);
        Arrays.fill(cqExists, false);
        Arrays.fill(cqBuffer, null);
        Arrays.fill(cqSqCount, 0);
        Arrays.fill(cqWaitHead, -1);
        Arrays.fill(cqWaitTail, -1);
        Arrays.fill(cqDrainScheduled, false);
    }

    void createSq(int qid, ByteBuffer buffer, int base, long bus, int size, int cqid) {
        sqExists[qid] = true;
        sqBuffer[qid] = buffer;
        sqBase[qid] = base;
        sqBus[qid] = bus;
        sqSize[qid] = size;
        sqHead[qid] = 0;
        sqTail[qid] = 0;
        sqCqid[qid] = cqid;
        sqFetchScheduled[qid] = false;
        cqSqCount[cqid]++;
    }

    void deleteSq(int qid) {
        sqExists[qid] = false;
        sqBuffer[qid] = null;
        cqSqCount[sqCqid[qid]]--;
    }

    void createCq(int qid, ByteBuffer buffer, int base, long bus, int size, boolean interrupts, int vector) {
        cqExists[qid] = true;
        cqBuffer[qid] = buffer;
        cqBase[qid] = base;
        cqBus[qid] = bus;
        cqSize[qid] = size;
        cqHead[qid] = 0;
        cqTail[qid] = 0;
        cqPhase[qid] = 1;
        cqInterruptsEnabled[qid] = interrupts;
        cqVector[qid] = vector;
        cqSqCount[qid] = 0;
        cqWaitHead[qid] = -1;
        cqWaitTail[qid] = -1;
        cqDrainScheduled[qid] = false;
    }

    void deleteCq(int qid) {
        cqExists[qid] = false;
        cqBuffer[qid] = null;
    }

    boolean cqFull(int qid) {
        int next = cqTail[qid] + 1;
        if (next == cqSize[qid]) {
            next = 0;
        }
        return next == cqHead[qid];
    }

    /** True when an existing I/O CQ signals {@code vector}. */
    boolean vectorBound(int vector) {
        for (int q = 1; q < count; q++) {
            if (cqExists[q] && cqVector[q] == vector) {
                return true;
            }
        }
        return false;
    }

    boolean anyIoCq() {
        for (int q = 1; q < count; q++) {
            if (cqExists[q]) {
                return true;
            }
        }
        return false;
    }
}
