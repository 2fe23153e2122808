package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.spec.Registers;

/** Raw values of the controller registers the Controller view decodes, read at one instant. */
public record ControllerRegisters(long cap, int vs, int cc, int csts, int aqa) {

    public int mqes() {
        return Registers.capMqes(cap);
    }

    /** Largest queue an I/O queue pair may have: MQES is 0's based. */
    public int maxQueueEntries() {
        return Registers.capMqes(cap) + 1;
    }

    public int doorbellStride() {
        return Registers.capDstrd(cap);
    }

    /** CAP.TO in nanoseconds (500 ms units). */
    public long readyTimeoutNanos() {
        return Math.max(1, Registers.capTo(cap)) * 500_000_000L;
    }

    public String version() {
        return Registers.vsMajor(vs) + "." + Registers.vsMinor(vs) + "." + Registers.vsTertiary(vs);
    }

    public boolean ready() {
        return Registers.cstsReady(csts);
    }

    public boolean fatal() {
        return Registers.cstsFatal(csts);
    }
}
