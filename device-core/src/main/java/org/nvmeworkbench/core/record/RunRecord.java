package org.nvmeworkbench.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;


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
 * @param origin                  what measured it; what that source does not measure is NaN, -1 or empty
 * @param featureNotes            what the device refused when the run set its features, one sentence each
 * @param notes                   anything else worth knowing (cancelled, stuck commands, lost interrupts)
 * @param queueDepths             how deep the queues ran, as fio counts it; {@link QueueDepths#NONE} if not counted
 * @param trimLatency             of trims (Dataset Management deallocates) only
 * @param cpus                    the run on the host's cores; {@link HostCpuUse#NONE} when not measured
 */
public record RunRecord(String toolVersion, Instant startedAt, long durationNanos, long seed, DeviceIdentity device,
                        WorkloadSettings workload, FeatureReadback features, RunTotals totals,
                        LatencyHistogram latency, LatencyHistogram readLatency, LatencyHistogram writeLatency,
                        List<VectorCount> vectors, double completionsPerInterrupt, double hostIrqCpuPct,
                        List<TimeSample> timeSeries, RunOrigin origin, List<String> featureNotes,
                        List<String> notes, QueueDepths queueDepths, LatencyHistogram trimLatency, HostCpuUse cpus) {

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
        origin = origin == null ? RunOrigin.WORKBENCH : origin;
        featureNotes = featureNotes == null ? List.of() : List.copyOf(featureNotes);
        notes = notes == null ? List.of() : List.copyOf(notes);
        queueDepths = queueDepths == null ? QueueDepths.NONE : queueDepths;
        trimLatency = trimLatency == null ? LatencyHistogram.empty() : trimLatency;
        cpus = cpus == null ? HostCpuUse.NONE : cpus;
    }

    /** A run without trims or per-core figures. */
    public RunRecord(String toolVersion, Instant startedAt, long durationNanos, long seed, DeviceIdentity device,
                     WorkloadSettings workload, FeatureReadback features, RunTotals totals,
                     LatencyHistogram latency, LatencyHistogram readLatency, LatencyHistogram writeLatency,
                     List<VectorCount> vectors, double completionsPerInterrupt, double hostIrqCpuPct,
                     List<TimeSample> timeSeries, RunOrigin origin, List<String> featureNotes, List<String> notes,
                     QueueDepths queueDepths) {
        this(toolVersion, startedAt, durationNanos, seed, device, workload, features, totals, latency, readLatency,
                writeLatency, vectors, completionsPerInterrupt, hostIrqCpuPct, timeSeries, origin, featureNotes, notes,
                queueDepths, LatencyHistogram.empty(), HostCpuUse.NONE);
    }

    /** A run whose source did not count its queue depths nor its cores (fio's output, an HdrHistogram log). */
    public RunRecord(String toolVersion, Instant startedAt, long durationNanos, long seed, DeviceIdentity device,
                     WorkloadSettings workload, FeatureReadback features, RunTotals totals,
                     LatencyHistogram latency, LatencyHistogram readLatency, LatencyHistogram writeLatency,
                     List<VectorCount> vectors, double completionsPerInterrupt, double hostIrqCpuPct,
                     List<TimeSample> timeSeries, RunOrigin origin, List<String> featureNotes, List<String> notes) {
        this(toolVersion, startedAt, durationNanos, seed, device, workload, features, totals, latency, readLatency,
                writeLatency, vectors, completionsPerInterrupt, hostIrqCpuPct, timeSeries, origin, featureNotes, notes,
                QueueDepths.NONE);
    }

    /** A run this workbench made, with no notes. */
    public RunRecord(String toolVersion, Instant startedAt, long durationNanos, long seed, DeviceIdentity device,
                     WorkloadSettings workload, FeatureReadback features, RunTotals totals,
                     LatencyHistogram latency, LatencyHistogram readLatency, LatencyHistogram writeLatency,
                     List<VectorCount> vectors, double completionsPerInterrupt, double hostIrqCpuPct,
                     List<TimeSample> timeSeries) {
        this(toolVersion, startedAt, durationNanos, seed, device, workload, features, totals, latency, readLatency,
                writeLatency, vectors, completionsPerInterrupt, hostIrqCpuPct, timeSeries, RunOrigin.WORKBENCH, List.of(),
                List.of());
    }

    /** Whether interrupts, vectors and their CPU share were measured (not by fio or an HdrHistogram log). */
    public boolean interruptsMeasured() {
        return origin.measuresInterrupts();
    }

    /**
     * Whether {@code other} records the same run, wherever either was opened from: the same start, duration,
     * device, workload, counts and latency.
     */
    public boolean sameRunAs(RunRecord other) {
        return other != null && startedAt.equals(other.startedAt) && durationNanos == other.durationNanos
                && device.equals(other.device) && workload.equals(other.workload) && totals.equals(other.totals)
                && latency.equals(other.latency);
    }

    /** This record with {@code o} as its origin (e.g. marked with the host an agent ran it on). */
    public RunRecord withOrigin(RunOrigin o) {
        return new RunRecord(toolVersion, startedAt, durationNanos, seed, device, workload, features, totals, latency,
                readLatency, writeLatency, vectors, completionsPerInterrupt, hostIrqCpuPct, timeSeries, o, featureNotes, notes,
                queueDepths, trimLatency, cpus);
    }

    /** This record as opened from {@code file}. */
    public RunRecord openedFrom(String file) {
        return new RunRecord(toolVersion, startedAt, durationNanos, seed, device, workload, features, totals, latency,
                readLatency, writeLatency, vectors, completionsPerInterrupt, hostIrqCpuPct, timeSeries,
                origin.openedFrom(file), featureNotes, notes, queueDepths, trimLatency, cpus);
    }

    /** This record with one more note, e.g. that the user interrupted it. */
    public RunRecord withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new RunRecord(toolVersion, startedAt, durationNanos, seed, device, workload, features, totals, latency,
                readLatency, writeLatency, vectors, completionsPerInterrupt, hostIrqCpuPct, timeSeries, origin,
                featureNotes, more, queueDepths, trimLatency, cpus);
    }

    /** Completed I/Os per second of device time. */
    public double iops() {
        return durationNanos == 0 ? 0 : totals.ios() * 1e9 / durationNanos;
    }

    /** Bytes per second of device time. */
    public double bytesPerSecond() {
        return durationNanos == 0 ? 0 : totals.bytes() * 1e9 / durationNanos;
    }
}
