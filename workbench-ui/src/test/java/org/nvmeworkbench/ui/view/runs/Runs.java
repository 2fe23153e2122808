package org.nvmeworkbench.ui.view.runs;

import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.record.WorkloadSettings;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/** Run records with chosen figures, for the comparison's tests. */
public final class Runs {
    private Runs() {
    }

    /** A run of {@code ios} reads whose latencies spread evenly from {@code base} to twice it. */
    public static RunRecord run(InterruptCoalescing c, int iodepth, long ios, long interrupts, long durationNanos,
                         long base, double irqCpu) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (long i = 0; i < ios; i++) {
            h.recordValue(base + base * i / ios);
        }
        return new RunRecord("test", Instant.parse("2026-12-01T10:00:00Z"), durationNanos, 42,
                DeviceIdentity.named("sim:tlc", "NVMe Workbench Sim tlc", "SIM1", "SIM1.0"),
                new WorkloadSettings("randread", 4096, iodepth, 1, 0, ios, 100, false, false, c.cdw11(), List.of()),
                new FeatureReadback(c.cdw11(), List.of(), -1),
                new RunTotals(ios, ios, 0, ios * 4096, 0, interrupts),
                LatencyHistogram.of(h), null, null, List.of(new VectorCount(1, interrupts, ios)),
                interrupts == 0 ? 0 : (double) ios / interrupts, irqCpu, List.of());
    }
}
