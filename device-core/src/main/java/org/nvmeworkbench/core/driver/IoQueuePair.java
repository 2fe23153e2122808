package org.nvmeworkbench.core.driver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;
import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;

/**
 * One I/O submission queue and its completion queue, in DMA memory, with the host's side of both
 * rings. Commands are identified by slot: CID {@code n} always uses slot {@code n}'s data buffer and
 * PRPs, all prepared when the pair is created, so submitting and reaping allocate nothing.
 *
 * <p>Threading: one thread submits and reaps. Telemetry reads the published copies of the ring
 * indexes ({@link #ringSnapshot()}) from another thread; they are written with opaque stores once per
 * batch, never under a lock.
 */
public final class IoQueuePair {
    /** Largest per-slot buffer: 512 pages of 4 KiB, so one PRP list page always suffices. */
    public static final int MAX_IO_BYTES = 2 * 1024 * 1024;

    private static final VarHandle PUB_SQ_TAIL;
    private static final VarHandle PUB_SQ_HEAD;
    private static final VarHandle PUB_CQ;
    private static final VarHandle PUB_IN_FLIGHT;
    private static final VarHandle PUB_COMPLETED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PUB_SQ_TAIL = l.findVarHandle(IoQueuePair.class, "pubSqTail", int.class);
            PUB_SQ_HEAD = l.findVarHandle(IoQueuePair.class, "pubSqHead", int.class);
            PUB_CQ = l.findVarHandle(IoQueuePair.class, "pubCqHeadPhase", int.class);
            PUB_IN_FLIGHT = l.findVarHandle(IoQueuePair.class, "pubInFlight", int.class);
            PUB_COMPLETED = l.findVarHandle(IoQueuePair.class, "pubCompleted", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PciFunction pci;
    private final int qid;
    private final int entries;
    private final int vector;
    private final boolean interruptsEnabled;
    private final int nsid;
    private final int lbaShift;
    private final int pageSize;
    private final int slots;
    private final int slotBytes;
    private final DmaRegion sqRegion;
    private final DmaRegion cqRegion;
    private final DmaRegion dataRegion;
    private final DmaRegion prpRegion;
    private final ByteBuffer sq;
    private final ByteBuffer cq;
    private final ByteBuffer data;
    private final int sqDoorbell;
    private final int cqDoorbell;

    // Per slot, prepared once: PRP1 (the slot's first page), PRP2 for two pages, the PRP list's address.
    private final long[] prp1;
    private final long[] prpList;
    private final boolean[] busy;
    private final byte[] opcodes;
    private final long[] submitNanos;
    private final int[] unrung;

    // Host state, driver thread only.
    private int sqTail;
    private int sqHead;
    private int cqHead;
    private int phase = 1;
    private int inFlight;
    private int unrungCount;
    private long completed;
    private long strayCompletions;
    /** The Lab's trace of the host's ring actions; null (the default) costs one check per action. */
    private HostTraceListener trace;
    /**
     * Set before the rings' memory is freed; a sampler peeking at the CQ announces itself in
     * {@link #peekers} first, and close waits for it (on VFIO freed memory is unmapped).
     */
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger peekers = new java.util.concurrent.atomic.AtomicInteger();

    // Published copies for telemetry (opaque).
    @SuppressWarnings("unused")
    private int pubSqTail;
    @SuppressWarnings("unused")
    private int pubSqHead;
    @SuppressWarnings("unused")
    private int pubCqHeadPhase = 1;
    @SuppressWarnings("unused")
    private int pubInFlight;
    @SuppressWarnings("unused")
    private long pubCompleted;

    IoQueuePair(PciFunction pci, int qid, int entries, int vector, boolean interruptsEnabled, int nsid, int lbaSize, int pageSize,
                int dstrd, int maxIoBytes) {
        if (maxIoBytes < lbaSize || maxIoBytes > MAX_IO_BYTES) {
            throw new DriverException("A queue slot buffer must hold " + lbaSize + " B..2 MiB, not " + maxIoBytes + " B.");
        }
        this.pci = pci;
        this.qid = qid;
        this.entries = entries;
        this.vector = vector;
        this.interruptsEnabled = interruptsEnabled;
        this.nsid = nsid;
        this.lbaShift = Integer.numberOfTrailingZeros(lbaSize);
        this.pageSize = pageSize;
        this.slots = entries - 1; // a full ring holds entries - 1 commands
        this.slotBytes = roundUp(maxIoBytes, pageSize);
        this.sqDoorbell = Registers.sqTailDoorbell(qid, dstrd);
        this.cqDoorbell = Registers.cqHeadDoorbell(qid, dstrd);

        int pagesPerSlot = slotBytes / pageSize;
        DmaRegion sqR = null;
        DmaRegion cqR = null;
        DmaRegion dataR = null;
        DmaRegion prpR = null;
        try {
            sqR = pci.allocateDma(entries * Sqe.SIZE);
            cqR = pci.allocateDma(entries * 16);
            long total = (long) slots * slotBytes;
            if (total > Integer.MAX_VALUE) {
                throw new DriverException("Queue " + qid + " would need " + (total >> 20)
                        + " MiB of data buffers; use fewer entries or a smaller block size.");
            }
            dataR = pci.allocateDma((int) total);
            prpR = pagesPerSlot > 2 ? pci.allocateDma(slots * pageSize) : null;
        } catch (RuntimeException e) {
            closeQuietly(sqR);
            closeQuietly(cqR);
            closeQuietly(dataR);
            throw e;
        }
        this.sqRegion = sqR;
        this.cqRegion = cqR;
        this.dataRegion = dataR;
        this.prpRegion = prpR;
        this.sq = sqR.buffer();
        this.cq = cqR.buffer();
        this.data = dataR.buffer().duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        prefill();

        this.prp1 = new long[slots];
        this.prpList = new long[slots];
        this.busy = new boolean[slots];
        this.opcodes = new byte[slots];
        this.submitNanos = new long[slots];
        this.unrung = new int[slots];
        long dataBus = dataR.busAddress();
        for (int s = 0; s < slots; s++) {
            prp1[s] = dataBus + (long) s * slotBytes;
            if (prpR != null) {
                // The list holds the slot's pages 1..n-1, page aligned (docs/nvme-reference.md, PRP).
                ByteBuffer list = prpR.buffer();
                int at = s * pageSize;
                for (int p = 1; p < pagesPerSlot; p++) {
                    list.putLong(at + 8 * (p - 1), prp1[s] + (long) p * pageSize);
                }
                prpList[s] = prpR.busAddress() + at;
            }
        }
    }

    // --- submission ------------------------------------------------------------------------------

    /** Queues a Read of {@code blocks} logical blocks at {@code slba} into slot {@code cid}'s buffer. */
    public boolean submitRead(int cid, long slba, int blocks) {
        return submit(Opcodes.READ, cid, slba, blocks);
    }

    /** Queues a Write of {@code blocks} logical blocks at {@code slba} from slot {@code cid}'s buffer. */
    public boolean submitWrite(int cid, long slba, int blocks) {
        return submit(Opcodes.WRITE, cid, slba, blocks);
    }

    /**
     * Writes one SQE for slot {@code cid} at the SQ tail; the device sees it after
     * {@link #ringSqDoorbell()}. Returns false, writing nothing, when the SQ is full.
     *
     * @param blocks how many logical blocks (1-based here; the SQE carries NLB 0's based)
     */
    public boolean submit(int opcode, int cid, long slba, int blocks) {
        int next = nextTail(cid);
        if (next < 0) {
            return false;
        }
        int bytes = blocks << lbaShift;
        if (blocks < 1 || blocks > 65536 || bytes > slotBytes) {
            throw new IllegalArgumentException(sizeProblem(blocks));
        }
        long p1 = prp1[cid];
        long p2 = bytes <= pageSize ? 0L : bytes <= 2 * pageSize ? p1 + pageSize : prpList[cid];
        // Only the fields that vary are written: NSID and the zero words were laid down once per ring
        // entry (prefill), so an SQE costs five stores instead of twelve.
        final ByteBuffer s = sq;
        int at = sqTail << 6;
        s.putInt(at, (opcode & 0xFF) | (cid << 16));
        s.putLong(at + Sqe.PRP1, p1);
        s.putLong(at + Sqe.PRP2, p2);
        s.putLong(at + Sqe.CDW10, slba); // CDW10 = SLBA 31:0, CDW11 = SLBA 63:32
        s.putInt(at + Sqe.CDW12, blocks - 1);
        written(cid, opcode, next);
        return true;
    }

    /** The SQ tail after one more entry for free slot {@code cid}, or -1 when the SQ is full. */
    private int nextTail(int cid) {
        if (cid < 0 || cid >= slots || busy[cid]) {
            throw new IllegalStateException(slotProblem(cid));
        }
        int next = sqTail + 1;
        if (next == entries) {
            next = 0;
        }
        return next == sqHead ? -1 : next;
    }

    /** The SQE for slot {@code cid} is written: the slot is busy and waits for the next doorbell. */
    private void written(int cid, int opcode, int next) {
        busy[cid] = true;
        opcodes[cid] = (byte) opcode;
        inFlight++;
        unrung[unrungCount++] = cid;
        sqTail = next;
        if (trace != null) {
            trace.sqeWritten(qid, cid, next, pci.nanoTime());
        }
    }

    /**
     * Writes a Dataset Management SQE for slot {@code cid} deallocating {@code blocks} logical blocks at
     * {@code slba} (NVM Command Set spec 3.2.3: NR 0, one range; AD set): the range goes into the slot's own
     * buffer, so nothing is allocated. Returns false, writing nothing, when the SQ is full.
     */
    public boolean submitDeallocate(int cid, long slba, long blocks) {
        if (blocks < 1 || blocks > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("A Dataset Management range holds 1..2^32-1 blocks, not " + blocks + ".");
        }
        int next = nextTail(cid);
        if (next < 0) {
            return false;
        }
        int range = cid * slotBytes;
        data.putInt(range, 0);                  // context attributes: none
        data.putInt(range + 4, (int) blocks);   // length in logical blocks (not 0's based)
        data.putLong(range + 8, slba);          // starting LBA
        final ByteBuffer s = sq;
        int at = sqTail << 6;
        s.putInt(at, (Opcodes.DATASET_MANAGEMENT & 0xFF) | (cid << 16));
        s.putLong(at + Sqe.PRP1, prp1[cid]);
        s.putLong(at + Sqe.PRP2, 0L);           // 16 bytes never cross the slot's first page
        s.putLong(at + Sqe.CDW10, (long) Opcodes.DSM_DEALLOCATE << 32); // CDW10 NR = 0 (one range), CDW11 AD
        s.putInt(at + Sqe.CDW12, 0);
        written(cid, Opcodes.DATASET_MANAGEMENT, next);
        return true;
    }

    /**
     * Tells the device about every SQE written since the last ring, with one doorbell write, and
     * stamps their submit time.
     */
    public void ringSqDoorbell() {
        int n = unrungCount;
        if (n == 0) {
            return;
        }
        long now = pci.nanoTime();
        int[] u = unrung;
        long[] t = submitNanos;
        for (int i = 0; i < n; i++) {
            t[u[i]] = now;
        }
        unrungCount = 0;
        pci.mmioWrite32(sqDoorbell, sqTail);
        if (trace != null) {
            trace.sqDoorbellRung(qid, sqTail, now);
        }
        PUB_SQ_TAIL.setOpaque(this, sqTail);
        PUB_IN_FLIGHT.setOpaque(this, inFlight);
    }

    // --- completion ------------------------------------------------------------------------------

    /**
     * Consumes every completion entry whose phase tag matches, hands each to {@code sink} (after its
     * slot is free again, so the sink may resubmit it) and writes the CQ head doorbell once. An entry
     * whose CID names no command in flight is consumed and counted in {@link #strayCompletions()}.
     *
     * @return how many entries were consumed
     */
    public int reapCompletions(CompletionSink sink) {
        final ByteBuffer c = cq;
        final HostTraceListener tr = trace;
        int head = cqHead;
        int ph = phase;
        int n = 0;
        while (true) {
            int at = head << 4;
            int dw3 = c.getInt(at + 12);
            if (((dw3 >>> 16) & 1) != ph) {
                break;
            }
            VarHandle.acquireFence(); // read the entry only after its phase tag
            int result = c.getInt(at);
            int sqhd = c.getShort(at + 8) & 0xFFFF;
            int cid = dw3 & 0xFFFF;
            if (++head == entries) {
                head = 0;
                ph ^= 1;
            }
            cqHead = head;
            phase = ph;
            sqHead = sqhd;
            n++;
            if (tr != null) {
                tr.cqeConsumed(qid, cid, head, ph, pci.nanoTime());
            }
            if (cid < slots && busy[cid]) {
                busy[cid] = false;
                inFlight--;
                sink.onCompletion(qid, cid, (dw3 >>> 17) & 0x7FF, result & 0xFFFFFFFFL);
            } else {
                strayCompletions++; // names no command in flight: counted, never passed on
            }
        }
        if (n > 0) {
            pci.mmioWrite32(cqDoorbell, head);
            if (tr != null) {
                tr.cqDoorbellRung(qid, head, pci.nanoTime());
            }
            completed += n;
            PUB_CQ.setOpaque(this, head | (ph << 31));
            PUB_SQ_HEAD.setOpaque(this, sqHead);
            PUB_IN_FLIGHT.setOpaque(this, inFlight);
            PUB_COMPLETED.setOpaque(this, completed);
        }
        return n;
    }

    /** True when the entry at the CQ head carries the expected phase: there is something to reap. */
    public boolean hasCompletion() {
        return ((cq.get((cqHead << 4) + 14) & 1) == phase);
    }

    // --- slots -----------------------------------------------------------------------------------

    /** When slot {@code cid}'s command was handed to the device (doorbell), on the device clock. */
    public long submittedAt(int cid) {
        return submitNanos[cid];
    }

    /** The opcode slot {@code cid} last carried. */
    public int opcodeOf(int cid) {
        return opcodes[cid] & 0xFF;
    }

    public boolean isBusy(int cid) {
        return busy[cid];
    }

    /** The region holding every slot's data buffer; slot {@code cid} starts at {@link #slotOffset}. */
    public DmaRegion dataRegion() {
        return dataRegion;
    }

    public int slotOffset(int cid) {
        return cid * slotBytes;
    }

    public int slotBytes() {
        return slotBytes;
    }

    /** Commands that can be in flight at once: entries - 1. */
    public int slots() {
        return slots;
    }

    // --- state -----------------------------------------------------------------------------------

    public int qid() {
        return qid;
    }

    public int entries() {
        return entries;
    }

    public int vector() {
        return vector;
    }

    /** Whether the CQ was created with IEN=1 (signals {@link #vector()}). */
    public boolean interruptsEnabled() {
        return interruptsEnabled;
    }

    public int nsid() {
        return nsid;
    }

    public int lbaSize() {
        return 1 << lbaShift;
    }

    public int inFlight() {
        return inFlight;
    }

    public int sqTail() {
        return sqTail;
    }

    public int sqHead() {
        return sqHead;
    }

    public int cqHead() {
        return cqHead;
    }

    public int phase() {
        return phase;
    }

    public boolean isFull() {
        int next = sqTail + 1;
        return (next == entries ? 0 : next) == sqHead;
    }

    /** Completions consumed over the pair's life. */
    public long completed() {
        return completed;
    }

    /** Completion entries whose CID named no command in flight (a device or driver bug). */
    public long strayCompletions() {
        return strayCompletions;
    }

    /**
     * The rings as the host knows them, for a sampler on another thread: opaque reads of what the
     * driver thread published, plus a peek at the CQ's phase tags for entries not yet consumed.
     */
    public QueueRingSnapshot ringSnapshot() {
        int tail = (int) PUB_SQ_TAIL.getOpaque(this);
        int head = (int) PUB_SQ_HEAD.getOpaque(this);
        int cqPacked = (int) PUB_CQ.getOpaque(this);
        int inflight = (int) PUB_IN_FLIGHT.getOpaque(this);
        int cqH = cqPacked & 0x7FFFFFFF;
        int ph = cqPacked >>> 31;
        int posted = 0;
        peekers.incrementAndGet();
        try {
            if (!closed) {
                int at = cqH;
                int p = ph;
                while (posted < entries - 1 && (cq.get((at << 4) + 14) & 1) == p) {
                    posted++;
                    if (++at == entries) {
                        at = 0;
                        p ^= 1;
                    }
                }
            }
        } finally {
            peekers.decrementAndGet();
        }
        int cqTail = (cqH + posted) % entries;
        int sqOcc = Math.floorMod(tail - head, entries);
        return new QueueRingSnapshot(qid, entries, head, tail, cqH, cqTail, ph, sqOcc, posted, inflight, vector);
    }

    /** Completions consumed, as published for telemetry. */
    public long publishedCompleted() {
        return (long) PUB_COMPLETED.getOpaque(this);
    }

    // --- life cycle (driver) ---------------------------------------------------------------------

    /** Set by {@link NvmeController#setHostTraceListener} on the submitting thread, or before I/O starts. */
    void setTraceListener(HostTraceListener listener) {
        this.trace = listener;
    }

    long sqBusAddress() {
        return sqRegion.busAddress();
    }

    long cqBusAddress() {
        return cqRegion.busAddress();
    }

    /**
     * Forgets every command and empties both rings, as a controller reset does to the device's side:
     * the queues are about to be created again.
     */
    void resetHostState() {
        zero(sq);
        zero(cq);
        prefill();
        sqTail = 0;
        sqHead = 0;
        cqHead = 0;
        phase = 1;
        inFlight = 0;
        unrungCount = 0;
        java.util.Arrays.fill(busy, false);
        PUB_SQ_TAIL.setOpaque(this, 0);
        PUB_SQ_HEAD.setOpaque(this, 0);
        PUB_CQ.setOpaque(this, 1 << 31);
        PUB_IN_FLIGHT.setOpaque(this, 0);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (peekers.get() > 0) {
            Thread.onSpinWait(); // a sampler is reading the CQ; it sees closed on its next look
        }
        sqRegion.close();
        cqRegion.close();
        dataRegion.close();
        closeQuietly(prpRegion);
    }

    /** Lays down the SQE fields that never change on this queue: NSID; everything else stays zero. */
    private void prefill() {
        for (int i = 0; i < entries; i++) {
            Sqe.write(sq, i * Sqe.SIZE, 0, 0, nsid, 0L, 0L, 0, 0, 0, 0, 0, 0);
        }
    }

    private static void zero(ByteBuffer b) {
        for (int i = 0; i < b.capacity(); i += 8) {
            b.putLong(i, 0L);
        }
    }

    private static void closeQuietly(DmaRegion r) {
        if (r != null) {
            r.close();
        }
    }

    private static int roundUp(int v, int unit) {
        return (v + unit - 1) / unit * unit;
    }

    private String slotProblem(int cid) {
        return cid < 0 || cid >= slots
                ? "Slot " + cid + " does not exist on queue " + qid + " (it has " + slots + " slots)."
                : "Slot " + cid + " on queue " + qid + " already has a command in flight.";
    }

    private String sizeProblem(int blocks) {
        return "A transfer of " + blocks + " blocks of " + (1 << lbaShift) + " B does not fit the "
                + slotBytes + " B slot buffers of queue " + qid + ".";
    }

    @Override
    public String toString() {
        return "IoQueuePair[qid=" + qid + ", entries=" + entries + ", vector=" + vector + "]";
    }
}
