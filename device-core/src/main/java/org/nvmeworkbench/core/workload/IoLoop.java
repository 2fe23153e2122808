package org.nvmeworkbench.core.workload;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.CompletionSink;
import org.nvmeworkbench.core.driver.ControllerFatalException;
import org.nvmeworkbench.core.driver.IoInterruptHandler;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.record.QueueDepths;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.telemetry.RunGauges;

/**
 * The hot loop of a run: keeps iodepth commands in flight on every queue, waits by interrupt or
 * polls, reaps, records latency and resubmits on the slot that just completed. Everything it needs is
 * allocated in the constructor; per I/O it allocates nothing, takes no lock and makes no JNA call.
 * Telemetry figures, with the cumulative histogram and time series so far, are published once per 100 ms
 * slice of device time.
 */
final class IoLoop implements CompletionSink {
    /** Latencies above this are recorded as this (a stuck command must not break the histogram). */
    static final long HIGHEST_LATENCY_NANOS = 60_000_000_000L;
    /** How far a poll lets the device run before looking at the rings again. */
    static final long POLL_RELAX_NANOS = 1_000L;

    private final PciFunction pci;
    private final NvmeController ctrl;
    private final IoQueuePair[] queues;
    private final IoQueuePair[] byQid;
    private final IoInterruptHandler interrupts;
    private final int[] vectorsInUse;
    private final VectorSet vectorSet = new VectorSet();
    private final boolean polling;
    private final long recheckNanos;
    private final long ioTimeoutNanos;
    private final int iodepth;
    private final int blocks;
    private final long positions;
    private final long namespaceBlocks;
    private final boolean random;
    private final boolean mixed;
    private final boolean writesOnly;
    /** rw=trim, randtrim: every I/O a deallocate; trimwrite: a deallocate, then a write of the same blocks. */
    private final boolean trims;
    private final boolean trimThenWrite;
    private boolean writeTrimmed;
    private long trimmedSlba;
    private int trimmedBlocks;
    private final int rwmixread;
    private final SplitMix64 rng;
    /** Blocks per I/O drawn uniformly by index (bssplit, bsrange); null when every I/O is {@code blocks}. */
    private final int[] sizeTable;
    /** Random offsets are multiples of the smallest I/O, as fio's blockalign defaults to the minimum bs. */
    private final int alignBlocks;
    private final long offsetBlocks;
    private final int randomRun;
    private final long holeBlocks;
    private int runLeft;
    private long runNext;
    /** Blocks of each I/O, by qid then I/O index, for the bytes moved. */
    private final int[][] blocksOf;
    /**
     * Commands per I/O: 1, or, for I/Os above MDTS, the pieces the block layer would split them into. I/O
     * {@code u} of a queue owns slots {@code u * split} to {@code u * split + split - 1}.
     */
    private final int split;
    /** The most blocks one command carries. */
    private final int commandBlocks;
    /** Commands of each I/O not yet completed, and the first error status among its completed ones (0: none). */
    private final int[][] piecesLeft;
    private final int[][] pieceStatus;
    private long commands;
    private long splitIos;
    private long movedBlocks;
    private final int lbaSize;
    private final long issueLimit;
    private final long runtimeNanos;

    private final Histogram readLatency = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    private final Histogram writeLatency = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    // The current slice's latencies: the only histograms touched per I/O (one record each), folded into
    // the totals and the live window once per slice.
    private final Histogram readSlice = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    private final Histogram writeSlice = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    private final Histogram trimLatency = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    private final Histogram trimSlice = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    /** Latencies of the current batch, shifted left by two, the low bits the kind (0 read, 1 write, 2 trim). */
    private final long[] staged;
    private int stagedCount;
    /** Rates per second from a slice's counts. */
    private static final double SLICES_PER_SECOND = 1e9 / LatencyWindow.SLICE_NANOS;
    private final LatencyWindow window = new LatencyWindow(HIGHEST_LATENCY_NANOS);
    private final TimeSeriesRecorder series;
    private final RunGauges gauges;
    /** The totals so far for the live views, copied once per slice. */
    private final PublishedLatency published = new PublishedLatency(HIGHEST_LATENCY_NANOS);
    private final long[] completionsByQid;
    private long interruptsAtStart;
    // fio's queue depth distributions (QueueDepths), counted in place: per I/O an array increment or two.
    private final long[] depthAtSubmit = new long[QueueDepths.BUCKETS];
    private final long[] perSubmit = new long[QueueDepths.BUCKETS];
    private final long[] perReap = new long[QueueDepths.BUCKETS];
    /** Commands submitted since the queue's SQ doorbell was last rung, by qid. */
    private final int[] unrungByQid;
    private final int[] inFlightByQid;
    /** Completions found on the queue in the current pass over the rings, by qid. */
    private final int[] reapedByQid;

