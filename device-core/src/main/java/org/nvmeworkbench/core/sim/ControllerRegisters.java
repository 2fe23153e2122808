package org.nvmeworkbench.core.sim;

import java.util.logging.Logger;

import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;

/**
 * The controller registers below the doorbells (NVMe 3.1.3: CAP, VS, INTMS/INTMC, CC, CSTS, NSSR, AQA,
 * ASQ, ACQ) and the state machine they drive: CC.EN 0 -> 1 checks CC and the admin queues then sets
 * CSTS.RDY after {@link #ENABLE_NANOS}, CC.EN 1 -> 0 and NSSR reset the controller, CC.SHN runs a
 * shutdown, CSTS.CFS stops processing until a reset.
 */
final class ControllerRegisters {
    private static final Logger LOG = Logger.getLogger(SimulatedController.class.getName());
    /** CAP.TO: 20 x 500 ms = 10 s. */
    static final int CAP_TIMEOUT = 20;
    static final int MPS_MAX = 4;
    /** Virtual time from CC.EN=1 to CSTS.RDY=1. */
    static final long ENABLE_NANOS = 500_000;
    static final long SHUTDOWN_NANOS = 200_000;
    /** VS: NVMe 1.4.0. */
    static final int VERSION = 0x00010400;

    private final SimulatedController c;
    final long cap;
    int cc;
    int csts;
    int aqa;
    long asq;
    long acq;
    /** CC.MPS as bytes: the memory page size PRPs and queue bases are checked against. */
    int pageSize = 4096;

    ControllerRegisters(SimulatedController controller, SimConfig config) {
        this.c = controller;
        this.cap = Registers.cap(config.mqes(), true, CAP_TIMEOUT, config.dstrd(), true, 1, 0, MPS_MAX);
    }

    /** True when the controller fetches commands: ready, not fatal, no shutdown under way or done. */
    boolean processing() {
        return (csts & (Registers.CSTS_RDY | Registers.CSTS_CFS | 0xC)) == Registers.CSTS_RDY;
    }

    int read32(int offset) {
        switch (offset) {
            case Registers.CAP: return (int) cap;
            case Registers.CAP + 4: return (int) (cap >>> 32);
            case Registers.VS: return VERSION;
            case Registers.INTMS:
            case Registers.INTMC: return c.interrupts.readIntms();
            case Registers.CC: return cc;
            case Registers.CSTS: return csts;
            case Registers.AQA: return aqa;
            case Registers.ASQ: return (int) asq;
            case Registers.ASQ + 4: return (int) (asq >>> 32);
            case Registers.ACQ: return (int) acq;
            case Registers.ACQ + 4: return (int) (acq >>> 32);
            default: return 0;
        }
    }

    void write32(int offset, int value) {
        switch (offset) {
            case Registers.INTMS:
                c.interrupts.writeIntms(value);
                break;
            case Registers.INTMC:
                c.interrupts.writeIntmc(value);
                break;
            case Registers.CC:
                writeCc(value);
                break;
            case Registers.CSTS:
                // NVMe 3.1.3.6: NSSRO is RW1C, the only writable bit of CSTS; the host clears it to notice the next reset.
                if ((value & Registers.CSTS_NSSRO) != 0 && (csts & Registers.CSTS_NSSRO) != 0) {
                    csts &= ~Registers.CSTS_NSSRO;
                    traceStatus();
                }
                break;
            case Registers.NSSR:
                if (value == Registers.NSSR_RESET_VALUE) {
                    c.controllerReset();
                    cc = 0;
                    csts |= Registers.CSTS_NSSRO;
                    traceStatus();
                }
                break;
            case Registers.AQA: aqa = value & 0x0FFF0FFF; break;
            case Registers.ASQ: asq = (asq & 0xFFFFFFFF00000000L) | (value & 0xFFFFFFFFL); break;
            case Registers.ASQ + 4: asq = (asq & 0xFFFFFFFFL) | ((long) value << 32); break;
            case Registers.ACQ: acq = (acq & 0xFFFFFFFF00000000L) | (value & 0xFFFFFFFFL); break;
            case Registers.ACQ + 4: acq = (acq & 0xFFFFFFFFL) | ((long) value << 32); break;
            default:
                break; // read-only (CAP, VS) or reserved
        }
    }

