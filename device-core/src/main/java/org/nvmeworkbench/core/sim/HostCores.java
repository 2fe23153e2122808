package org.nvmeworkbench.core.sim;

import java.util.Arrays;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.host.CoreFigures;
import org.nvmeworkbench.core.host.CorePlan;
import org.nvmeworkbench.core.host.HostTopology;

/**
 * The host's cores as the simulator charges them. Without a plan (or for a vector or queue the plan does
 * not name, such as the admin queue) the host is the one CPU of {@link HostModel}: its costs run on the
 * driver's clock, as they always did, and are booked to CPU 0. With a {@link CorePlan} each core keeps its
 * own timeline ({@code busyUntil}): a vector's hard interrupt runs on the vector's CPU when that CPU is free,
 * and the reaping thread runs on its own CPU when that one is; when the two differ the interrupt side wakes
 * the thread with an IPI and the hand-off moves cache lines ({@link HostCpus}). So interrupts that all land
 * on one core queue up behind each other there, and the latency from the device's signal to the handler
 * grows with the distance between the cores.
 *
 * <p>Interrupt-to-handler latency is measured for every vector the host services: from the device's signal
 * (the first one not yet serviced) to the handler starting, on the model's clock.
 *
 * <p>Per interrupt and per completion this allocates nothing and takes no lock.
 */
final class HostCores {
    private static final long HIGHEST_LATENCY_NANOS = 60_000_000_000L;

    private final HostModel model;
    private final HostCpus cpus;
    private final HostTopology topology;
    private final long[] busyUntil;
    private final long[] interrupts;
    private final long[] irqCpu;
    private final long[] reapCpu;
    private final long[] remoteWakeups;
    private final int[] vectorCpu;
    private final int[] reaperCpu;
    private final int[] queueCpu;
    private final int[] queueNode;
    private final long[] raisedAt;
    private final Histogram handlerLatency = new Histogram(1, HIGHEST_LATENCY_NANOS, 3);
    private long totalIrqCpu;
    /** The CPU servicing the vector taken last, where its mask writes run; -1 for the one-CPU host. */
    private int servicingCpu = -1;

    HostCores(HostModel model, HostCpus cpus, int vectorCapacity, int queueCapacity) {
        this.model = model;
        this.cpus = cpus;
        this.topology = cpus.topology();
        int n = topology.cpus();
        this.busyUntil = new long[n];
        this.interrupts = new long[n];
        this.irqCpu = new long[n];
        this.reapCpu = new long[n];
        this.remoteWakeups = new long[n];
        this.vectorCpu = new int[vectorCapacity];
        this.reaperCpu = new int[vectorCapacity];
        this.queueCpu = new int[queueCapacity];
        this.queueNode = new int[queueCapacity];
        this.raisedAt = new long[vectorCapacity];
        unplace();
        Arrays.fill(raisedAt, -1);
    }

    HostTopology topology() {
        return topology;
    }

    /** Puts {@code plan} in force and restarts the figures. */
    void place(CorePlan plan) {
        if (!plan.host().equals(topology)) {
            throw new IllegalArgumentException("The plan is for a host of " + plan.host() + "; this one has " + topology + ".");
        }
        unplace();
        for (int v = 0; v < vectorCpu.length && v < plan.vectorSlots(); v++) {
            vectorCpu[v] = plan.vectorCpu(v);
            reaperCpu[v] = plan.reaperCpu(v);
        }
        for (int q = 0; q < queueCpu.length && q < plan.queueSlots(); q++) {
            queueCpu[q] = plan.queueCpu(q);
            queueNode[q] = plan.queueNode(q);
        }
        resetFigures();
    }

    /** Back to the one-CPU host. */
    void unplace() {
        Arrays.fill(vectorCpu, -1);
        Arrays.fill(reaperCpu, -1);
        Arrays.fill(queueCpu, -1);
        Arrays.fill(queueNode, -1);
    }

    void resetFigures() {
        Arrays.fill(interrupts, 0);
        Arrays.fill(irqCpu, 0);
        Arrays.fill(reapCpu, 0);
        Arrays.fill(remoteWakeups, 0);
        handlerLatency.reset();
        totalIrqCpu = 0;
    }

    private boolean placed(int v) {
        return v >= 0 && v < vectorCpu.length && vectorCpu[v] >= 0;
    }

    /** The CPU that takes {@code v}'s interrupts: the plan's, else the one CPU; -1 beyond the table. */
    int cpuOfVector(int v) {
        if (v < 0 || v >= vectorCpu.length) {
            return -1;
        }
        return placed(v) ? vectorCpu[v] : 0;
    }

    /** The device signalled {@code v} at {@code now} (delivered or held pending): the latency starts here. */
    void raised(int v, long now) {
        if (v >= 0 && v < raisedAt.length && raisedAt[v] < 0) {
            raisedAt[v] = now;
        }
    }

