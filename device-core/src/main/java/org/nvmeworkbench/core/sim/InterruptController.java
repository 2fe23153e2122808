package org.nvmeworkbench.core.sim;

import java.util.Arrays;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.pci.VectorSet;

/**
 * The function's interrupt side, from a posted completion to the host's wake-up: Features 08h/09h
 * aggregation and its timers ({@link VectorCoalescing}), the signal (MSI-X write, MSI or pin) with
 * masking and pending bits ({@link VectorTable}), delivery after the host's latency, and the host
 * consuming it. Also the host-visible controls: pin/MSI/MSI-X setup, the MSI-X table and PBA in BAR0,
 * INTMS/INTMC (NVMe 3.1.3.3/3.1.3.4, pin-based and MSI only) and the MSI-X function mask.
 */
final class InterruptController {
    private final SimulatedController c;
    private final EventQueue events;
    private final PciConfigSpace pci;
    private final HostModel host;
    /** Where the host's interrupt work runs and what it costs there. */
    final HostCores cores;
    final VectorTable irq;
    final VectorCoalescing coalescing;
    /** Event slot of each vector's armed coalescing timer, or -1: cancelled when the vector signals first. */
    private final int[] timerEvent;
    private long droppedInterrupts;

    InterruptController(SimulatedController controller, EventQueue events, PciConfigSpace pci, HostModel host,
            HostCpus cpus, int tableSize, int queueCapacity) {
        this.c = controller;
        this.events = events;
        this.pci = pci;
        this.host = host;
        this.irq = new VectorTable(tableSize);
        this.cores = new HostCores(host, cpus, irq.capacity, queueCapacity);
        this.coalescing = new VectorCoalescing(irq.capacity);
        this.timerEvent = new int[irq.capacity];
        Arrays.fill(timerEvent, -1);
    }

    int capacity() {
        return irq.capacity;
    }

    /** CC.EN 1 -> 0: armed timers are cancelled and Features 08h/09h return to their defaults. */
    void controllerReset() {
        for (int v = 0; v < timerEvent.length; v++) {
            if (timerEvent[v] >= 0) {
                events.cancel(timerEvent[v]);
                timerEvent[v] = -1;
            }
        }
        coalescing.reset();
    }

    /** FLR: INTMS clears and signals in flight are lost; the MSI-X table survives (vfio-pci restores it). */
    void functionReset() {
        irq.intms = 0;
        Arrays.fill(irq.pending, false);
        Arrays.fill(irq.ready, 0);
        irq.readyCount = 0;
        cores.functionReset();
    }

    // --- host controls -------------------------------------------------------------------------

    int enable(InterruptMode mode, int vectors) {
        if (mode == null || vectors < 1) {
            throw new PciException("Interrupts need a mode and at least one vector.");
        }
        int granted;
        switch (mode) {
            case PIN:
                granted = 1;
                break;
            case MSI: {
                int n = Math.min(vectors, 32);
                granted = Integer.highestOneBit(n);
                break;
            }
            default:
                granted = Math.min(vectors, irq.tableSize);
                break;
        }
        irq.mode = mode;
        irq.granted = granted;
        irq.clearSignals();
        irq.intms = 0;
        int msixCtl = pci.read16(PciConfigSpace.MSIX_CAP + 2) & ~(PciConfigSpace.MSIX_ENABLE | PciConfigSpace.MSIX_FUNCTION_MASK);
        int msiCtl = pci.read16(PciConfigSpace.MSI_CAP + 2) & ~0x71;
        if (mode == InterruptMode.MSIX) {
            msixCtl |= PciConfigSpace.MSIX_ENABLE;
            for (int v = 0; v < irq.tableSize; v++) {
                irq.entries[v * 4 + 3] = v < granted ? 0 : 1; // as VFIO programs the table
            }
        } else if (mode == InterruptMode.MSI) {
            msiCtl |= 1 | (Integer.numberOfTrailingZeros(granted) << 4);
        }
        irq.functionMask = false;
        pci.put16(PciConfigSpace.MSIX_CAP + 2, msixCtl);
        pci.put16(PciConfigSpace.MSI_CAP + 2, msiCtl);
        cores.resetFigures();
        return granted;
    }

    /** After a config write: clearing the MSI-X function mask delivers what it held back. */
    void configWritten() {
        boolean fm = (pci.read16(PciConfigSpace.MSIX_CAP + 2) & PciConfigSpace.MSIX_FUNCTION_MASK) != 0;
        if (irq.functionMask && !fm) {
            irq.functionMask = false;
            deliverPendingUnmasked();
        }
        irq.functionMask = fm;
    }

    /** INTMS/INTMC read the mask in pin-based and MSI modes; with MSI-X they are reserved. */
    int readIntms() {
        return irq.mode == InterruptMode.MSIX ? 0 : irq.intms;
    }

