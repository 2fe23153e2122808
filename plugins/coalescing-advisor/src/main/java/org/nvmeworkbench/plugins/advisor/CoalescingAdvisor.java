package org.nvmeworkbench.plugins.advisor;

import java.util.List;
import java.util.Optional;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.ui.spi.Advice;
import org.nvmeworkbench.ui.spi.TuningAdvisor;

/**
 * Suggests THR/TIME from the latest run. A run that took about one interrupt per completion gets a
 * threshold of a quarter of iodepth (so the queue never waits for completions it cannot have) and an
 * aggregation time of twice the time such a batch takes to arrive at the measured IOPS. A coalesced
 * run whose p99 grew by more than a fifth over the best uncoalesced run gets half the TIME.
 */
public final class CoalescingAdvisor implements TuningAdvisor {
    @Override public String id() { return "coalescing-advisor"; }
    @Override public String title() { return "Coalescing advisor"; }
    @Override public int order() { return 100; }

    @Override
    public Optional<Advice> advise(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        int n = runs.size();
        RunRecord last = runs.get(n - 1);
        if (last.totals().ios() == 0 || last.totals().interrupts() == 0 || last.iops() <= 0) {
            return Optional.empty();
        }
        InterruptCoalescing now = last.features().interruptCoalescing();
        boolean coalesced = now != null && now.enabled();
        if (!coalesced || last.completionsPerInterrupt() < 1.5) {
            int batch = Math.max(2, Math.min(256, last.workload().iodepth() / 4));
            double perVectorIops = last.iops() / Math.max(1, last.workload().queues());
            double batchNanos = batch * 1e9 / perVectorIops;
            int time = (int) Math.max(1, Math.min(255, Math.ceil(2 * batchNanos / InterruptCoalescing.TIME_UNIT_NANOS)));
            InterruptCoalescing c = new InterruptCoalescing(batch - 1, time);
            return Optional.of(new Advice(c, String.format(
                    "run #%d took %.2f completions per interrupt at %,.0f IOPS with iodepth %d; %s.",
                    n, last.completionsPerInterrupt(), last.iops(), last.workload().iodepth(), c.describe())));
        }
        RunRecord baseline = null;
        for (RunRecord r : runs) {
            InterruptCoalescing c = r.features().interruptCoalescing();
            if ((c == null || !c.enabled()) && r.latency().count() > 0
                    && (baseline == null || r.latency().valueAtPercentile(99) < baseline.latency().valueAtPercentile(99))) {
                baseline = r;
            }
        }
        if (baseline != null && now.time() > 1) {
            double base = baseline.latency().valueAtPercentile(99);
            double cur = last.latency().valueAtPercentile(99);
            if (base > 0 && cur > 1.2 * base) {
                InterruptCoalescing c = new InterruptCoalescing(now.threshold(), Math.max(1, now.time() / 2));
                return Optional.of(new Advice(c, String.format(
                        "run #%d's p99 is %.0f us against %.0f us without coalescing; halve TIME: %s.",
                        n, cur / 1e3, base / 1e3, c.describe())));
            }
        }
        return Optional.of(new Advice(now, String.format(
                "run #%d already takes %.2f completions per interrupt without a p99 penalty above 20%%; keep %s.",
                n, last.completionsPerInterrupt(), now.describe())));
    }
}
