package org.nvmeworkbench.core.sweep;

import org.nvmeworkbench.core.record.RunRecord;

/** One finished point of a sweep: its setting and the run it produced. */
public record SweepPoint(SweepSetting setting, RunRecord record) {
    public double interruptsPerSecond() {
        return SweepCost.INTERRUPTS_PER_SECOND.of(record);
    }

    public double irqCpuPct() {
        return record.hostIrqCpuPct();
    }

    /** Latency at {@code percentile} (0..100), ns. */
    public long latency(double percentile) {
        return record.latency().valueAtPercentile(percentile);
    }

    public double cost(SweepCost cost) {
        return cost.of(record);
    }
}
