package org.nvmeworkbench.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.record.TimeSample;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.record.WorkloadSettings;

/** Hand-built records with known latencies: a body around {@code base} ns and a tail at 20x. */
public final class SampleRuns {
    private SampleRuns() {
    }

    public static RunRecord run(long base, int thr, int time, long interrupts) {
        return run(base, thr, time, interrupts, 3);
    }

    /** As {@link #run(long, int, int, long)} with {@code seconds} per-second samples (0: none recorded). */
    public static RunRecord run(long base, int thr, int time, long interrupts, int seconds) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < 20_000; i++) {
            h.recordValue(base + (i % 200) * 250L + (i % 1999 == 0 ? base * 20 : 0));
        }
        List<TimeSample> series = new ArrayList<>();
        for (int s = 1; s <= seconds; s++) {
            series.add(new TimeSample(s * 1_000_000_000L, 6_000 + s * 100, interrupts / 3.0, base + 20_000, base + 49_000, 32));
        }
        int cdw11 = thr | time << 8;
        return new RunRecord("0.1.0-test", Instant.parse("2025-03-04T05:06:07Z"), 3_000_000_000L, 7,
                new DeviceIdentity("sim:tlc", "NVMe Workbench \"Sim\" <Controller>", "SIM0001", "FW1.2.3", 0x1b36, "1.4.0",
                        512, 1 << 20, 1024),
                new WorkloadSettings("randread", 4096, 32, 1, 0, 20_000, 50, false, false, cdw11, List.of()),
                new FeatureReadback(cdw11, List.of(new FeatureReadback.VectorFeature(1, 1)), -1),
                new RunTotals(20_000, 20_000, 0, 20_000L * 4096, 0, interrupts),
                LatencyHistogram.of(h), LatencyHistogram.of(h), LatencyHistogram.empty(),
                List.of(new VectorCount(1, interrupts, 20_000)), 20_000.0 / interrupts, 2.5,
                series);
    }

    public static ReportModel two() {
        return new ReportModel("Two runs", Instant.parse("2025-03-04T06:00:00Z"),
                List.of(run(80_000, 0, 0, 20_000), run(95_000, 7, 2, 2_600)), List.of("off", "thr7, time2"));
    }
}
