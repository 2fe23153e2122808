package org.nvmeworkbench.core.sim;

import java.util.List;
import java.util.SplittableRandom;

import org.nvmeworkbench.core.host.CoreFigures;
import org.nvmeworkbench.core.host.CorePlan;
import org.nvmeworkbench.core.host.HostTopology;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Registers;

/**
 * A register-level NVMe controller in process, behind the same {@link PciFunction} seam as hardware.
 * The driver writes 64-byte SQEs into DMA memory and rings doorbells; this controller fetches and
 * decodes them, validates them, moves data along their PRPs, posts 16-byte CQEs with phase tags and
 * raises interrupt vectors under the coalescing rules of Features 08h/09h ({@link VectorCoalescing}).
 *
 * <p>Time is virtual (ns): a discrete-event model with a seeded random source, so the same config and
 * the same driver calls give the same run bit for bit. MMIO happens at the current virtual time and
 * does not advance it; {@link #awaitInterrupt} and {@link #relax} run events in time order. The host's
 * costs ({@link HostModel}) are charged to the clock when control returns to the driver.
 *
 * <p>{@link #awaitInterrupt} with an unbounded timeout returns -1 at once when no event is scheduled
 * (nothing could ever signal); {@link #relax relax(0)} runs only events due now, so a poll loop should
 * pass the time it is willing to wait.
 *
 * <p>This class is the facade that wires the parts: {@link ControllerRegisters} (CAP..ACQ, enable and
 * shutdown), {@link Doorbells}, {@link CommandPath} (fetch to CQE) with {@link AdminCommands} and
 * {@link NvmCommands}, {@link InterruptController} (coalescing, MSI-X/MSI/pin, delivery),
 * {@link EventLoop} (virtual time and the host's waiting) and {@link FaultSchedule}. The parts share
 * the clock ({@code now}, {@code epoch}) and the trace listener through this object.
 *
 * <p>Threading: one thread drives it. Telemetry accessors and {@link #interruptCount} may be read from
 * another thread and give recent values; {@link #control()} and {@link #faults()} may be used from any
 * thread.
 */
public final class SimulatedController implements PciFunction {
    /** PCI vendor ID (and Identify VID/SSVID) of the simulator, 5349h "SI": no real NVMe vendor uses it. */
    public static final int VENDOR_ID = PciConfigSpace.VENDOR_ID;
    /** Outstanding commands the controller holds at most (MAXCMD); beyond this it stops fetching. */
    static final int MAX_OUTSTANDING = 16_384;
    /** Virtual time from CC.EN=1 to CSTS.RDY=1. */
    static final long ENABLE_NANOS = ControllerRegisters.ENABLE_NANOS;
    static final int WRITE_FAULT = 0x280;

    private final SimConfig config;
    private final String name;
    private final SimulationControl control;
    private final Faults faults = new Faults();
    SimTraceListener trace;

    // state the parts share
    final SplittableRandom random;
    final EventQueue events = new EventQueue(1024);
    final DmaSpace dma = new DmaSpace();
    final PciConfigSpace pci;
    final QueueTable queues;
    final CommandTable commands = new CommandTable(MAX_OUTSTANDING);
    final NamespaceStore store;
    final MediaModel media;
    final PrpTransfer prp;
    /** Virtual time, ns. */
    long now;
    /** Incremented by each controller reset: events scheduled before it are stale. */
    int epoch;
    /** Feature 07h as granted (1-based counts). */
    int sqAllocated;
    int cqAllocated;

    // the parts
    final ControllerRegisters regs;
    final Doorbells doorbells;
    final InterruptController interrupts;
    final FaultSchedule injected;
    private final AdminCommands admin;
    private final NvmCommands nvm;
    final CommandPath path;
    final EventLoop loop;

    // BAR0 layout: registers, doorbells, then the MSI-X table and PBA on their own 4 KiB pages
    final int tableOffset;
    final int pbaOffset;
    final long barSize;

    private boolean closed;