    private long seqNext;
    private long now;
    private long issued;
    private long completed;
    private long errors;
    private int firstErrorStatus = -1;
    private long lostInterruptRecoveries;
    private boolean cancelled;
    private long stuckCommands;
    private long abortsSent;
    private long abortsAccepted;
    private long startNanos;
    private long endNanos;
    private boolean stopping;

    IoLoop(NvmeController ctrl, IoQueuePair[] queues, WorkloadSpec spec, long namespaceBlocks, int lbaSize, long mdtsBytes,
           long ioTimeoutNanos, long recheckNanos, RunGauges gauges) {
        this.ctrl = ctrl;
        this.pci = ctrl.pci();
        this.queues = queues.clone();
        this.interrupts = ctrl.interruptHandler(queues);
        int maxQid = 0;
        for (IoQueuePair q : queues) {
            maxQid = Math.max(maxQid, q.qid());
        }
        this.byQid = new IoQueuePair[maxQid + 1];
        this.completionsByQid = new long[maxQid + 1];
        this.unrungByQid = new int[maxQid + 1];
        this.inFlightByQid = new int[maxQid + 1];
        this.reapedByQid = new int[maxQid + 1];
        for (IoQueuePair q : queues) {
            byQid[q.qid()] = q;
        }
        this.vectorsInUse = interrupts.vectors();
        for (int v : vectorsInUse) {
            vectorSet.add(v);
        }
        this.polling = spec.polling();
        this.recheckNanos = recheckNanos;
        this.ioTimeoutNanos = ioTimeoutNanos;
        this.iodepth = spec.iodepth();
        this.blocks = spec.blockSize() / lbaSize;
        this.namespaceBlocks = namespaceBlocks;
        IoShape shape = spec.shape();
        this.lbaSize = lbaSize;
        this.sizeTable = shape.mix() == null ? null : shape.mix().blockTable(lbaSize);
        this.alignBlocks = spec.minBlockSize() / lbaSize;
        this.offsetBlocks = shape.offsetBytes() / lbaSize;
        this.randomRun = shape.randomRun();
        this.holeBlocks = shape.holeBytes() / lbaSize;
        this.seqNext = offsetBlocks;
        this.positions = Math.max(1, (namespaceBlocks - offsetBlocks - blocks) / alignBlocks + 1);
        this.random = spec.rw().random();
        this.mixed = spec.rw().mixed();
        this.writesOnly = spec.rw().writesData() && !spec.rw().reads();
        this.trims = spec.rw().trims();
        this.trimThenWrite = spec.rw().trims() && spec.rw().writesData();
        this.rwmixread = spec.rwmixread();
        this.rng = new SplitMix64(spec.seed());
        this.issueLimit = spec.ios() > 0 ? spec.ios() : Long.MAX_VALUE;
        this.runtimeNanos = spec.runtimeNanos();
        this.series = new TimeSeriesRecorder((int) Math.min(36_000, spec.runtimeNanos() / LatencyWindow.SLICE_NANOS));
        this.gauges = gauges;
        int inFlightMax = 0;
        for (IoQueuePair q : queues) {
            inFlightMax += q.slots();
        }
        this.staged = new long[inFlightMax];
        this.split = spec.commandsPerIo(mdtsBytes);
        this.commandBlocks = spec.commandBytes(mdtsBytes) / lbaSize;
        this.blocksOf = new int[maxQid + 1][];
        this.piecesLeft = new int[maxQid + 1][];
        this.pieceStatus = new int[maxQid + 1][];
        for (IoQueuePair q : queues) {
            int ios = q.slots() / split;
            blocksOf[q.qid()] = new int[ios];
            piecesLeft[q.qid()] = new int[ios];
            pieceStatus[q.qid()] = new int[ios];
        }
    }

    int[] vectorsInUse() {
        return vectorsInUse.clone();
    }

