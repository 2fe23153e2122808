package org.nvmeworkbench.core.workload;

import java.time.Instant;
import java.util.List;

import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;

/**
 * A running workload as a {@link RunRecord} of the part that has run (pattern "live and saved runs share
 * one model"): what ran and on what as the finished record will say, and the latency, counts and time
 * series the loop has published so far. Reads and writes are not told apart until the run ends.
 */
final class RunSoFar {
    static final String NOTE = "So far: the run is under way.";
    /** Reads and writes are not told apart while the run goes: one shared empty histogram for both. */
    private static final LatencyHistogram NOT_SPLIT = LatencyHistogram.empty();

    private final Instant startedAt;
    private final DeviceIdentity device;
    private final WorkloadSpec spec;
    private final FeatureReadback features;
    private final LoopSoFar loop;

    RunSoFar(Instant startedAt, DeviceIdentity device, WorkloadSpec spec, FeatureReadback features, LoopSoFar loop) {
        this.startedAt = startedAt;
        this.device = device;
        this.spec = spec;
        this.features = features;
        this.loop = loop;
    }

    long version() {
        return loop.version();
    }

    /** The record of what has run, or null when nothing has been published yet (or it could not be read now). */
    RunRecord record() {
        if (loop.version() == 0) {
            return null;
        }
        var series = loop.timeSeries();
        PublishedLatency.Copy c = loop.latencyCopy();
        if (c == null) {
            return null;
        }
        // One direction is known from the pattern alone; a mix is not split until the run's end.
        ReadWrite rw = spec.rw();
        long reads = rw.reads() && !rw.writes() ? c.completed() : 0;
        long writes = rw.writesData() && !rw.reads() && !rw.trims() ? c.completed() : 0;
        long trims = rw.trims() && !rw.writesData() ? c.completed() : 0;
        RunTotals totals = new RunTotals(c.completed(), reads, writes, c.completed() * (long) spec.blockSize(), 0,
                c.interrupts(), trims);
        return new RunRecord(ToolVersion.get(), startedAt, c.durationNanos(), spec.seed(), device, spec.settings(),
                features, totals, LatencyHistogram.handedOver(c.latency()), NOT_SPLIT, NOT_SPLIT, List.of(),
                c.interrupts() == 0 ? 0 : (double) c.completed() / c.interrupts(), 0, series, RunOrigin.WORKBENCH,
                List.of(), List.of(NOTE));
    }
}
