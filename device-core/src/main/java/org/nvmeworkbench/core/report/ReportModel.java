package org.nvmeworkbench.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.record.WorkloadSettings;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * What a report says about one or more runs, independent of the format it is written in: provenance,
 * the percentile table, per-vector interrupts and, with several runs, a comparison against the first.
 * Every exporter and the workbench's report view read this one model, so they cannot disagree.
 *
 * @param title       heading of the report
 * @param generatedAt when the report was made (not when the runs were)
 * @param runs        the records, the first is the baseline of every delta
 * @param labels      one short name per run, e.g. the file it came from
 */
public record ReportModel(String title, Instant generatedAt, List<RunRecord> runs, List<String> labels) {
    /** What a report prints for a figure the run's source did not measure (fio, an HdrHistogram log): never 0 or NaN. */
    public static final String NOT_MEASURED = "not measured";

    public ReportModel {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        runs = List.copyOf(runs);
        labels = List.copyOf(labels);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("A report needs at least one run.");
        }
        if (labels.size() != runs.size()) {
            throw new IllegalArgumentException("A report needs one label per run (" + runs.size() + " runs, "
                    + labels.size() + " labels).");
        }
    }

    /** A report of {@code runs} labelled "run 1", "run 2", ... made now. */
    public static ReportModel of(List<RunRecord> runs) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            labels.add(defaultLabel(i, runs.get(i)));
        }
        return new ReportModel(defaultTitle(runs), Instant.now(), runs, labels);
    }

    /** e.g. "run 1 (THR 7, TIME 2)". */
    public static String defaultLabel(int index, RunRecord r) {
        return "run " + (index + 1) + " (" + coalescingShort(r.features().coalescing()) + ")";
    }

    public static String defaultTitle(List<RunRecord> runs) {
        return runs.size() == 1 ? "Latency report: " + runs.get(0).device().spec() + ", " + runs.get(0).workload().rw()
                : "Latency comparison of " + runs.size() + " runs";
    }

    /** "THR 7, TIME 2", "coalescing off" or "08h not read". */
    public static String coalescingShort(int cdw11) {
        if (cdw11 < 0) {
            return "08h not read";
        }
        InterruptCoalescing c = InterruptCoalescing.fromCdw11(cdw11);
        return c.enabled() ? "THR " + c.threshold() + ", TIME " + c.time() : "coalescing off";
    }

    public int size() {
        return runs.size();
    }

    /** Interrupts per second of device time on the run's I/O vectors; NaN when its source did not count them. */
    public static double interruptsPerSecond(RunRecord r) {
        if (!measuredInterrupts(r)) {
            return Double.NaN;
        }
        return r.durationNanos() == 0 ? 0 : r.totals().interrupts() * 1e9 / r.durationNanos();
    }

    /** Whether the run counted interrupts (and so per vector, per completion and their CPU share). */
    public static boolean measuredInterrupts(RunRecord r) {
        return r.interruptsMeasured() && r.totals().interrupts() >= 0;
    }

    /** The runs whose source counted no interrupts, by label, e.g. "fio-3.33 randread". */
    public List<String> labelsNotMeasuringInterrupts() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (!measuredInterrupts(runs.get(i))) {
                out.add(labels.get(i));
            }
        }
        return out;
    }

    /**
     * "12.00 completions per interrupt, 3.10 % of one CPU spent in interrupt handling." or, for a source that
     * counts no interrupts, that they were not measured and by what.
     */
    public String interruptLine(int run) {
        RunRecord r = runs.get(run);
        if (!measuredInterrupts(r)) {
            return "interrupts, completions per interrupt and interrupt CPU share " + NOT_MEASURED + " ("
                    + r.origin().label() + " does not count them).";
        }
        return Figures.count(r.completionsPerInterrupt()) + " completions per interrupt, " + Figures.percent(r.hostIrqCpuPct())
                + " of one CPU spent in interrupt handling.";
    }

    // ---- provenance ----

    /** One line of a provenance table. */
    public record Field(String name, String value) {
    }

    /** Where a run came from: device, firmware, features in force, workload, seed, tool, time. */
    public List<Field> provenance(int run) {
        RunRecord r = runs.get(run);
        DeviceIdentity d = r.device();
        WorkloadSettings w = r.workload();
        FeatureReadback f = r.features();
        List<Field> out = new ArrayList<>();
        RunOrigin o = r.origin();
        out.add(new Field("Source", o.label()));
        if (!o.file().isEmpty()) {
            out.add(new Field("File", o.file()));
        }
        out.add(new Field("Device", d.spec()));
        out.add(new Field("Model", d.model()));
        out.add(new Field("Serial", d.serial()));
        out.add(new Field("Firmware", d.firmware()));
        if (d.vendorId() != 0) {
            out.add(new Field("PCI vendor", String.format("0x%04x", d.vendorId())));
        }
        if (!d.nvmeVersion().isEmpty()) {
            out.add(new Field("NVMe version", d.nvmeVersion()));
        }
        if (d.lbaSize() != 0) {
            out.add(new Field("Namespace", d.namespaceBlocks() + " blocks of " + d.lbaSize() + " B"));
        }
        InterruptCoalescing ic = f.interruptCoalescing();
        String notRead = o.readsFeatures() ? null : "not read (" + o.label() + " does not read features)";
        out.add(new Field("Feature 08h (read back)", notRead != null ? notRead : ic == null ? "not reported by the device"
                : String.format("0x%04x: %s", f.coalescing(), ic.describe())));
        StringBuilder v = new StringBuilder();
        for (FeatureReadback.VectorFeature vf : f.vectors()) {
            if (v.length() > 0) {
                v.append("; ");
            }
            v.append("IV ").append(vf.iv()).append(vf.value() < 0 ? " not reported"
                    : vf.coalescingDisabled() ? " CD=1 (never coalesced)" : " CD=0");
        }
        out.add(new Field("Feature 09h (read back)", notRead != null ? notRead : v.length() == 0 ? "not read" : v.toString()));
        if (f.numberOfQueues() >= 0) {
            out.add(new Field("Feature 07h (read back)", String.format("0x%08x", f.numberOfQueues())));
        }
        out.add(new Field("Workload", w.rw().isEmpty() ? "not recorded" : workload(w)));
        out.add(new Field("Seed", o.source() == RunOrigin.Source.WORKBENCH ? Long.toString(r.seed()) : "not recorded"));
        out.add(new Field("Tool version", o.source() == RunOrigin.Source.WORKBENCH || o.tool().isEmpty() ? r.toolVersion()
                : o.tool() + " (read by NVMe Workbench " + r.toolVersion() + ")"));
        out.add(new Field("Started", r.startedAt().toString()));
        out.add(new Field("Duration (device time)", Figures.latency(r.durationNanos())));
        if (!r.notes().isEmpty()) {
            out.add(new Field("Notes", String.join(" ", r.notes())));
        }
        return out;
    }

    /** fio's words: "rw=randread bs=4096 iodepth=32 queues=1 ios=100000". */
    public static String workload(WorkloadSettings w) {
        StringBuilder s = new StringBuilder("rw=").append(w.rw()).append(" bs=").append(w.blockSize())
                .append(" iodepth=").append(w.iodepth()).append(" queues=").append(w.queues());
        if (w.runtimeNanos() > 0) {
            s.append(" runtime=").append(Figures.latency(w.runtimeNanos()).replace(" ", ""));
        }
        if (w.ios() > 0) {
            s.append(" ios=").append(w.ios());
        }
        if (w.rw().contains("rw")) {
            s.append(" rwmixread=").append(w.rwmixread());
        }
        if (w.polling()) {
            s.append(" polling");
        }
        s.append(w.coalescing() < 0 ? " (08h left as found)" : " (asked 08h " + coalescingShort(w.coalescing()) + ")");
        return s.toString();
    }

    // ---- percentiles ----

    /**
     * One percentile across the runs.
     *
     * @param percentile 0..100
     * @param nanos      latency at it, one per run
     */
    public record PercentileRow(double percentile, long[] nanos) {
    }

    /** {@link Percentiles#table()} for every run, from the full-resolution histograms. */
    public List<PercentileRow> percentileTable() {
        List<PercentileRow> rows = new ArrayList<>();
        for (double p : Percentiles.table()) {
            long[] v = new long[runs.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = runs.get(i).latency().valueAtPercentile(p);
            }
            rows.add(new PercentileRow(p, v));
        }
        return rows;
    }

    // ---- comparison ----

    /**
     * One figure across the runs.
     *
     * @param metric  what it is
     * @param latency whether the values are nanoseconds
     * @param values  one per run
     */
    public record Metric(String metric, boolean latency, double[] values) {
        /** Whether run {@code run} measured it (NaN: its source did not). */
        public boolean measured(int run) {
            return !Double.isNaN(values[run]);
        }

        /** "+12.0 us (+5.1 %)" against the first run; no delta against or of a figure not measured. */
        public String delta(int run) {
            if (!measured(0) || !measured(run)) {
                return NOT_MEASURED;
            }
            return Figures.delta(values[0], values[run], latency);
        }

        public String format(int run) {
            if (!measured(run)) {
                return NOT_MEASURED;
            }
            return latency ? Figures.latency(values[run]) : Figures.count(values[run]);
        }
    }

    /** The headline figures of every run; with several runs each row carries its deltas. */
    public List<Metric> summary() {
        List<Metric> m = new ArrayList<>();
        m.add(metric("I/Os", false, r -> r.totals().ios()));
        m.add(metric("IOPS", false, RunRecord::iops));
        m.add(metric("Bandwidth (MiB/s)", false, r -> r.bytesPerSecond() / (1 << 20)));
        m.add(metric("Errors", false, r -> r.totals().errors()));
        m.add(metric("Mean latency", true, r -> r.latency().mean()));
        m.add(metric("p50", true, r -> r.latency().valueAtPercentile(50)));
        m.add(metric("p99", true, r -> r.latency().valueAtPercentile(99)));
        m.add(metric("p99.9", true, r -> r.latency().valueAtPercentile(99.9)));
        m.add(metric("Max latency", true, r -> r.latency().max()));
        m.add(metric("Interrupts", false, r -> measuredInterrupts(r) ? r.totals().interrupts() : Double.NaN));
        m.add(metric("Interrupts/s", false, ReportModel::interruptsPerSecond));
        m.add(metric("Completions per interrupt", false, r -> measuredInterrupts(r) ? r.completionsPerInterrupt() : Double.NaN));
        m.add(metric("Interrupt CPU share (%)", false, r -> measuredInterrupts(r) ? r.hostIrqCpuPct() : Double.NaN));
        return m;
    }

    private interface Figure {
        double of(RunRecord r);
    }

    private Metric metric(String name, boolean latency, Figure f) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.of(runs.get(i));
        }
        return new Metric(name, latency, v);
    }

    // ---- vectors ----

    /** One MSI-X vector of one run. */
    public record VectorRow(int run, VectorCount vector, double interruptsPerSecond, double shareOfInterrupts) {
    }

    /** Every vector of every run, in run order. */
    public List<VectorRow> vectorTable() {
        List<VectorRow> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = runs.get(i);
            long total = 0;
            for (VectorCount v : r.vectors()) {
                total += v.interrupts();
            }
            for (VectorCount v : r.vectors()) {
                double rate = r.durationNanos() == 0 ? 0 : v.interrupts() * 1e9 / r.durationNanos();
                out.add(new VectorRow(i, v, rate, total == 0 ? 0 : v.interrupts() * 100.0 / total));
            }
        }
        return out;
    }
}
