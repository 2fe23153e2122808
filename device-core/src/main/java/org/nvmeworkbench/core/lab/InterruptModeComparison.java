package org.nvmeworkbench.core.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nvmeworkbench.core.driver.HostInterruptWork;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.VectorCount;

/**
 * The same workload under pin-based, MSI and MSI-X interrupts, each on a fresh simulator, with the
 * figures of the real runs and what the host's interrupt handler actually did in each mode, as the
 * driver counted it ("why MSI-X").
 *
 * <p>Threading: {@link #run()} runs on the caller's thread, once; {@link #cancel()} may be called from
 * any thread.
 */
public final class InterruptModeComparison {
    private static final List<InterruptMode> MODES = List.of(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX);

    /**
     * One mode's run.
     *
     * @param vectorsUsed vectors that carried the workload's interrupts (PIN: the one line)
     * @param hostWork    what the driver's interrupt handler did in this run
     * @param hostDuties  the mode's structural fact and the measured host work per interrupt, in words
     */
    public record ModeFigures(InterruptMode mode, List<Integer> vectorsUsed, long interrupts, double interruptsPerSecond,
                              double completionsPerInterrupt, double iops, long readP99Nanos, double hostIrqCpuPct,
                              HostInterruptWork hostWork, String hostDuties, LabRun run) {
    }

    private final ScenarioPlan plan;
    private final Object lock = new Object();
    /** The runner of the mode under way, so {@link #cancel()} can drain it; guarded by {@link #lock}. */
    private ScenarioRunner current;
    private boolean cancelled;
    private boolean started;

    public InterruptModeComparison(ScenarioPlan plan) {
        this.plan = plan;
    }

    /** Runs {@code plan}'s first run (no reruns) under PIN, MSI and MSI-X, as fast as possible. */
    public static List<ModeFigures> run(ScenarioPlan plan) {
        return new InterruptModeComparison(plan).run();
    }

    /**
     * Runs the plan's first run under each mode in turn. After {@link #cancel()} the mode under way drains
     * and is left out: the result holds only the modes whose run finished whole.
     */
    public List<ModeFigures> run() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("This comparison has already been run; make a new one.");
            }
            started = true;
        }
        List<ModeFigures> out = new ArrayList<>();
        for (InterruptMode m : MODES) {
            ScenarioPlan p = plan.withInterruptMode(m).withSpeed(0).withCoalescing(plan.workload().coalescing());
            ScenarioRunner r = new ScenarioRunner(p);
            try {
                synchronized (lock) {
                    if (cancelled) {
                        break;
                    }
                    current = r;
                }
                LabRun run = r.runAll().get(0);
                if (r.isCancelled()) {
                    break; // cut short: its figures would not compare with the others'
                }
                out.add(figures(m, run, plan.workload().queues()));
            } finally {
                synchronized (lock) {
                    current = null;
                }
                r.close();
            }
        }
        return out;
    }

    /** Stops the comparison: the run under way drains its commands in flight, no further mode starts. */
    public void cancel() {
        ScenarioRunner r;
        synchronized (lock) {
            cancelled = true;
            r = current;
        }
        if (r != null) {
            r.cancel();
        }
    }

    public boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    private static ModeFigures figures(InterruptMode m, LabRun run, int queues) {
        RunRecord res = run.result();
        List<Integer> used = new ArrayList<>();
        for (VectorCount v : res.vectors()) {
            if (v.interrupts() > 0) {
                used.add(v.iv());
            }
        }
        return new ModeFigures(m, used, res.totals().interrupts(), run.interruptsPerSecond(), res.completionsPerInterrupt(),
                res.iops(), run.readPercentileNanos(99), res.hostIrqCpuPct(), run.hostWork(),
                duties(m, queues, run.hostWork()), run);
    }

    /**
     * The mode's structural fact (docs/nvme-reference.md, "MSI, MSI-X, pin-based") and what the host measurably
     * did per interrupt in {@code work}.
     */
    static String duties(InterruptMode m, int queues, HostInterruptWork work) {
        String fact;
        switch (m) {
            case PIN:
                fact = "One shared line for all " + queues + (queues == 1 ? " queue" : " queues")
                        + ": it does not say which queue has work.";
                break;
            case MSI:
                fact = "A vector names its queue, but MSI has no per-vector mask: INTMS/INTMC.";
                break;
            default:
                fact = "A vector names its queue and has its own mask bit in the table: no INTMS/INTMC.";
                break;
        }
        if (work.interrupts() == 0) {
            return fact + " The host took no interrupt in this run.";
        }
        return fact + String.format(Locale.ROOT,
                " Per interrupt: %.1f CQs examined, %.1f of them empty, %.1f mask writes (INTMS/INTMC), %.1f head doorbells.",
                work.cqsExaminedPerInterrupt(), work.emptyExaminationsPerInterrupt(), work.maskWritesPerInterrupt(),
                work.cqHeadDoorbellsPerInterrupt());
    }
}