    private SimulatedController(SimConfig config, String name) {
        this.config = config;
        this.name = name;
        this.random = new SplittableRandom(config.seed());
        this.queues = new QueueTable(config.maxIoQueuePairs() + 1);
        this.doorbells = new Doorbells(this, queues, config);
        this.tableOffset = align4k(doorbells.end());
        this.pbaOffset = align4k(tableOffset + 16 * config.msixTableSize());
        long end = pbaOffset + ((config.msixTableSize() + 63) / 64) * 8L;
        long size = 16_384;
        while (size < end) {
            size <<= 1;
        }
        this.barSize = size;
        this.pci = new PciConfigSpace(barSize, config.msixTableSize(), tableOffset, pbaOffset);
        this.interrupts = new InterruptController(this, events, pci, config.host(), config.cpus(), config.msixTableSize(),
                config.maxIoQueuePairs() + 1);
        this.injected = new FaultSchedule(this, faults, interrupts.capacity());
        this.store = new NamespaceStore(config.namespaceBlocks() * config.lbaSize(), config.retainedDataBytes());
        this.media = new MediaModel(config.profile(), random);
        this.prp = new PrpTransfer(dma, store);
        this.admin = new AdminCommands(this);
        this.nvm = new NvmCommands(this);
        this.path = new CommandPath(this, admin, nvm);
        this.control = new SimulationControl(config.speed());
        this.regs = new ControllerRegisters(this, config);
        this.loop = new EventLoop(this, control);
        controllerReset();
    }

    public static SimulatedController create(SimConfig config) {
        return new SimulatedController(config, "sim:" + config.profile().name());
    }

    static SimulatedController create(SimConfig config, String name) {
        return new SimulatedController(config, name);
    }

    private static int align4k(long v) {
        return (int) ((v + 4095) & ~4095L);
    }

    public SimConfig config() {
        return config;
    }

    public SimulationControl control() {
        return control;
    }

    public Faults faults() {
        return faults;
    }

    /** Receives the controller's events; null (the default) for none. Set it from the driving thread. */
    public void setTraceListener(SimTraceListener listener) {
        this.trace = listener;
    }

    @Override
    public String name() {
        return name;
    }

    // --- configuration space -------------------------------------------------------------------

    @Override
    public int configRead8(int offset) {
        return pci.read8(offset);
    }

    @Override
    public int configRead16(int offset) {
        return pci.read16(offset);
    }

    @Override
    public int configRead32(int offset) {
        return pci.read32(offset);
    }

    @Override
    public void configWrite16(int offset, int value) {
        boolean busMaster = pci.busMaster();
        pci.write16(offset, value);
        afterConfigWrite(busMaster);
    }

    @Override
    public void configWrite32(int offset, int value) {
        boolean busMaster = pci.busMaster();
        pci.write32(offset, value);
        afterConfigWrite(busMaster);
    }

    private void afterConfigWrite(boolean busMasterBefore) {
        interrupts.configWritten();
        if (!busMasterBefore && pci.busMaster()) {
            path.resumeFetching(); // doorbells rung while DMA was off are served now
        }
    }

    // --- BAR0 ----------------------------------------------------------------------------------

    @Override
    public long bar0Size() {
        return barSize;
    }

    @Override
    public int mmioRead32(int offset) {
        checkMmio(offset, 4);
        if (offset < Registers.DOORBELL_BASE) {
            return regs.read32(offset);
        }
        if (interrupts.inTable(offset, tableOffset)) {
            return interrupts.readTable((offset - tableOffset) >>> 2);
        }
        if (interrupts.inPba(offset, pbaOffset)) {
            return interrupts.readPba((offset - pbaOffset) >>> 2);
        }
        return 0; // doorbells and gaps read as zero
    }

    @Override
    public long mmioRead64(int offset) {
        checkMmio(offset, 8);
        return (mmioRead32(offset) & 0xFFFFFFFFL) | ((long) mmioRead32(offset + 4) << 32);
    }

    @Override
    public void mmioWrite32(int offset, int value) {
        checkMmio(offset, 4);
        if (offset >= Registers.DOORBELL_BASE && offset < doorbells.end()) {
            doorbells.write(offset, value);
            return;
        }
        if (offset < Registers.DOORBELL_BASE) {
            regs.write32(offset, value);
            return;
        }
        if (interrupts.inTable(offset, tableOffset)) {
            interrupts.writeTable((offset - tableOffset) >>> 2, value);
        }
        // PBA and gaps are read-only
    }

    @Override
    public void mmioWrite64(int offset, long value) {
        checkMmio(offset, 8);
        if (!regs.write64(offset, value)) {
            mmioWrite32(offset, (int) value);
            mmioWrite32(offset + 4, (int) (value >>> 32));
        }
    }

    private void checkMmio(int offset, int width) {
        if (offset < 0 || offset + width > barSize || (offset & (width - 1)) != 0) {
            throw new PciException("BAR0 offset 0x" + Integer.toHexString(offset) + " is outside the "
                    + barSize + "-byte BAR or not aligned to " + width + " bytes.");
        }
    }