    void writeIntms(int value) {
        chargeMaskWrite();
        if (irq.mode != InterruptMode.MSIX) {
            irq.intms |= value;
        }
    }

    /**
     * Unmasks; a vector that signalled while masked is delivered only if its status is still set: the
     * pin is level triggered, and for pin-based and MSI the interrupt status clears once the host has
     * acknowledged (CQ head doorbell) every entry of the vector's completion queues (NVMe base spec,
     * pin-based and MSI interrupt behaviour). A host that reaped everything while masked gets no
     * interrupt for work it has already done.
     */
    void writeIntmc(int value) {
        chargeMaskWrite();
        if (irq.mode != InterruptMode.MSIX) {
            int cleared = irq.intms & value;
            irq.intms &= ~value;
            for (int v = 0; v < 32; v++) {
                if ((cleared & (1 << v)) != 0) {
                    if (irq.pending[v] && !unacknowledgedEntries(v)) {
                        irq.pending[v] = false;
                    }
                    deliverIfPending(v);
                }
            }
        }
    }

    /**
     * The host wrote INTMS or INTMC: an uncached register write, interrupt-handling CPU (only the
     * handlers of pin-based and MSI interrupts write them), run on the clock before the host's next wait.
     */
    private void chargeMaskWrite() {
        long onClock = cores.maskWrite(host.mmioWriteNanos(), c.now);
        if (onClock > 0) {
            c.loop.chargeHost(onClock);
        }
    }

    /** Whether a CQ that signals {@code v} (pin-based: any CQ) holds entries the host has not acknowledged. */
    private boolean unacknowledgedEntries(int v) {
        QueueTable q = c.queues;
        for (int cq = 0; cq < q.count; cq++) {
            if (signals(cq, v) && q.cqHead[cq] != q.cqTail[cq]) {
                return true;
            }
        }
        return false;
    }

    /** Whether completion queue {@code cq} exists and signals on vector {@code v} (pin-based: all share the line). */
    private boolean signals(int cq, int v) {
        QueueTable q = c.queues;
        return q.cqExists[cq] && q.cqInterruptsEnabled[cq] && (irq.mode == InterruptMode.PIN || q.cqVector[cq] == v);
    }

    boolean inTable(int offset, int tableOffset) {
        return offset >= tableOffset && offset < tableOffset + 16 * irq.tableSize;
    }

    boolean inPba(int offset, int pbaOffset) {
        return offset >= pbaOffset && offset < pbaOffset + ((irq.tableSize + 63) / 64) * 8;
    }

    int readTable(int dw) {
        return irq.entries[dw];
    }

    int readPba(int dw) {
        return irq.pbaWord(dw);
    }

    /** An MSI-X table dword; clearing an entry's mask bit delivers its pending signal. */
    void writeTable(int dw, int value) {
        if ((dw & 3) == 3) {
            int v = dw >>> 2;
            boolean was = irq.isMasked(v);
            irq.entries[dw] = value;
            if (irq.mode == InterruptMode.MSIX && was && !irq.isMasked(v)) {
                deliverIfPending(v);
            }
        } else {
            irq.entries[dw] = value;
        }
    }

    void mask(int vector) {
        checkVector(vector);
        irq.setMasked(vector, true);
    }

    void unmask(int vector) {
        checkVector(vector);
        boolean was = irq.setMasked(vector, false);
        if (was && !irq.isMasked(vector)) {
            deliverIfPending(vector);
        }
    }

    /** The masked-vector fault: masks {@code v} in the current mode, as the host's mask would. */
    void maskByFault(int v) {
        if (v >= 0 && v < irq.tableSize) {
            irq.setMasked(v, true);
        }
    }

    boolean isMasked(int vector) {
        return vector >= 0 && vector < irq.capacity && irq.isMasked(vector);
    }

    boolean isPending(int vector) {
        return vector >= 0 && vector < irq.capacity && irq.pending[vector];
    }

    private void checkVector(int vector) {
        int limit = irq.mode == InterruptMode.MSIX || irq.mode == null ? irq.tableSize : 32;
        if (vector < 0 || vector >= limit) {
            throw new PciException("Interrupt vector " + vector + " does not exist; this function has "
                    + limit + " vectors in its current mode.");
        }
    }

    /** I/O vectors a Create I/O CQ may name: the vectors granted, or the table when none are. */
    int vectorLimit() {
        return irq.granted > 0 ? irq.granted : irq.tableSize;
    }

    // --- completion to signal ------------------------------------------------------------------