    /**
     * Runs until the limits are reached or the observer cancels, then drains what is in flight; once only.
     *
     * @return what was measured
     */
    IoOutcome run(RunObserver observer) {
        startNanos = pci.nanoTime();
        interruptsAtStart = interruptsNow();
        long stopAt = runtimeNanos > 0 ? startNanos + runtimeNanos : Long.MAX_VALUE;
        for (IoQueuePair q : queues) {
            for (int io = 0; io < iodepth && issued < issueLimit; io++) {
                submitNext(q, io);
            }
            ring(q);
        }
        long nextTick = startNanos + LatencyWindow.SLICE_NANOS;
        int tick = 0;
        long lastIrqs = interruptsNow();
        long lastProgress = startNanos;
        long lastHealthCheck = startNanos;
        now = startNanos;
        while (issued != completed) {
            int got;
            if (polling) {
                now = pci.nanoTime();
                got = reapAll();
                if (got == 0) {
                    pci.relax(POLL_RELAX_NANOS);
                }
            } else {
                int v = pci.awaitInterrupt(vectorSet, recheckNanos);
                now = pci.nanoTime();
                if (v >= 0) {
                    // The driver's interrupt service: which CQs to examine and INTMS/INTMC depend on the
                    // mode. One that finds nothing is left at that, as a real handler would: looking at
                    // the other queues too would be work no interrupt asked for (and in pin-based mode
                    // the handler has just looked at every queue).
                    got = interrupts.service(v, this);
                } else {
                    // No interrupt for a recheck interval: look at every ring, so a lost interrupt costs
                    // one interval, never a hang. This is the driver's timeout, not interrupt work.
                    got = reapAll();
                    if (got > 0) {
                        lostInterruptRecoveries++;
                    }
                }
            }
            for (IoQueuePair q : queues) {
                countReaped(q.qid());
                ring(q);
            }
            recordStaged();
            if (got > 0) {
                lastProgress = now;
            } else if (now - lastHealthCheck >= recheckNanos) {
                lastHealthCheck = now;
                checkHealth();
                if (now - lastProgress > ioTimeoutNanos) {
                    if (abortsSent > 0) {
                        stuckCommands = issued - completed;
                        break; // aborting did not help either: give up on them
                    }
                    abortStuck();
                    lastProgress = now;
                }
            }
            if (!stopping && now - stopAt >= 0) {
                stopping = true;
            }
            if (now - nextTick >= 0) {
                while (now - nextTick >= 0) {
                    closeSlice();
                    tick++;
                    // One time-series sample per slice, so a run of a second or two still draws a curve.
                    long irqs = interruptsNow();
                    series.add(tick * LatencyWindow.SLICE_NANOS, window.sampleCount() * SLICES_PER_SECOND,
                            window.samplePercentile(50), window.samplePercentile(99), (irqs - lastIrqs) * SLICES_PER_SECOND);
                    lastIrqs = irqs;
                    window.startSample();
                    nextTick += LatencyWindow.SLICE_NANOS;
                }
                publish();
                observer.progress(progress());
            }
            if (!stopping && observer.cancelled()) {
                stopping = true;
                cancelled = true;
            }
        }
        endNanos = now;
        // The partial last slice, scaled to a rate: kept when it is a run's only sample or long enough to
        // mean something; a few microseconds of commands draining after the limit would draw a cliff.
        closeSlice();
        long partial = (endNanos - startNanos) - tick * LatencyWindow.SLICE_NANOS;
        if (partial > 0 && window.sampleCount() > 0 && (tick == 0 || partial >= LatencyWindow.SLICE_NANOS / 10)) {
            double scale = 1e9 / partial;
            series.add(endNanos - startNanos, window.sampleCount() * scale, window.samplePercentile(50),
                    window.samplePercentile(99), (interruptsNow() - lastIrqs) * scale);
        }
        publish();
        observer.progress(1.0);
        return new IoOutcome(completed, errors, firstErrorStatus, lostInterruptRecoveries, cancelled, stuckCommands,
                abortsSent, abortsAccepted, Math.max(0, endNanos - startNanos), readLatency, writeLatency, series.result(),
                completionsByQid.clone(), movedBlocks * lbaSize, QueueDepths.of(depthAtSubmit, perSubmit, perReap),
                commands, splitIos, trimLatency);
    }