    /** CC.EN 1 -> 0 (and power-on): queues vanish, features return to their defaults, RDY=0. */
    void controllerReset() {
        epoch++;
        interrupts.controllerReset();
        queues.clear();
        commands.clear();
        admin.reset();
        sqAllocated = config.maxIoQueuePairs();
        cqAllocated = config.maxIoQueuePairs();
        regs.controllerReset();
        path.controllerReset();
        injected.controllerReset();
    }

    // --- DMA -----------------------------------------------------------------------------------

    @Override
    public DmaRegion allocateDma(int bytes) {
        checkOpen();
        return dma.allocate(bytes);
    }

    // --- interrupts ----------------------------------------------------------------------------

    @Override
    public int enableInterrupts(InterruptMode mode, int vectors) {
        checkOpen();
        return interrupts.enable(mode, vectors);
    }

    @Override
    public InterruptMode interruptMode() {
        return interrupts.mode();
    }

    @Override
    public int vectorCount() {
        return interrupts.granted();
    }

    @Override
    public int awaitInterrupt(VectorSet vectors, long timeoutNanos) {
        checkOpen();
        return loop.awaitInterrupt(vectors, timeoutNanos);
    }

    @Override
    public void relax(long maxNanos) {
        checkOpen();
        loop.relax(maxNanos);
    }

    @Override
    public long interruptCount(int vector) {
        return interrupts.count(vector);
    }

    @Override
    public void resetInterruptCounts() {
        interrupts.resetCounts();
        doorbells.resetCounts();
    }

    @Override
    public void maskVector(int vector) {
        interrupts.mask(vector);
    }

    @Override
    public void unmaskVector(int vector) {
        interrupts.unmask(vector);
    }

    @Override
    public boolean isMasked(int vector) {
        return interrupts.isMasked(vector);
    }

    @Override
    public boolean isPending(int vector) {
        return interrupts.isPending(vector);
    }

    @Override
    public long interruptCpuNanos() {
        return interrupts.interruptCpuNanos();
    }

    // --- host CPUs -----------------------------------------------------------------------------

    @Override
    public int numaNode() {
        return interrupts.cores.topology().deviceNode();
    }

    @Override
    public HostTopology hostTopology() {
        return interrupts.cores.topology();
    }

    /** The run's queues and vectors on the simulated host's cores from now on; null returns to the one-CPU host. */
    @Override
    public void placeCores(CorePlan plan) {
        if (plan == null) {
            interrupts.cores.unplace();
            interrupts.cores.resetFigures();
        } else {
            interrupts.cores.place(plan);
        }
    }

    @Override
    public int vectorCpu(int vector) {
        return interrupts.cores.cpuOfVector(vector);
    }

    @Override
    public CoreFigures coreFigures() {
        return interrupts.cores.figures();
    }

    // --- time ----------------------------------------------------------------------------------

    @Override
    public long nanoTime() {
        return now;
    }

    NvmCommands nvm() {
        return nvm;
    }

    int adminPendingAborts() {
        return admin.pendingAborts;
    }

    boolean takePendingAbort(int sqid, int cid) {
        return admin.takePendingAbort(sqid, cid);
    }

    // --- faults --------------------------------------------------------------------------------

    /** The faults that took effect so far, one phrase each ("lost-interrupt took effect after 5000 I/O commands ..."). */
    public List<String> firedFaults() {
        return injected.fired();
    }

    /** Faults handed to the controller that wait for their command count. */
    public List<String> scheduledFaults() {
        return injected.describe();
    }

    // --- reset and close -----------------------------------------------------------------------