    /** A CQE was posted on a CQ with interrupts enabled: aggregate it, signal or arm the timer. */
    void completionPosted(int cqVector, boolean admin, boolean error) {
        int v = irq.mode == InterruptMode.PIN ? 0 : cqVector;
        int r = coalescing.completionPosted(v, admin, error, c.now);
        if (r > 0) {
            if (timerEvent[v] >= 0) {
                events.cancel(timerEvent[v]); // signalled before the timer: keep the heap small
                timerEvent[v] = -1;
            }
            raise(v, r, coalescing.lastCause);
        } else if (r == VectorCoalescing.HELD_TIMER_ARMED) {
            timerEvent[v] = events.schedule(coalescing.deadline(v), EventQueue.COALESCING_TIMER, v,
                    coalescing.timerGeneration(v), c.epoch);
            if (c.trace != null) {
                c.trace.coalescingTimerArmed(v, coalescing.deadline(v));
            }
        }
    }

    /** The aggregation time of vector {@code v} ran out (timer generation {@code generation}). */
    void timerExpired(int v, int generation) {
        timerEvent[v] = -1;
        int carried = coalescing.timerExpired(v, generation);
        if (carried > 0) {
            raise(v, carried, SimTraceListener.CAUSE_TIMER);
        }
    }

    /** The device signals vector {@code v} (an MSI/MSI-X write, or the pin) carrying {@code carried} entries, for {@code cause}. */
    private void raise(int v, int carried, int cause) {
        SimTraceListener trace = c.trace;
        long now = c.now;
        if (trace != null) {
            trace.interruptRaised(v, carried, cause, now);
        }
        if (c.injected.takeLostSignal(v)) {
            droppedInterrupts++;
            if (trace != null) {
                trace.interruptDropped(v, now);
            }
            return;
        }
        if (irq.mode == null || v >= irq.granted) {
            droppedInterrupts++;
            if (trace != null) {
                trace.interruptDropped(v, now);
            }
            return;
        }
        cores.raised(v, now);
        if (irq.isMasked(v)) {
            irq.pending[v] = true;
            if (trace != null) {
                trace.interruptPending(v, now);
            }
            return;
        }
        events.schedule(cores.readyAt(v, now), EventQueue.INTERRUPT_DELIVERY, v, 0, c.epoch);
    }

    private void deliverPendingUnmasked() {
        for (int v = 0; v < irq.capacity; v++) {
            if (irq.pending[v] && !irq.isMasked(v)) {
                deliverIfPending(v);
            }
        }
    }

    private void deliverIfPending(int v) {
        if (v < irq.capacity && irq.pending[v]) {
            irq.pending[v] = false;
            events.schedule(cores.readyAt(v, c.now), EventQueue.INTERRUPT_DELIVERY, v, 0, c.epoch);
        }
    }

    // --- host side -----------------------------------------------------------------------------

    /** The signal reaches the host: counted, made ready for a waiter; returns the host CPU it costs on the driver's clock. */
    long deliver(int v) {
        irq.count[v]++;
        irq.markReady(v);
        long cpu = cores.delivered(v);
        if (c.trace != null) {
            c.trace.interruptDelivered(v, c.now);
        }
        return cpu;
    }

    /**
     * The host took vector {@code v} and services it: it must look at every I/O completion queue the
     * signal may stand for (pin-based: the line names no queue, so all of them; MSI and MSI-X: the CQs
     * bound to {@code v}). The per-interrupt charge holds the first look (see {@link HostModel}); each
     * further one is charged here. The simulator cannot see the host read its memory, so it charges the
     * looks a correct handler has to make, which are the ones the driver's handler counts. The admin CQ
     * is left out: the driver's admin path reaps it while waiting for its own command. Returns the CPU that
     * runs on the driver's clock (none when the vector is placed on a core: it runs on that core's).
     */
    long taken(int v) {
        long each = host.cqExaminationNanos();
        if (each == 0) {
            return 0;
        }
        int examined = 0;
        for (int cq = 1; cq < c.queues.count; cq++) {
            if (signals(cq, v)) {
                examined++;
            }
        }
        return cores.handlerWork(v, examined > 1 ? (examined - 1) * each : 0, c.now);
    }

    /** The lowest ready vector in {@code set}, consumed; -1 when none is ready. */
    int take(VectorSet set) {
        if (irq.readyCount == 0) {
            return -1;
        }
        long[] ready = irq.ready;
        for (int w = 0; w < ready.length; w++) {
            long bits = ready[w];
            while (bits != 0) {
                int v = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (set.contains(v)) {
                    irq.consume(v);
                    return v;
                }
                bits &= bits - 1;
            }
        }
        return -1;
    }

    long count(int vector) {
        return vector >= 0 && vector < irq.capacity ? irq.count[vector] : 0;
    }

    void resetCounts() {
        Arrays.fill(irq.count, 0);
        cores.resetFigures();
    }

    long interruptCpuNanos() {
        return cores.totalIrqCpuNanos();
    }

    long droppedInterrupts() {
        return droppedInterrupts;
    }

    InterruptMode mode() {
        return irq.mode;
    }

    int granted() {
        return irq.granted;
    }
}
