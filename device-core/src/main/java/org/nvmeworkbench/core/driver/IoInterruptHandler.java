package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.spec.Registers;

/**
 * The host's interrupt service for a set of I/O queue pairs: what the driver does once an interrupt has
 * arrived on a vector, in the way the interrupt mode demands, counting the work in
 * {@link NvmeController#hostInterruptWork()}.
 *
 * <ul>
 * <li>Pin-based: one level-triggered line shared by every queue, and the line does not say which queue
 * has work, so every completion queue is examined. The line is masked with INTMS on entry and unmasked
 * with INTMC after the CQ head doorbells (NVMe base spec, host software interrupt handling for pin-based
 * and MSI; INTMS 0Ch, INTMC 10h).</li>
 * <li>MSI: the vector names its queues, but MSI has no per-vector mask of its own, so the vector's INTMS
 * bit is set on entry and cleared with INTMC after the doorbells, as for pin-based.</li>
 * <li>MSI-X: the vector names its queues and the table entry carries its own mask; INTMS/INTMC are
 * reserved in this mode, so only the vector's queues are examined and nothing is masked.</li>
 * </ul>
 *
 * <p>Per interrupt this allocates nothing and takes no lock; the counters are plain fields.
 * Created by {@link NvmeController#interruptHandler}; used by the thread that takes the interrupts.
 */
public final class IoInterruptHandler {
    private static final IoQueuePair[] NONE = new IoQueuePair[0];

    private final PciFunction pci;
    private final boolean sharedLine;
    private final boolean maskWithIntms;
    private final IoQueuePair[] all;
    private final IoQueuePair[][] byVector;
    private final int[] vectors;
    private final HostInterruptTally tally;

    IoInterruptHandler(PciFunction pci, InterruptMode mode, IoQueuePair[] queues, HostInterruptTally tally) {
        this.pci = pci;
        this.sharedLine = mode == InterruptMode.PIN;
        this.maskWithIntms = mode == InterruptMode.PIN || mode == InterruptMode.MSI;
        this.all = queues.clone();
        this.tally = tally;
        int maxVector = 0;
        for (IoQueuePair q : queues) {
            maxVector = Math.max(maxVector, q.vector());
        }
        int[] perVector = new int[maxVector + 1];
        for (IoQueuePair q : queues) {
            perVector[q.vector()]++;
        }
        this.byVector = new IoQueuePair[maxVector + 1][];
        int[] fill = new int[maxVector + 1];
        for (int v = 0; v <= maxVector; v++) {
            byVector[v] = perVector[v] == 0 ? NONE : new IoQueuePair[perVector[v]];
        }
        for (IoQueuePair q : queues) {
            byVector[q.vector()][fill[q.vector()]++] = q;
        }
        int used = 0;
        for (IoQueuePair[] qs : byVector) {
            used += qs.length > 0 ? 1 : 0;
        }
        this.vectors = new int[used];
        used = 0;
        for (int v = 0; v <= maxVector; v++) {
            if (byVector[v].length > 0) {
                vectors[used++] = v;
            }
        }
    }

    /** The vectors these queue pairs signal on, ascending: what the host waits on. */
    public int[] vectors() {
        return vectors.clone();
    }

    /**
     * Services one interrupt taken on {@code vector}: masks (pin-based, MSI), examines the completion
     * queues it may stand for, reaps them into {@code sink} (each CQ with entries gets one head doorbell
     * write), and unmasks.
     *
     * @return how many completions were reaped
     */
    public int service(int vector, CompletionSink sink) {
        HostInterruptTally t = tally;
        t.interrupts++;
        int bit = 1 << (vector & 31); // pin-based uses bit 0; MSI vectors are below 32
        if (maskWithIntms) {
            pci.mmioWrite32(Registers.INTMS, bit);
            t.maskSetWrites++;
        }
        IoQueuePair[] examine = sharedLine ? all : vector >= 0 && vector < byVector.length ? byVector[vector] : NONE;
        int got = 0;
        for (IoQueuePair q : examine) {
            int n = q.reapCompletions(sink);
            t.cqsExamined++;
            if (n == 0) {
                t.emptyExaminations++;
            } else {
                t.cqHeadDoorbells++; // reapCompletions writes the head doorbell once when it consumed anything
                got += n;
            }
        }
        if (maskWithIntms) {
            pci.mmioWrite32(Registers.INTMC, bit);
            t.maskClearWrites++;
        }
        return got;
    }
}
