package org.nvmeworkbench.core.driver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.IdentifyController;
import org.nvmeworkbench.core.spec.IdentifyControllerData;
import org.nvmeworkbench.core.spec.IdentifyNamespace;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.telemetry.VectorRates;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;

/**
 * An NVMe controller driven from user space through a {@link PciFunction}: bring-up, synchronous
 * admin commands (each one logged), I/O queue pairs, features, reset and recovery.
 *
 * <p>Admin methods are called from one thread at a time (the session's). The I/O queue pairs are
 * driven by whichever thread runs the workload. {@link #snapshot()} may be called from any thread.
 *
 * <p>Closing the controller deletes its queues and disables it; the {@link PciFunction} stays open
 * (whoever opened it closes it).
 */
public final class NvmeController implements AutoCloseable, TelemetrySource {
    private static final Logger LOG = Logger.getLogger(NvmeController.class.getName());
    private static final int PAGE = 4096;
    /** PCI command register: memory space, bus master, INTx disable. */
    private static final int PCI_COMMAND = 0x04;
    private static final int CMD_MEMORY = 1 << 1;
    private static final int CMD_BUS_MASTER = 1 << 2;
    private static final int CMD_INTX_DISABLE = 1 << 10;

    private final PciFunction pci;
    private final DriverOptions options;
    private final AdminLog adminLog = new AdminLog();
    private final AdminQueue admin;
    private final DmaRegion adminData;
    private final List<IoQueuePair> pairs = new CopyOnWriteArrayList<>();
    private final Map<Integer, Boolean> knownCd = new ConcurrentHashMap<>();
    /** Commands that timed out and were aborted, by CID, so a late completion can be logged properly. */
    private final Map<Integer, long[]> abandoned = new HashMap<>();
    /** What every {@link IoInterruptHandler} of this controller has done, over its life. */
    private final HostInterruptTally interruptTally = new HostInterruptTally();

    private long cap;
    private int dstrd;
    private int vectors;
    private volatile DesiredFeatures desired = DesiredFeatures.NONE;
    private HostTraceListener hostTrace;
    private int requestedQueues;
    private int grantedQueues;
    private IdentifyController identity;
    private IdentifyControllerData identityData;
    private IdentifyNamespace namespace;
    private boolean closed;

