package org.nvmeworkbench.core.sweep;

import org.nvmeworkbench.core.record.RunRecord;

/** What a sweep minimises besides latency: the price of interrupts that coalescing exists to lower. */
public enum SweepCost {
    INTERRUPTS_PER_SECOND("interrupts/s"),
    IRQ_CPU_SHARE("interrupt CPU %");

    private final String label;

    SweepCost(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public double of(RunRecord r) {
        return switch (this) {
            case INTERRUPTS_PER_SECOND -> r.durationNanos() == 0 ? 0 : r.totals().interrupts() * 1e9 / r.durationNanos();
            case IRQ_CPU_SHARE -> r.hostIrqCpuPct();
        };
    }
}