    /**
     * Rings the queue's SQ doorbell, counting as fio's td_io_commit does: the commands it submits, at the
     * depth they make (these included), and the submission by its size.
     */
    private void ring(IoQueuePair q) {
        int qid = q.qid();
        int n = unrungByQid[qid];
        if (n > 0) {
            depthAtSubmit[QueueDepths.depthBucket(inFlightByQid[qid])] += n;
            perSubmit[QueueDepths.batchBucket(n)]++;
            unrungByQid[qid] = 0;
        }
        q.ringSqDoorbell();
    }

    /** One reap of the queue's completions, by how many it found, as fio's io_u_mark_complete counts a getevents. */
    private void countReaped(int qid) {
        int n = reapedByQid[qid];
        if (n > 0) {
            perReap[QueueDepths.batchBucket(n)]++;
            reapedByQid[qid] = 0;
        }
    }

    /**
     * Nothing completed for the I/O timeout: sends Abort for every command still in flight (the admin
     * path may allocate); they should then complete with Command Abort Requested.
     */
    private void abortStuck() {
        stopping = true;
        for (IoQueuePair q : queues) {
            for (int cid = 0; cid < q.slots(); cid++) {
                if (q.isBusy(cid)) {
                    AdminResult r = ctrl.abort(q.qid(), cid);
                    abortsSent++;
                    if (r.ok() && (r.dw0() & 1) == 0) {
                        abortsAccepted++;
                    }
                }
            }
        }
    }

    private void recordStaged() {
        final long[] st = staged;
        final Histogram r = readSlice;
        final Histogram w = writeSlice;
        for (int i = 0, n = stagedCount; i < n; i++) {
            long v = st[i];
            int kind = (int) (v & 3);
            if (kind == 0) {
                r.recordValue(v >>> 2);
            } else if (kind == 1) {
                w.recordValue(v >>> 2);
            } else {
                trimSlice.recordValue(v >>> 2);
            }
        }
        stagedCount = 0;
    }

    /** Folds the slice's latencies into the run's totals and the live window. */
    private void closeSlice() {
        window.rotate(readSlice, writeSlice, trimSlice);
        if (trimSlice.getTotalCount() > 0) {
            trimLatency.add(trimSlice);
            trimSlice.reset();
        }
        if (readSlice.getTotalCount() > 0) {
            readLatency.add(readSlice);
            readSlice.reset();
        }
        if (writeSlice.getTotalCount() > 0) {
            writeLatency.add(writeSlice);
            writeSlice.reset();
        }
    }

    private void publish() {
        long n = window.count();
        // In the run's first second the window holds only the slices closed so far: divide by that span,
        // or the live IOPS would climb from near zero to the real rate over the first second.
        long span = Math.max(1, Math.min(now - startNanos, LatencyWindow.SLICES * LatencyWindow.SLICE_NANOS));
        gauges.window(n * 1e9 / span, window.percentile(50),
                window.percentile(99), window.percentile(99.9));
        gauges.totalIos(completed);
        published.publish(readLatency, writeLatency, Math.max(0, now - startNanos), completed,
                interruptsNow() - interruptsAtStart);
    }

    /** The figures the loop has published so far (any thread). */
    LoopSoFar soFar() {
        return new LoopSoFar(published, series);
    }

    private double progress() {
        double byCount = issueLimit == Long.MAX_VALUE ? 0 : (double) completed / issueLimit;
        double byTime = runtimeNanos > 0 ? (double) (now - startNanos) / runtimeNanos : 0;
        return Math.min(1.0, Math.max(byCount, byTime));
    }

    private void checkHealth() {
        int csts = pci.mmioRead32(Registers.CSTS);
        if (Registers.cstsFatal(csts)) {
            throw new ControllerFatalException("The controller reported a fatal error (CSTS.CFS) during the run; "
                    + "recover() resets it and sets the desired features again.");
        }
    }

    private long interruptsNow() {
        long sum = 0;
        for (int v : vectorsInUse) {
            sum += pci.interruptCount(v);
        }
        return sum;
    }

    private int reapAll() {
        int got = 0;
        for (IoQueuePair q : queues) {
            got += q.reapCompletions(this);
        }
        return got;
    }