    private NvmeController(PciFunction pci, DriverOptions options) {
        this.pci = pci;
        this.options = options;
        this.admin = new AdminQueue(pci, options.adminQueueEntries());
        DmaRegion data;
        try {
            data = pci.allocateDma(PAGE);
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
        this.adminData = data;
    }

    /**
     * Brings the controller up: bus master on, interrupts enabled, controller disabled then enabled
     * with the admin queues, Identify Controller and Namespace 1, Number of Queues.
     *
     * @throws DriverException (or {@link ControllerFatalException}) with one sentence when it cannot
     */
    public static NvmeController attach(PciFunction pci, DriverOptions opts) {
        NvmeController c = new NvmeController(pci, opts);
        try {
            c.bringUp();
            c.identityData = IdentifyControllerData.copyOf(c.identify(Opcodes.CNS_CONTROLLER, 0));
            c.identity = c.identityData.parse();
            c.namespace = c.identifyNamespace(1);
            if (!c.namespace.active()) {
                throw new DriverException("Namespace 1 of " + pci.name() + " is not active; the workbench needs it for I/O.");
            }
            c.requestedQueues = opts.ioQueues();
            c.applyNumberOfQueues();
            return c;
        } catch (RuntimeException e) {
            c.releaseMemory();
            throw e;
        }
    }

    private void bringUp() {
        int cmd = pci.configRead16(PCI_COMMAND) | CMD_MEMORY | CMD_BUS_MASTER;
        cmd = options.interruptMode() == InterruptMode.PIN ? cmd & ~CMD_INTX_DISABLE : cmd | CMD_INTX_DISABLE;
        pci.configWrite16(PCI_COMMAND, cmd);
        vectors = pci.enableInterrupts(options.interruptMode(), wantedVectors());
        cap = pci.mmioRead64(Registers.CAP);
        dstrd = Registers.capDstrd(cap);
        if (Registers.capMpsMin(cap) > 0) {
            throw new DriverException("The controller's smallest memory page is " + (Registers.pageSize(Registers.capMpsMin(cap)) / 1024)
                    + " KiB; this driver uses 4 KiB pages.");
        }
        if ((Registers.capCss(cap) & 1) == 0) {
            throw new DriverException("The controller does not support the NVM command set.");
        }
        if (Registers.capMqes(cap) + 1 < 2) {
            throw new DriverException("The controller reports queues of fewer than 2 entries (CAP.MQES).");
        }
        disable();
        enableWithAdminQueues();
    }

    private int wantedVectors() {
        int want = options.ioQueues() + 1;
        if (options.interruptMode() == InterruptMode.PIN) {
            return 1;
        }
        if (options.interruptMode() == InterruptMode.MSI) {
            int p = 1; // MSI grants a power of two, at most 32
            while (p < want && p < 32) {
                p <<= 1;
            }
            return p;
        }
        return Math.min(2048, want);
    }

    /** CC.EN=0 and wait for CSTS.RDY=0, bounded by CAP.TO. */
    private void disable() {
        int cc = pci.mmioRead32(Registers.CC);
        if (Registers.ccEnabled(cc)) {
            pci.mmioWrite32(Registers.CC, cc & ~Registers.CC_EN);
        }
        waitReady(false);
    }

    private void enableWithAdminQueues() {
        int n = Math.min(admin.entries(), Registers.capMqes(cap) + 1);
        admin.reset(dstrd);
        pci.mmioWrite32(Registers.AQA, Registers.aqa(n, n));
        pci.mmioWrite64(Registers.ASQ, admin.sqBusAddress());
        pci.mmioWrite64(Registers.ACQ, admin.cqBusAddress());
        pci.mmioWrite32(Registers.CC, Registers.cc(true, 0, 0, 0, 0, 6, 4));
        waitReady(true);
    }

    private void waitReady(boolean ready) {
        long timeout = Math.max(1, Registers.capTo(cap)) * 500_000_000L;
        long deadline = pci.nanoTime() + timeout;
        while (true) {
            int csts = pci.mmioRead32(Registers.CSTS);
            if (ready && Registers.cstsFatal(csts)) {
                throw new ControllerFatalException("The controller reported a fatal error (CSTS.CFS) while being enabled; "
                        + "check the admin queue setup (CC, AQA, ASQ, ACQ).");
            }
            if (Registers.cstsReady(csts) == ready) {
                return;
            }
            if (pci.nanoTime() - deadline >= 0) {
                throw new DriverException("The controller did not become " + (ready ? "ready" : "idle") + " within "
                        + timeout / 1_000_000 + " ms (CAP.TO).");
            }
            pci.relax(100_000L);
        }
    }

    // --- admin commands --------------------------------------------------------------------------

    /**
     * Sends one admin command and waits for it. On timeout it sends Abort and throws
     * {@link CommandTimeoutException}; on CSTS.CFS it throws {@link ControllerFatalException}.
     */
    public AdminResult adminCommand(int opcode, int nsid, long prp1, int cdw10, int cdw11) {
        ensureOpen();
        return execute(opcode, nsid, prp1, cdw10, cdw11, true);
    }

    private AdminResult execute(int opcode, int nsid, long prp1, int cdw10, int cdw11, boolean abortOnTimeout) {
        Instant wall = Instant.now();
        long t0 = pci.nanoTime();
        int cid = admin.submit(opcode, nsid, prp1, 0L, cdw10, cdw11, 0, 0, 0, 0);
        String what = Opcodes.adminName(opcode);
        AdminQueue.Completion c;
        try {
            c = admin.await(cid, options.adminTimeoutNanos(), options.interruptRecheckNanos(), options.pollAdmin(),
                    what, this::stray);
        } catch (ControllerFatalException e) {
            adminLog.append(wall, t0, opcode, cid, cdw10, cdw11, AdminLogEntry.TIMED_OUT, 0, pci.nanoTime() - t0,
                    "controller fatal status while waiting");
            throw e;
        }
        long took = pci.nanoTime() - t0;
        if (c != null) {
            adminLog.append(wall, t0, opcode, cid, cdw10, cdw11, c.status(), c.dw0(), took, "");
            return new AdminResult(c.status(), c.dw0());
        }
        adminLog.append(wall, t0, opcode, cid, cdw10, cdw11, AdminLogEntry.TIMED_OUT, 0, took, "timed out");
        abandoned.put(cid, new long[] {opcode, cdw10, cdw11, t0});
        String ms = (options.adminTimeoutNanos() / 1_000_000) + " ms";
        if (!abortOnTimeout) {
            throw new CommandTimeoutException(what + " did not complete within " + ms + ".", opcode, cid, null);
        }
        AdminResult abort;
        try {
            abort = execute(Opcodes.ABORT, 0, 0L, (cid << 16), 0, false);
        } catch (CommandTimeoutException e) {
            throw new CommandTimeoutException(what + " did not complete within " + ms
                    + " and the Abort sent for it did not complete either; reset the controller.", opcode, cid, null);
        }
        String outcome = !abort.ok() ? "the device refused the Abort sent for it (" + StatusCode.name(abort.status()) + ")"
                : (abort.dw0() & 1) == 0 ? "the driver aborted it" : "the driver sent Abort but the device did not abort it";
        throw new CommandTimeoutException(what + " did not complete within " + ms + "; " + outcome + ".", opcode, cid, abort);
    }

    private void stray(AdminQueue.Completion c) {
        long[] orig = abandoned.remove(c.cid());
        if (orig != null) {
            adminLog.append(Instant.now(), orig[3], (int) orig[0], c.cid(), (int) orig[1], (int) orig[2], c.status(),
                    c.dw0(), pci.nanoTime() - orig[3], "late completion of a command that timed out");
        } else {
            adminLog.append(Instant.now(), pci.nanoTime(), -1, c.cid(), 0, 0, c.status(), c.dw0(), 0,
                    "completion for no outstanding command");
        }
    }

    private java.nio.ByteBuffer identify(int cns, int nsid) {
        java.nio.ByteBuffer b = adminData.buffer();
        for (int i = 0; i < PAGE; i += 8) {
            b.putLong(i, 0L);
        }
        AdminResult r = adminCommand(Opcodes.IDENTIFY, nsid, adminData.busAddress(), cns, 0);
        if (!r.ok()) {
            throw new DriverException("Identify (CNS " + cns + ") failed: " + StatusCode.describe(r.status()) + ".");
        }
        return b;
    }

    /** Identify Controller, as read at attach. */
    public IdentifyController identifyController() {
        return identity;
    }

    /** Identify Controller's 4096 bytes as the controller returned them at attach. */
    public IdentifyControllerData identifyControllerData() {
        return identityData;
    }

    /** Sends Identify Namespace for {@code nsid} and parses it. */
    public IdentifyNamespace identifyNamespace(int nsid) {
        return IdentifyNamespace.parse(identify(Opcodes.CNS_NAMESPACE, nsid));
    }

    /** Namespace 1, the one I/O queue pairs address, as read at attach. */
    public IdentifyNamespace namespace() {
        return namespace;
    }

    /** Get Features; for 09h, {@code cdw11} carries the IV. */
    public AdminResult getFeature(int fid, int sel, int cdw11) {
        AdminResult r = adminCommand(Opcodes.GET_FEATURES, 0, 0L, FeatureId.cdw10Get(fid, sel), cdw11);
        if (r.ok() && fid == FeatureId.INTERRUPT_VECTOR_CONFIGURATION && sel == FeatureId.SEL_CURRENT) {
            knownCd.put(cdw11 & 0xFFFF, (r.dw0() & InterruptVectorConfig.CD_BIT) != 0);
        }
        return r;
    }

    /**
     * Set Features. A successful 08h or 09h is remembered in {@link #desiredFeatures()} so a reset can
     * set it again.
     */
    public AdminResult setFeature(int fid, int cdw11, boolean save) {
        AdminResult r = adminCommand(Opcodes.SET_FEATURES, 0, 0L, FeatureId.cdw10Set(fid, save), cdw11);
        if (r.ok()) {
            if (fid == FeatureId.INTERRUPT_COALESCING) {
                desired = desired.withCoalescing(InterruptCoalescing.fromCdw11(cdw11));
            } else if (fid == FeatureId.INTERRUPT_VECTOR_CONFIGURATION) {
                InterruptVectorConfig v = InterruptVectorConfig.fromCdw11(cdw11);
                desired = desired.withVector(v.vector(), v.coalescingDisabled());
                knownCd.put(v.vector(), v.coalescingDisabled());
            }
        }
        return r;
    }

    /**
     * Feature 07h: asks for {@code nsq} submission and {@code ncq} completion queues (counts, sent 0's
     * based). DW0 of the result holds what was granted (NSQA 15:0, NCAQ 31:16, 0's based).
     */
    public AdminResult setNumberOfQueues(int nsq, int ncq) {
        if (nsq < 1 || ncq < 1 || nsq > 65535 || ncq > 65535) {
            throw new IllegalArgumentException("Queue counts must be 1..65535.");
        }
        AdminResult r = setFeature(FeatureId.NUMBER_OF_QUEUES, (nsq - 1) | ((ncq - 1) << 16), false);
        if (r.ok()) {
            requestedQueues = Math.max(nsq, ncq);
            grantedQueues = Math.min(r.dw0() & 0xFFFF, r.dw0() >>> 16) + 1;
        }
        return r;
    }

    private void applyNumberOfQueues() {
        AdminResult r = setNumberOfQueues(requestedQueues, requestedQueues);
        if (!r.ok()) {
            // QEMU refuses 07h once an I/O CQ exists; the device's own allocation then stands.
            LOG.info(() -> "Number of Queues was not accepted: " + StatusCode.describe(r.status()));
            grantedQueues = requestedQueues;
        }
    }

    /** Abort (08h) for command {@code cid} of submission queue {@code sqid}. DW0 bit 0 = 1: not aborted. */
    public AdminResult abort(int sqid, int cid) {
        return adminCommand(Opcodes.ABORT, 0, 0L, (sqid & 0xFFFF) | ((cid & 0xFFFF) << 16), 0);
    }

    // --- I/O queues ------------------------------------------------------------------------------

    public IoQueuePair createIoQueuePair(int qid, int entries, int vector) {
        return createIoQueuePair(qid, entries, vector, options.defaultMaxIoBytes());
    }

    /**
     * Creates I/O CQ {@code qid} signalling {@code vector} and I/O SQ {@code qid} feeding it, with
     * per-slot data buffers of {@code maxIoBytes}.
     */
    public IoQueuePair createIoQueuePair(int qid, int entries, int vector, int maxIoBytes) {
        return createIoQueuePair(qid, entries, vector, maxIoBytes, true);
    }

    /**
     * As {@link #createIoQueuePair(int, int, int, int)}; with {@code interrupts} false the CQ is created
     * with IEN=0, for a pair that is only ever polled (as SPDK does by default).
     */
    public IoQueuePair createIoQueuePair(int qid, int entries, int vector, int maxIoBytes, boolean interrupts) {
        ensureOpen();
        if (qid < 1 || qid > 65535) {
            throw new DriverException("I/O queue ids run from 1; " + qid + " is not one.");
        }
        for (IoQueuePair p : pairs) {
            if (p.qid() == qid) {
                throw new DriverException("I/O queue " + qid + " already exists.");
            }
        }
        int max = Registers.capMqes(cap) + 1;
        if (entries < 2 || entries > max) {
            throw new DriverException("An I/O queue needs 2.." + max + " entries on this controller (CAP.MQES), not " + entries + ".");
        }
        if (vector < 0 || vector >= Math.max(1, vectors)) {
            throw new DriverException("Interrupt vector " + vector + " is not enabled; the function granted "
                    + vectors + " vector(s).");
        }
        IoQueuePair pair = new IoQueuePair(pci, qid, entries, vector, interrupts, 1, namespace.lbaSize(), PAGE, dstrd,
                maxIoBytes);
        try {
            createOnDevice(pair);
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
        pair.setTraceListener(hostTrace);
        pairs.add(pair);
        return pair;
    }

    private void createOnDevice(IoQueuePair pair) {
        int qid = pair.qid();
        int cdw10 = qid | ((pair.entries() - 1) << 16);
        AdminResult cq = adminCommand(Opcodes.CREATE_IO_CQ, 0, pair.cqBusAddress(), cdw10,
                1 | (pair.interruptsEnabled() ? 2 : 0) | (pair.vector() << 16));
        if (!cq.ok()) {
            throw new DriverException("Creating I/O completion queue " + qid + " failed: " + StatusCode.describe(cq.status()) + ".");
        }
        AdminResult sq = adminCommand(Opcodes.CREATE_IO_SQ, 0, pair.sqBusAddress(), cdw10, 1 | (qid << 16));
        if (!sq.ok()) {
            adminCommand(Opcodes.DELETE_IO_CQ, 0, 0L, qid, 0);
            throw new DriverException("Creating I/O submission queue " + qid + " failed: " + StatusCode.describe(sq.status()) + ".");
        }
    }

    /** Deletes the SQ then the CQ on the device and frees the pair's memory. */
    public void deleteIoQueuePair(IoQueuePair pair) {
        if (!pairs.remove(pair)) {
            return;
        }
        try {
            AdminResult sq = adminCommand(Opcodes.DELETE_IO_SQ, 0, 0L, pair.qid(), 0);
            AdminResult cq = adminCommand(Opcodes.DELETE_IO_CQ, 0, 0L, pair.qid(), 0);
            if (!sq.ok() || !cq.ok()) {
                LOG.warning(() -> "Deleting I/O queue " + pair.qid() + " failed: "
                        + StatusCode.describe(sq.ok() ? cq.status() : sq.status()));
            }
        } finally {
            pair.close();
        }
    }

    /**
     * Receives the host's ring actions on every I/O queue pair, present and future (the Lab's trace);
     * null (the default) for none. Set it from the thread that runs I/O, or before I/O starts.
     */
    public void setHostTraceListener(HostTraceListener listener) {
        hostTrace = listener;
        for (IoQueuePair p : pairs) {
            p.setTraceListener(listener);
        }
    }

    public HostTraceListener hostTraceListener() {
        return hostTrace;
    }

    /**
     * The interrupt service for {@code queues}, in this controller's interrupt mode (see
     * {@link IoInterruptHandler}); its work adds to {@link #hostInterruptWork()}. Setup, not per I/O.
     */
    public IoInterruptHandler interruptHandler(IoQueuePair... queues) {
        return new IoInterruptHandler(pci, options.interruptMode(), queues, interruptTally);
    }

    /**
     * What the host's interrupt handlers of this controller have done so far; a run's share is the
     * difference of two snapshots. Exact on the thread that takes the interrupts, recent elsewhere.
     */
    public HostInterruptWork hostInterruptWork() {
        return interruptTally.snapshot();
    }

    /** The I/O queue pairs that exist now, in creation order. */
    public List<IoQueuePair> ioQueuePairs() {
        return List.copyOf(pairs);
    }

    // --- reset and recovery ----------------------------------------------------------------------

    /**
     * Controller reset (CC.EN 1 -> 0 -> 1): every queue and feature goes back to its default, so the
     * driver creates the admin and I/O queues again and sets the desired features again (the host
     * must, docs/nvme-reference.md). Commands in flight are lost. Returns what could not be re-applied,
     * one sentence each (empty when everything was).
     */
    public List<String> reset() {
        ensureOpen();
        try {
            disable();
        } catch (DriverException e) {
            LOG.log(Level.WARNING, "The controller did not disable; resetting the PCI function instead.", e);
            pci.resetFunction();
            bringUpAfterFunctionReset();
        }
        abandoned.clear();
        knownCd.clear();
        enableWithAdminQueues();
        List<String> notes = new ArrayList<>();
        AdminResult nq = setNumberOfQueues(requestedQueues, requestedQueues);
        if (!nq.ok()) {
            grantedQueues = requestedQueues;
        }
        DesiredFeatures want = desired;
        if (want.coalescing() != null) {
            AdminResult r = setFeature(FeatureId.INTERRUPT_COALESCING, want.coalescing().cdw11(), false);
            if (!r.ok()) {
                notes.add("Interrupt Coalescing could not be set again after the reset: " + StatusCode.describe(r.status()) + ".");
            }
        }
        for (IoQueuePair p : pairs) {
            p.resetHostState();
            try {
                createOnDevice(p);
            } catch (DriverException e) {
                notes.add(e.getMessage());
            }
        }
        for (Map.Entry<Integer, Boolean> v : want.vectorConfig().entrySet()) {
            int iv = v.getKey();
            if (iv == 0 || !vectorBound(iv)) {
                continue; // 09h needs the IV bound to an existing I/O CQ
            }
            AdminResult r = setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION,
                    new InterruptVectorConfig(iv, v.getValue()).cdw11(), false);
            if (!r.ok()) {
                notes.add("Interrupt Vector Configuration for IV " + iv + " could not be set again after the reset: "
                        + StatusCode.describe(r.status()) + ".");
            }
        }
        return notes;
    }

    private void bringUpAfterFunctionReset() {
        int cmd = pci.configRead16(PCI_COMMAND) | CMD_MEMORY | CMD_BUS_MASTER;
        cmd = options.interruptMode() == InterruptMode.PIN ? cmd & ~CMD_INTX_DISABLE : cmd | CMD_INTX_DISABLE;
        pci.configWrite16(PCI_COMMAND, cmd);
        vectors = pci.enableInterrupts(options.interruptMode(), wantedVectors());
        disable();
    }

    /** After a {@link ControllerFatalException}: resets the controller and re-applies the desired features. */
    public List<String> recover() {
        LOG.info(() -> "Recovering " + pci.name() + " from a fatal controller status.");
        return reset();
    }

    private boolean vectorBound(int iv) {
        for (IoQueuePair p : pairs) {
            if (p.vector() == iv) {
                return true;
            }
        }
        return false;
    }

    // --- state -----------------------------------------------------------------------------------

    /** CAP, VS, CC, CSTS and AQA as read now. */
    public ControllerRegisters registers() {
        return new ControllerRegisters(pci.mmioRead64(Registers.CAP), pci.mmioRead32(Registers.VS),
                pci.mmioRead32(Registers.CC), pci.mmioRead32(Registers.CSTS), pci.mmioRead32(Registers.AQA));
    }

    public DesiredFeatures desiredFeatures() {
        return desired;
    }

    /** CD of {@code iv} as last set or read through the driver; false when never seen. */
    public boolean coalescingDisabled(int iv) {
        return knownCd.getOrDefault(iv, Boolean.FALSE);
    }

    public PciFunction pci() {
        return pci;
    }

    public AdminLog adminLog() {
        return adminLog;
    }

    public DriverOptions options() {
        return options;
    }

    /** Vectors the function granted at attach. */
    public int vectorCount() {
        return vectors;
    }

    /** I/O queues granted by Number of Queues (or asked for, when the device would not say). */
    public int grantedQueues() {
        return grantedQueues;
    }

    /** CAP.MQES + 1: the largest I/O queue. */
    public int maxQueueEntries() {
        return Registers.capMqes(cap) + 1;
    }

    /** MDTS in bytes, or 0 when the controller sets no limit. */
    public long maxTransferBytes() {
        return identity == null ? 0 : identity.maxTransferBytes(PAGE);
    }

    // --- telemetry -------------------------------------------------------------------------------

    public List<QueueRingSnapshot> ringSnapshots() {
        List<QueueRingSnapshot> out = new ArrayList<>();
        for (IoQueuePair p : pairs) {
            out.add(p.ringSnapshot());
        }
        return out;
    }

    /** Vector 0 and every vector an I/O queue pair uses, with rates from {@code rates}. */
    public List<VectorSnapshot> vectorSnapshots(long nowNanos, VectorRates rates) {
        return vectorSnapshots(nowNanos, rates, false);
    }

    /** As above; {@code counted} adds every vector that has signalled, with or without a queue pair now. */
    private List<VectorSnapshot> vectorSnapshots(long nowNanos, VectorRates rates, boolean counted) {
        java.util.TreeSet<Integer> ivs = new java.util.TreeSet<>();
        ivs.add(0);
        for (IoQueuePair p : pairs) {
            ivs.add(p.vector());
        }
        for (int v = 1; counted && v < pci.vectorCount(); v++) {
            if (pci.interruptCount(v) > 0) {
                ivs.add(v);
            }
        }
        int n = ivs.size();
        long[] counts = new long[n];
        int[] iv = new int[n];
        int i = 0;
        for (int v : ivs) {
            iv[i] = v;
            counts[i++] = v < pci.vectorCount() ? pci.interruptCount(v) : 0;
        }
        double[] r = new double[n];
        rates.update(nowNanos, counts, r);
        List<VectorSnapshot> out = new ArrayList<>(n);
        for (i = 0; i < n; i++) {
            boolean valid = iv[i] < pci.vectorCount();
            out.add(new VectorSnapshot(iv[i], counts[i], r[i], valid && pci.isMasked(iv[i]),
                    valid && pci.isPending(iv[i]), iv[i] == 0 || coalescingDisabled(iv[i]), pci.vectorCpu(iv[i])));
        }
        return out;
    }

    /**
     * The controller at rest: rings, and every vector that has signalled with its count (a run's vectors
     * keep their counts after its queues are deleted), no workload figures. Rates are zero: a rate between
     * two rest samples would average over any run in between and read as a live one.
     */
    @Override
    public TelemetrySnapshot snapshot() {
        long now = pci.nanoTime();
        return new TelemetrySnapshot(now, RunState.IDLE, ringSnapshots(), vectorSnapshots(now, new VectorRates(), true),
                0, 0, 0, 0, 0);
    }

    // --- life cycle ------------------------------------------------------------------------------

    private void ensureOpen() {
        if (closed) {
            throw new DriverException("The controller of " + pci.name() + " has been closed.");
        }
    }

    /** Deletes the I/O queues, disables the controller and frees the driver's memory. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            for (IoQueuePair p : List.copyOf(pairs)) {
                deleteIoQueuePair(p);
            }
            disable();
        } catch (DriverException e) {
            LOG.log(Level.WARNING, "The controller of " + pci.name() + " did not shut down cleanly: " + e.getMessage(), e);
        } finally {
            for (IoQueuePair p : pairs) {
                p.close();
            }
            pairs.clear();
            closed = true;
            releaseMemory();
        }
    }

    private void releaseMemory() {
        admin.close();
        adminData.close();
    }
}