    /**
     * When the signal sent at {@code now} on {@code v} makes its handler runnable: one CPU, after the
     * delivery latency (the handler's own CPU runs on the driver's clock later, see {@link #delivered}); placed,
     * after the hard interrupt has run on the vector's CPU and, on another core, the IPI and the lines have
     * reached the reaping thread's CPU, each core waiting until it is free. The placed costs are booked here.
     */
    long readyAt(int v, long now) {
        long arrival = now + model.irqDeliveryNanos();
        if (!placed(v)) {
            return arrival;
        }
        int irq = vectorCpu[v];
        int reaper = reaperCpu[v];
        long start = Math.max(arrival, busyUntil[irq]);
        long hardDone = start + model.irqCpuNanos();
        busyUntil[irq] = hardDone;
        interrupts[irq]++;
        book(irq, model.irqCpuNanos());
        if (reaper == irq) {
            return hardDone;
        }
        long lines = cpus.linesPerWakeup() * cpus.lineBetween(irq, reaper);
        long ready = Math.max(hardDone + cpus.ipiNanos(), busyUntil[reaper]) + lines;
        busyUntil[reaper] = ready;
        remoteWakeups[reaper]++;
        book(reaper, lines);
        return ready;
    }

    /** The signal reached the host: the CPU it costs on the driver's clock (0 when placed: booked already). */
    long delivered(int v) {
        if (placed(v)) {
            return 0;
        }
        interrupts[0]++;
        book(0, model.irqCpuNanos());
        return model.irqCpuNanos();
    }

    /** The handler of {@code v} starts at {@code now}. */
    void handlerStarted(int v, long now) {
        if (v >= 0 && v < raisedAt.length) {
            if (raisedAt[v] >= 0) {
                handlerLatency.recordValue(Math.min(HIGHEST_LATENCY_NANOS, Math.max(0, now - raisedAt[v])));
                raisedAt[v] = -1;
            }
            servicingCpu = placed(v) ? reaperCpu[v] : -1;
        }
    }

    /** Interrupt CPU the handler of {@code v} spends at {@code now}: on the driver's clock (returned) or its core's. */
    long handlerWork(int v, long ns, long now) {
        if (ns == 0) {
            return 0;
        }
        if (!placed(v)) {
            book(0, ns);
            return ns;
        }
        int cpu = reaperCpu[v];
        busyUntil[cpu] = Math.max(busyUntil[cpu], now) + ns;
        book(cpu, ns);
        return 0;
    }

    /** An INTMS/INTMC write by the handler being serviced; the driver's-clock share is returned. */
    long maskWrite(long ns, long now) {
        if (ns == 0) {
            return 0;
        }
        if (servicingCpu < 0) {
            book(0, ns);
            return ns;
        }
        busyUntil[servicingCpu] = Math.max(busyUntil[servicingCpu], now) + ns;
        book(servicingCpu, ns);
        return 0;
    }

    /**
     * When the thread of queue {@code qid} really writes the SQ tail doorbell it wrote at {@code now}: once its
     * core has done the work booked on it (the one driver thread simulates every core's thread, so its clock
     * does not move for that work). Without this a placed run would submit faster than its cores could reap,
     * and their timelines would run away from the clock.
     */
    long doorbellAt(int qid, long now) {
        int cpu = qid >= 0 && qid < queueCpu.length ? queueCpu[qid] : -1;
        return cpu < 0 ? now : Math.max(now, busyUntil[cpu]);
    }

    /**
     * {@code consumed} entries of CQ {@code cq} reaped at {@code now}, {@code each} ns apiece (plus the remote
     * memory penalty when the queue's memory is on another node than its reaping CPU); returns the driver's-clock
     * share (0 when placed).
     */
    long reaped(int cq, int consumed, long each, long now) {
        long ns = consumed * each;
        int cpu = cq >= 0 && cq < queueCpu.length ? queueCpu[cq] : -1;
        if (cpu < 0) {
            reapCpu[0] += ns;
            return ns;
        }
        if (queueNode[cq] != topology.nodeOf(cpu)) {
            ns += consumed * cpus.remoteMemoryNanos();
        }
        busyUntil[cpu] = Math.max(busyUntil[cpu], now) + ns;
        reapCpu[cpu] += ns;
        return 0;
    }

    private void book(int cpu, long ns) {
        irqCpu[cpu] += ns;
        totalIrqCpu += ns;
    }

    long totalIrqCpuNanos() {
        return totalIrqCpu;
    }

    /** A copy of the figures (setup and reporting only: it allocates). */
    CoreFigures figures() {
        return new CoreFigures(topology, interrupts.clone(), irqCpu.clone(), reapCpu.clone(), remoteWakeups.clone(),
                handlerLatency.copy());
    }

    /** FLR: signals in flight are gone. */
    void functionReset() {
        Arrays.fill(raisedAt, -1);
    }
}