    @Override
    public void onCompletion(int qid, int cid, int status, long result) {
        IoQueuePair q = byQid[qid];
        commands++;
        completionsByQid[qid]++;
        int io = cid;
        if (split > 1) {
            // One command of a split I/O: the I/O completes with its last command, failed if any failed.
            io = cid / split;
            if (status != 0 && pieceStatus[qid][io] == 0) {
                pieceStatus[qid][io] = status;
            }
            if (--piecesLeft[qid][io] > 0) {
                return;
            }
            status = pieceStatus[qid][io];
            pieceStatus[qid][io] = 0;
        }
        long latency = now - q.submittedAt(cid);
        if (latency < 0) {
            latency = 0;
        } else if (latency > HIGHEST_LATENCY_NANOS) {
            latency = HIGHEST_LATENCY_NANOS;
        }
        // Staged, recorded after the batch: the histograms' cache lines are then touched once per batch
        // rather than once per I/O between the device's data copies (profiling showed the misses).
        if (stagedCount == staged.length) {
            recordStaged(); // cannot happen with a well-behaved device: one completion per command
        }
        int opcode = q.opcodeOf(cid);
        staged[stagedCount++] = latency << 2 | (opcode == Opcodes.READ ? 0 : opcode == Opcodes.WRITE ? 1 : 2);
        completed++;
        inFlightByQid[qid]--;
        reapedByQid[qid]++;
        movedBlocks += blocksOf[qid][io];
        if (status != 0) {
            errors++;
            if (firstErrorStatus < 0) {
                firstErrorStatus = status;
            }
        }
        if (!stopping && issued < issueLimit) {
            submitNext(q, io);
        }
    }

    /** Issues the next I/O of the workload as I/O {@code io} of queue {@code q}: one command, or its pieces. */
    private void submitNext(IoQueuePair q, int io) {
        if (writeTrimmed) {
            // trimwrite: the write of the blocks the last trim deallocated, as fio pairs them.
            writeTrimmed = false;
            blocksOf[q.qid()][io] = trimmedBlocks;
            issueData(q, io, Opcodes.WRITE, trimmedSlba, trimmedBlocks);
            return;
        }
        int n = sizeTable == null ? blocks : sizeTable[(int) rng.nextBelow(sizeTable.length)];
        long slba;
        if (random) {
            if (runLeft > 0 && runNext + n <= namespaceBlocks) {
                slba = runNext; // rw=randread:N: N I/Os from each new random offset
                runLeft--;
            } else {
                slba = offsetBlocks + rng.nextBelow(positions) * alignBlocks;
                runLeft = randomRun - 1;
            }
            runNext = slba + n;
        } else {
            slba = seqNext;
            if (slba + n > namespaceBlocks) {
                slba = offsetBlocks; // wrap to the job's offset, as fio wraps within its region
            }
            seqNext = slba + n + holeBlocks;
        }
        blocksOf[q.qid()][io] = n;
        if (trims) {
            // One deallocate covers the whole I/O: MDTS limits data transfers, not a range's length.
            queued(q.submitDeallocate(io * split, slba, n));
            if (split > 1) {
                piecesLeft[q.qid()][io] = 1;
            }
            issued(q);
            if (trimThenWrite) {
                writeTrimmed = true;
                trimmedSlba = slba;
                trimmedBlocks = n;
            }
            return;
        }
        boolean write = writesOnly || (mixed && rng.nextInt(100) >= rwmixread);
        issueData(q, io, write ? Opcodes.WRITE : Opcodes.READ, slba, n);
    }

    /** Sends a read or write I/O as I/O {@code io} of {@code q}: one command, or its pieces at MDTS. */
    private void issueData(IoQueuePair q, int io, int opcode, long slba, int n) {
        if (split == 1) {
            command(q, opcode, io, slba, n);
        } else {
            int pieces = 0;
            for (int off = 0; off < n; off += commandBlocks) {
                command(q, opcode, io * split + pieces, slba + off, Math.min(commandBlocks, n - off));
                pieces++;
            }
            piecesLeft[q.qid()][io] = pieces;
            if (pieces > 1) {
                splitIos++;
            }
        }
        issued(q);
    }

    /** One more I/O in flight on {@code q}, waiting for its doorbell. */
    private void issued(IoQueuePair q) {
        issued++;
        unrungByQid[q.qid()]++;
        inFlightByQid[q.qid()]++;
    }

    private static void command(IoQueuePair q, int opcode, int cid, long slba, int blocks) {
        queued(q.submit(opcode, cid, slba, blocks));
    }

    private static void queued(boolean accepted) {
        if (!accepted) {
            throw new IllegalStateException("The submission queue is full although iodepth fits it; the device "
                    + "reported an SQ head that does not match the completions.");
        }
    }
}
