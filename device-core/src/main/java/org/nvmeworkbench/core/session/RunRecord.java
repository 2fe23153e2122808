package org.nvmeworkbench.core.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.workload.RunResult;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * An immutable record of one run: what ran, on what, with which features in force, and what came out.
 * The live view and a saved run share this model; reports and comparisons read it (design.md, "Data
 * that lasts"). Latencies are in nanoseconds.
 *
 * @param toolVersion             the NVMe Workbench version that made it
 * @param startedAt               wall-clock start
 * @param durationNanos           device time from first submission to last completion
 * @param seed                    the seed of the workload and the simulator
 * @param device                  which device
 * @param workload                what was asked for
 * @param features                what the device reported in force (Get Features after set-up)
 * @param totals                  counts
 * @param latency                 completion latency of every I/O
 * @param readLatency             of reads only
 * @param writeLatency            of writes only
 * @param vectors                 per MSI-X vector: interrupts and completions
 * @param completionsPerInterrupt I/O completions divided by I/O interrupts (0 when polled)
 * @param hostIrqCpuPct           share of one host CPU spent handling interrupts, percent
 * @param timeSeries              rates over time
 */
public record RunRecord(String toolVersion, Instant startedAt, long durationNanos, long seed, DeviceIdentity device,
                        WorkloadSettings workload, FeatureReadback features, RunTotals totals,
                        LatencyHistogram latency, LatencyHistogram readLatency, LatencyHistogram writeLatency,
                        List<VectorCount> vectors, double completionsPerInterrupt, double hostIrqCpuPct,
                        List<TimeSample> timeSeries) {

    public RunRecord {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(latency, "latency");
        readLatency = readLatency == null ? LatencyHistogram.empty() : readLatency;
        writeLatency = writeLatency == null ? LatencyHistogram.empty() : writeLatency;
        vectors = List.copyOf(vectors);
        timeSeries = List.copyOf(timeSeries);
    }

    /** Completed I/Os per second of device time. */
    public double iops() {
        return durationNanos == 0 ? 0 : totals.ios() * 1e9 / durationNanos;
    }

    /** Bytes per second of device time. */
    public double bytesPerSecond() {
        return durationNanos == 0 ? 0 : totals.bytes() * 1e9 / durationNanos;
    }

    /** A record of {@code r} with the device described only by what the run recorded. */
    public static RunRecord from(RunResult r) {
        RunResult.IdentifySummary id = r.identify();
        return from(r, id == null ? DeviceIdentity.named(r.deviceName(), "", "", "")
                : DeviceIdentity.named(r.deviceName(), id.model(), id.serial(), id.firmware()));
    }

    /** A record of {@code r} on {@code device} (see {@link DeviceIdentity#of}). */
    public static RunRecord from(RunResult r, DeviceIdentity device) {
        WorkloadSpec s = r.spec();
        List<Integer> cd = s.cdVectors() == null ? List.of() : new ArrayList<>(s.cdVectors());
        WorkloadSettings w = new WorkloadSettings(s.rw().fioName(), s.blockSize(), s.iodepth(), s.queues(),
                s.runtimeNanos(), s.ios(), s.rwmixread(), s.allowWrites(), s.polling(),
                s.coalescing() == null ? -1 : s.coalescing().cdw11(), cd);
        RunResult.FeaturesReadBack f = r.featuresReadBack();
        List<FeatureReadback.VectorFeature> fv = new ArrayList<>();
        int coalescing = -1;
        if (f != null) {
            coalescing = f.coalescingRaw();
            for (RunResult.VectorConfigReadBack v : f.vectors()) {
                fv.add(new FeatureReadback.VectorFeature(v.iv(), v.raw()));
            }
        }
        List<VectorCount> vectors = new ArrayList<>();
        for (RunResult.VectorCount v : r.vectors()) {
            vectors.add(new VectorCount(v.iv(), v.count(), v.completions()));
        }
        Histogram reads = r.readLatency();
        Histogram writes = r.writeLatency();
        long readCount = reads == null ? 0 : reads.getTotalCount();
        long writeCount = writes == null ? 0 : writes.getTotalCount();
        RunTotals totals = new RunTotals(r.ios(), readCount, writeCount, r.ios() * (long) s.blockSize(), r.errors(),
                r.totalInterrupts());
        return new RunRecord(r.toolVersion(), r.startedAt(), r.durationNanos(), r.seed(), device, w,
                new FeatureReadback(coalescing, fv, -1), totals, LatencyHistogram.of(r.allLatency()),
                reads == null ? null : LatencyHistogram.of(reads), writes == null ? null : LatencyHistogram.of(writes),
                vectors, r.completionsPerInterrupt(), r.hostIrqCpuPct(), series(r.timeSeries()));
    }

    /** The runner's arrays as samples stamped with the end of their interval. */
    private static List<TimeSample> series(RunResult.TimeSeries t) {
        List<TimeSample> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        for (int i = 0; i < t.length(); i++) {
            out.add(new TimeSample(t.atNanos()[i], t.iops()[i], t.interruptsPerSecond()[i], t.p50Nanos()[i],
                    t.p99Nanos()[i], 0));
        }
        return out;
    }
}
