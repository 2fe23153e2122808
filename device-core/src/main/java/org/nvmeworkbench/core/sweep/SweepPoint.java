package org.nvmeworkbench.core.sweep;

import org.nvmeworkbench.core.record.RunRecord;

/** One finished point of a sweep: its setting and the run it produced. */
public record SweepPoint(SweepSetting setting, RunRecord record) {
    /** The same point is found at once: the analysis looks points up in lists (the front) thousands of times. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SweepPoint p && setting.equals(p.setting) && record.equals(p.record);
    }

    @Override
    public int hashCode() {
        return setting.hashCode();
    }

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