    /** FLR: the controller returns to power-on state; config space and interrupt setup survive, as
     * vfio-pci saves and restores them around a reset. Namespace data survives (it is non-volatile). */
    @Override
    public void resetFunction() {
        checkOpen();
        controllerReset();
        loop.functionReset();
        regs.functionReset();
        interrupts.functionReset();
        regs.traceStatus();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            dma.closeAll();
            events.clear();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new PciException("The simulated controller " + name + " is closed; open it again.");
        }
    }

    // --- telemetry (read-only, may be read from another thread) ---------------------------------

    /** Feature 08h as currently set (CDW11: THR 7:0, TIME 15:8). */
    public int interruptCoalescingValue() {
        return interrupts.coalescing.feature08();
    }

    /** Completions posted on {@code vector} since it was last signalled. */
    public int coalescingPending(int vector) {
        return interrupts.coalescing.pending(vector);
    }

    public boolean coalescingTimerArmed(int vector) {
        return interrupts.coalescing.timerArmed(vector);
    }

    /** Virtual time at which the armed timer of {@code vector} expires; meaningful only while armed. */
    public long coalescingDeadline(int vector) {
        return interrupts.coalescing.deadline(vector);
    }

    /** Feature 09h CD of {@code vector} (vector 0 always reads true). */
    public boolean coalescingDisabled(int vector) {
        return interrupts.coalescing.coalescingDisabled(vector);
    }

    public boolean sqExists(int qid) {
        return qid >= 0 && qid < queues.count && queues.sqExists[qid];
    }

    public boolean cqExists(int qid) {
        return qid >= 0 && qid < queues.count && queues.cqExists[qid];
    }

    /** Device-side SQ head: the next entry the controller will fetch. */
    public int sqHead(int qid) {
        return queues.sqHead[qid];
    }

    /** The SQ tail the host last wrote to the doorbell. */
    public int sqTail(int qid) {
        return queues.sqTail[qid];
    }

    public int sqSize(int qid) {
        return queues.sqSize[qid];
    }

    /** Device-side CQ tail: where the next entry will be posted. */
    public int cqTail(int qid) {
        return queues.cqTail[qid];
    }

    /** The CQ head the host last wrote to the doorbell. */
    public int cqHead(int qid) {
        return queues.cqHead[qid];
    }

    public int cqSize(int qid) {
        return queues.cqSize[qid];
    }

    /** The phase tag the controller writes on its current pass over the CQ. */
    public int cqPhase(int qid) {
        return queues.cqPhase[qid];
    }

    /**
     * The CID in the SQE at {@code index} of SQ {@code qid}, read from the queue's memory as the controller
     * would fetch it (for the Lab's ring drawing); -1 when the queue or index does not exist.
     */
    public int sqEntryCommandId(int qid, int index) {
        if (!sqExists(qid) || index < 0 || index >= queues.sqSize[qid]) {
            return -1;
        }
        return org.nvmeworkbench.core.spec.Sqe.cid(queues.sqBuffer[qid], queues.sqBase[qid] + (index << 6));
    }

    /**
     * The phase tag of the CQE at {@code index} of CQ {@code qid} as it sits in host memory (0 in memory
     * never written), or -1 when the queue or index does not exist.
     */
    public int cqEntryPhase(int qid, int index) {
        if (!cqExists(qid) || index < 0 || index >= queues.cqSize[qid]) {
            return -1;
        }
        return org.nvmeworkbench.core.spec.Cqe.phase(queues.cqBuffer[qid], queues.cqBase[qid] + (index << 4));
    }

    /** The CID in the CQE at {@code index} of CQ {@code qid} (DW3 15:0), or -1. */
    public int cqEntryCommandId(int qid, int index) {
        if (!cqExists(qid) || index < 0 || index >= queues.cqSize[qid]) {
            return -1;
        }
        return org.nvmeworkbench.core.spec.Cqe.cid(queues.cqBuffer[qid], queues.cqBase[qid] + (index << 4));
    }

    /** The interrupt vector of a CQ (IV at creation; 0 for the admin CQ). */
    public int cqVector(int qid) {
        return queues.cqVector[qid];
    }

    public int controllerStatus() {
        return regs.csts;
    }

    /** Commands fetched and not yet completed. */
    public int outstandingCommands() {
        return commands.inUse();
    }

    public long completionsPosted() {
        return path.completions;
    }

    /** Host CPU spent reaping completions (CQ head doorbells), ns. */
    public long completionCpuNanos() {
        return doorbells.completionCpuNanos();
    }

    /** Signals lost (fault injection) or raised with no interrupt enabled. */
    public long droppedInterrupts() {
        return interrupts.droppedInterrupts();
    }

    /** Doorbell writes ignored because the queue did not exist or the value was out of range. */
    public long invalidDoorbellWrites() {
        return doorbells.invalidWrites();
    }

    /** Written bytes not retained because the data cap was reached (see {@link SimConfig#retainedDataBytes()}). */
    public long droppedWriteBytes() {
        return store.droppedBytes();
    }

    /** Bytes that Dataset Management deallocated (AD set) since the controller was made. */
    public long namespaceBytesDeallocated() {
        return nvm.bytesDeallocated;
    }

    /** Events waiting on the virtual clock. */
    public int pendingEvents() {
        return events.size();
    }
}
