package org.nvmeworkbench.core.workload;

import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What one run measured: the data a run record is made of. Immutable by convention (do not change
 * the histograms or arrays). Times are on the device's clock (virtual on the simulator).
 *
 * @param deviceName             what the user named, e.g. {@code sim:tlc}
 * @param identify               model, serial and firmware of the controller
 * @param spec                   the workload as run
 * @param seed                   the workload's seed (the device's own seed lives in its name/options)
 * @param startedAt              wall-clock start
 * @param durationNanos          first submit to last completion
 * @param ios                    I/Os completed
 * @param iops                   ios per second of device time
 * @param readLatency            submit-to-reap latency of reads, in ns
 * @param writeLatency           submit-to-reap latency of writes, in ns
 * @param vectors                interrupts and completions per vector the run's queues used
 * @param totalInterrupts        interrupts on those vectors during the run
 * @param completionsPerInterrupt ios / totalInterrupts (0 when no interrupt was taken, e.g. polling)
 * @param hostIrqCpuPct          host CPU spent taking interrupts, as a percentage of the run's duration
 * @param featuresReadBack       08h and 09h as the device reported them after they were set
 * @param featureNotes           what the device refused, one sentence each
 * @param timeSeries             per-second figures
 * @param toolVersion            the workbench version that ran it
 * @param errors                 completions with an error status
 * @param notes                  anything else worth knowing (cancelled, stuck commands, lost interrupts)
 */
public record RunResult(String deviceName, IdentifySummary identify, WorkloadSpec spec, long seed, Instant startedAt,
                        long durationNanos, long ios, double iops, Histogram readLatency, Histogram writeLatency,
                        List<VectorCount> vectors, long totalInterrupts, double completionsPerInterrupt,
                        double hostIrqCpuPct, FeaturesReadBack featuresReadBack, List<String> featureNotes,
                        TimeSeries timeSeries, String toolVersion, long errors, List<String> notes) {

    public RunResult {
        vectors = List.copyOf(vectors);
        featureNotes = List.copyOf(featureNotes);
        notes = List.copyOf(notes);
    }

    /** Model, serial and firmware from Identify Controller. */
    public record IdentifySummary(String model, String serial, String firmware) {
    }

    /**
     * One vector's share of the run.
     *
     * @param iv          the controller's vector index
     * @param count       interrupts taken on it during the run
     * @param completions completions of the queues that signal it
     */
    public record VectorCount(int iv, long count, long completions) {
        public double completionsPerInterrupt() {
            return count == 0 ? 0 : (double) completions / count;
        }
    }

    /**
     * 09h of one vector as read back.
     *
     * @param iv                 the vector
     * @param raw                DW0 of Get Features 09h, or -1 when the device refused it
     * @param coalescingDisabled CD
     */
    public record VectorConfigReadBack(int iv, int raw, boolean coalescingDisabled) {
    }

    /**
     * @param coalescingRaw     DW0 of Get Features 08h (current), or -1 when the device refused it
     * @param coalescingDecoded what it means, e.g. "THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us"
     * @param vectors           09h per vector of the run
     */
    public record FeaturesReadBack(int coalescingRaw, String coalescingDecoded, List<VectorConfigReadBack> vectors) {
        public FeaturesReadBack {
            vectors = List.copyOf(vectors);
        }
    }

    /**
     * One entry per whole second of device time since the start (index i covers [i s, i+1 s)).
     *
     * @param iops                completions in that second
     * @param p50Nanos            median latency in that second
     * @param p99Nanos            99th percentile in that second
     * @param interruptsPerSecond interrupts on the run's vectors in that second
     */
    /**
     * The run's figures per sample interval (100 ms of device time, the last one shorter): rates per
     * second over each interval, and the interval's end as device time since the run started.
     */
    public record TimeSeries(long[] atNanos, double[] iops, long[] p50Nanos, long[] p99Nanos, double[] interruptsPerSecond) {
        public int length() {
            return iops.length;
        }
    }

    /** Latencies of reads and writes together. */
    public Histogram allLatency() {
        Histogram h = readLatency.copy();
        h.add(writeLatency);
        return h;
    }
}
