package org.nvmeworkbench.core.telemetry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The figures a running workload publishes for the sampler: written by the run's thread with opaque
 * stores (a few times per second of device time, never per I/O), read with opaque loads.
 */
public final class RunGauges {
    private static final VarHandle STATE;
    private static final VarHandle TOTAL;
    private static final VarHandle IOPS;
    private static final VarHandle P50;
    private static final VarHandle P99;
    private static final VarHandle P999;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(RunGauges.class, "state", RunState.class);
            TOTAL = l.findVarHandle(RunGauges.class, "totalIos", long.class);
            IOPS = l.findVarHandle(RunGauges.class, "iopsBits", long.class);
            P50 = l.findVarHandle(RunGauges.class, "p50", long.class);
            P99 = l.findVarHandle(RunGauges.class, "p99", long.class);
            P999 = l.findVarHandle(RunGauges.class, "p999", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private RunState state = RunState.IDLE;
    @SuppressWarnings("unused")
    private long totalIos;
    @SuppressWarnings("unused")
    private long iopsBits;
    @SuppressWarnings("unused")
    private long p50;
    @SuppressWarnings("unused")
    private long p99;
    @SuppressWarnings("unused")
    private long p999;

    public void state(RunState s) {
        STATE.setRelease(this, s);
    }

    public RunState state() {
        return (RunState) STATE.getAcquire(this);
    }

    public void totalIos(long v) {
        TOTAL.setOpaque(this, v);
    }

    public long totalIos() {
        return (long) TOTAL.getOpaque(this);
    }

    /** Publishes the window's figures. */
    public void window(double iops, long p50Nanos, long p99Nanos, long p999Nanos) {
        IOPS.setOpaque(this, Double.doubleToRawLongBits(iops));
        P50.setOpaque(this, p50Nanos);
        P99.setOpaque(this, p99Nanos);
        P999.setOpaque(this, p999Nanos);
    }

    public double iops() {
        return Double.longBitsToDouble((long) IOPS.getOpaque(this));
    }

    public long p50Nanos() {
        return (long) P50.getOpaque(this);
    }

    public long p99Nanos() {
        return (long) P99.getOpaque(this);
    }

    public long p999Nanos() {
        return (long) P999.getOpaque(this);
    }
}
