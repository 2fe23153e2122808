package org.nvmeworkbench.core.record;

import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;

/** A realistic record for tests: 10 000 latencies with a tail. */
final class RunRecords {
    private RunRecords() {
    }

    static RunRecord sample() {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < 10_000; i++) {
            h.recordValue(80_000 + (i % 100) * 500L + (i % 997 == 0 ? 2_000_000 : 0));
        }
        Histogram reads = h.copy();
        return new RunRecord("0.1.0-test", Instant.parse("2025-01-02T03:04:05.123Z"), 250_000_000L, 42,
                new DeviceIdentity("sim:tlc", "NVMe Workbench Simulated Controller", "SIM0001", "1.0", 0x1b36, "1.4.0",
                        4096, 1 << 20, 1024),
                new WorkloadSettings("randread", 4096, 32, 1, 0, 10_000, 100, false, false, 0x0207, List.of(2)),
                new FeatureReadback(0x0207, List.of(new FeatureReadback.VectorFeature(1, 1), new FeatureReadback.VectorFeature(2, 0x10002)), 0x000f000f),
                new RunTotals(10_000, 10_000, 0, 40_960_000, 0, 1_250),
                LatencyHistogram.of(h), LatencyHistogram.of(reads), LatencyHistogram.empty(),
                List.of(new VectorCount(1, 1_250, 10_000)), 8.0, 3.1,
                List.of(new TimeSample(100_000_000, 40_000, 5_000, 90_000, 2_000_000, 32)));
    }
}