    /** A 64-bit write: ASQ and ACQ in one access, anything else as two dwords. Returns false for the latter. */
    boolean write64(int offset, long value) {
        if (offset == Registers.ASQ) {
            asq = value;
            return true;
        }
        if (offset == Registers.ACQ) {
            acq = value;
            return true;
        }
        return false;
    }

    private void writeCc(int value) {
        boolean wasEnabled = Registers.ccEnabled(cc);
        boolean enable = Registers.ccEnabled(value);
        int oldShn = Registers.ccShn(cc);
        cc = value;
        if (wasEnabled && !enable) {
            c.controllerReset();
            cc = value;
            traceStatus();
            return;
        }
        if (!wasEnabled && enable) {
            enable();
        }
        int shn = Registers.ccShn(value);
        if (enable && shn != 0 && oldShn == 0 && Registers.cstsShst(csts) == 0) {
            csts = (csts & ~0xC) | (1 << 2);
            c.events.schedule(c.now + SHUTDOWN_NANOS, EventQueue.SHUTDOWN_COMPLETE, 0, 0, c.epoch);
            traceStatus();
        }
    }

    /** CC.EN 0 -> 1: checks CC and the admin queues (QEMU sets CFS for the same faults). */
    private void enable() {
        int mps = Registers.ccMps(cc);
        int asqs = Registers.aqaAsqs(aqa);
        int acqs = Registers.aqaAcqs(aqa);
        pageSize = Registers.pageSize(Math.min(mps, 15));
        String problem = null;
        if (Registers.ccCss(cc) != 0) {
            problem = "CC.CSS selects a command set other than NVM";
        } else if (mps < Registers.capMpsMin(cap) || mps > Registers.capMpsMax(cap)) {
            problem = "CC.MPS is outside CAP.MPSMIN..MPSMAX";
        } else if (Registers.ccAms(cc) != 0) {
            problem = "CC.AMS selects an unsupported arbitration";
        } else if (asqs == 0 || acqs == 0) {
            problem = "AQA gives an admin queue of one entry";
        } else if ((asq & (pageSize - 1)) != 0 || (acq & (pageSize - 1)) != 0) {
            problem = "ASQ or ACQ is not aligned to the memory page size";
        }
        if (problem == null) {
            DmaSpace dma = c.dma;
            int sqRegion = dma.find(asq, (asqs + 1) * Sqe.SIZE);
            int cqRegion = dma.find(acq, (acqs + 1) * Cqe.SIZE);
            if (sqRegion < 0 || cqRegion < 0) {
                problem = "ASQ or ACQ does not point into DMA memory";
            } else {
                c.queues.createCq(0, dma.buffer(cqRegion), dma.offset(cqRegion, acq), acq, acqs + 1, true, 0);
                c.queues.createSq(0, dma.buffer(sqRegion), dma.offset(sqRegion, asq), asq, asqs + 1, 0);
            }
        }
        if (problem != null) {
            String why = problem;
            LOG.fine(() -> "Simulated controller enable failed, CSTS.CFS set: " + why + ".");
            fatal();
            return;
        }
        c.events.schedule(c.now + ENABLE_NANOS, EventQueue.CONTROLLER_READY, 0, 0, c.epoch);
    }

    /** The CONTROLLER_READY event: RDY=1 unless the host disabled it or it failed meanwhile. */
    void ready() {
        if (Registers.ccEnabled(cc) && (csts & Registers.CSTS_CFS) == 0) {
            csts |= Registers.CSTS_RDY;
            traceStatus();
        }
    }

    /** The SHUTDOWN_COMPLETE event: CSTS.SHST = 10b. */
    void shutdownComplete() {
        csts = (csts & ~0xC) | (2 << 2);
        traceStatus();
    }

    /** Controller Fatal Status: nothing more is processed until a reset. */
    void fatal() {
        csts |= Registers.CSTS_CFS;
        traceStatus();
    }

    /**
     * Part of a controller reset: CSTS clears (but NSSRO, which only the host clears, so that it can tell an NVM
     * subsystem reset happened across the controller resets that follow it) and the page size returns to 4 KiB.
     */
    void controllerReset() {
        csts &= Registers.CSTS_NSSRO;
        pageSize = 4096;
    }

    /** FLR: CC, AQA, ASQ and ACQ return to zero too. */
    void functionReset() {
        cc = 0;
        aqa = 0;
        asq = 0;
        acq = 0;
    }

    void traceStatus() {
        if (c.trace != null) {
            c.trace.controllerStatus(csts, c.now);
        }
    }
}
