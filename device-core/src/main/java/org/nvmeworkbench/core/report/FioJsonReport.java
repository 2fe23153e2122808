package org.nvmeworkbench.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.QueueDepths;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.TimeSample;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.record.WorkloadSettings;

/**
 * A report in fio's {@code --output-format=json} layout (and {@code json+} with {@code bins}), one job per
 * run, so fio's own tools and fio consumers read it: {@code jobs[].read.clat_ns.percentile} etc. The
 * workbench measures submit-to-reap, which fio would split into slat (here 0) and clat; {@code lat_ns}
 * repeats the clat figures. Interrupt figures fio has no field for go under {@code "nvme_workbench"}.
 */
final class FioJsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private FioJsonReport() {
    }

    static void write(ReportModel model, boolean plus, OutputStream out) throws IOException {
        MAPPER.writeValue(out, tree(model, plus));
        out.write('\n');
    }

    static ObjectNode tree(ReportModel model, boolean plus) {
        ObjectNode root = MAPPER.createObjectNode();
        RunRecord first = model.runs().get(0);
        root.put("fio version", "nvme-workbench-" + first.toolVersion());
        root.put("timestamp", first.startedAt().getEpochSecond());
        root.put("timestamp_ms", first.startedAt().toEpochMilli());
        root.put("time", CTIME.format(first.startedAt().atOffset(ZoneOffset.UTC)));
        root.putObject("global options");
        var jobs = root.putArray("jobs");
        for (int i = 0; i < model.size(); i++) {
            jobs.add(job(model.runs().get(i), model.labels().get(i), i, plus));
        }
        root.putArray("disk_util");
        return root;
    }

    private static ObjectNode job(RunRecord r, String name, int index, boolean plus) {
        ObjectNode j = MAPPER.createObjectNode();
        WorkloadSettings w = r.workload();
        j.put("jobname", name);
        j.put("groupid", index);
        j.put("error", r.totals().errors() > 0 ? 5 : 0); // EIO, as fio reports a failed I/O
        j.put("eta", 0);
        j.put("elapsed", Math.max(1, Math.round(r.durationNanos() / 1e9)));
        ObjectNode opts = j.putObject("job options");
        opts.put("name", name);
        opts.put("rw", w.rw());
        opts.put("bs", Integer.toString(w.blockSize()));
        opts.put("iodepth", Integer.toString(w.iodepth()));
        opts.put("numjobs", Integer.toString(w.queues()));
        opts.put("rwmixread", Integer.toString(w.rwmixread()));
        opts.put("randseed", Long.toString(r.seed()));
        opts.put("ioengine", "nvme-workbench");
        opts.put("filename", r.device().spec());
        if (w.runtimeNanos() > 0) {
            opts.put("runtime", (w.runtimeNanos() / 1_000_000) + "ms");
        }
        if (w.ios() > 0) {
            opts.put("number_ios", Long.toString(w.ios()));
        }
        long bs = w.blockSize();
        j.set("read", ddir(r, r.readLatency(), r.totals().reads(), bs, plus));
        j.set("write", ddir(r, r.writeLatency(), r.totals().writes(), bs, plus));
        j.set("trim", ddir(r, r.trimLatency(), r.totals().trims(), bs, plus));
        // No flush is sent: fio's figures for a job without fsync (stat.c add_ddir_status_json, DDIR_SYNC).
        j.putObject("sync").put("total_ios", 0).set("lat_ns", stats(0, 0, 0, 0, 0));
        j.put("job_runtime", r.durationNanos() / 1_000_000);
        j.put("usr_cpu", 0.0);
        j.put("sys_cpu", 0.0);
        j.put("ctx", 0);
        j.put("majf", 0);
        j.put("minf", 0);
        queueDepths(j, r.queueDepths());
        latencyBuckets(j, r.latency().toHistogram());
        // fio writes these whenever latency_qd is set, which is iodepth without latency_target; the
        // workbench has no latency_target, so they are fio's values for a job without one.
        j.put("latency_depth", w.iodepth());
        j.put("latency_target", 0);
        j.put("latency_percentile", 100.0);
        j.put("latency_window", 0);
        ObjectNode ext = j.putObject("nvme_workbench");
        ext.put("device_model", r.device().model());
        ext.put("firmware", r.device().firmware());
        ext.put("coalescing_cdw11", r.features().coalescing());
        ext.put("source", r.origin().label());
        if (!ReportModel.measuredInterrupts(r)) {
            return j; // fio has no interrupt keys; a source that counted none gets none, not 0 or NaN (not JSON)
        }
        ext.put("interrupts", r.totals().interrupts());
        ext.put("interrupts_per_s", ReportModel.interruptsPerSecond(r));
        ext.put("completions_per_interrupt", r.completionsPerInterrupt());
        ext.put("irq_cpu_pct", r.hostIrqCpuPct());
        var vs = ext.putArray("vectors");
        for (VectorCount v : r.vectors()) {
            vs.addObject().put("iv", v.iv()).put("interrupts", v.interrupts()).put("completions", v.completions());
        }
        return j;
    }

    private static ObjectNode ddir(RunRecord r, LatencyHistogram lat, long ios, long bs, boolean plus) {
        ObjectNode d = MAPPER.createObjectNode();
        double seconds = r.durationNanos() / 1e9;
        long bytes = ios * bs;
        double bwBytes = seconds == 0 ? 0 : bytes / seconds;
        double iops = seconds == 0 ? 0 : ios / seconds;
        d.put("io_bytes", bytes);
        d.put("io_kbytes", bytes / 1024);
        d.put("bw_bytes", Math.round(bwBytes));
        d.put("bw", Math.round(bwBytes / 1024)); // KiB/s, as fio reports bw
        d.put("iops", iops);
        d.put("runtime", ios == 0 ? 0 : r.durationNanos() / 1_000_000);
        d.put("total_ios", ios);
        d.put("short_ios", 0);
        d.put("drop_ios", 0);
        d.set("slat_ns", stats(0, 0, 0, 0, 0));
        ObjectNode clat = stats(lat.min(), lat.max(), lat.mean(), lat.stdDeviation(), lat.count());
        if (lat.count() > 0) {
            ObjectNode p = clat.putObject("percentile");
            for (double q : Percentiles.table()) {
                p.put(Percentiles.fioKey(q), lat.valueAtPercentile(q));
            }
            if (plus) {
                ObjectNode bins = clat.putObject("bins");
                for (Map.Entry<Long, Long> b : FioLatencyBins.bins(lat.toHistogram()).entrySet()) {
                    bins.put(Long.toString(b.getKey()), b.getValue());
                }
            }
        }
        d.set("clat_ns", clat);
        d.set("lat_ns", stats(lat.min(), lat.max(), lat.mean(), lat.stdDeviation(), lat.count()));
        // The time series (one sample per 100 ms of device time) gives fio's bw/iops sample statistics.
        double share = r.totals().ios() == 0 ? 0 : (double) ios / r.totals().ios();
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (TimeSample t : r.timeSeries()) {
            double v = t.iops() * share;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sq += v * v;
            n++;
        }
        double mean = n == 0 ? iops : sum / n;
        double dev = n < 2 ? 0 : Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
        if (n == 0) {
            min = iops;
            max = iops;
        }
        double kib = bs / 1024.0;
        d.put("bw_min", Math.round(min * kib));
        d.put("bw_max", Math.round(max * kib));
        d.put("bw_agg", ios == 0 ? 0.0 : 100.0);
        d.put("bw_mean", mean * kib);
        d.put("bw_dev", dev * kib);
        d.put("bw_samples", n);
        d.put("iops_min", Math.round(min));
        d.put("iops_max", Math.round(max));
        d.put("iops_mean", mean);
        d.put("iops_stddev", dev);
        d.put("iops_samples", n);
        return d;
    }

    private static ObjectNode stats(long min, long max, double mean, double stddev, long n) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("min", min);
        s.put("max", max);
        s.put("mean", mean);
        s.put("stddev", stddev);
        s.put("N", n);
        return s;
    }

    /**
     * fio's iodepth_level, iodepth_submit and iodepth_complete from the run's counts, as fio's
     * stat_calc_dist makes them: percent of the total, a non-empty bucket at least 0.1. A source that did
     * not count them (fio's own output read back, an HdrHistogram log) gets none rather than zeros.
     */
    private static void queueDepths(ObjectNode j, QueueDepths q) {
        if (!q.measured()) {
            return;
        }
        String[] depth = {"1", "2", "4", "8", "16", "32", ">=64"};
        String[] batch = {"0", "4", "8", "16", "32", "64", ">=64"};
        distribution(j.putObject("iodepth_level"), depth, q.atSubmit());
        distribution(j.putObject("iodepth_submit"), batch, q.perSubmit());
        distribution(j.putObject("iodepth_complete"), batch, q.perReap());
    }

    private static void distribution(ObjectNode o, String[] keys, long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        for (int i = 0; i < keys.length; i++) {
            double pct = total == 0 ? 0.0 : counts[i] * 100.0 / total;
            o.put(keys[i], counts[i] > 0 && pct < 0.1 ? 0.1 : pct);
        }
    }

    /**
     * fio's latency_ns/us/ms buckets: percent of I/Os below each edge and at or above the previous one, a
     * non-empty bucket at least 0.01 (stat.c stat_calc_lat).
     */
    private static void latencyBuckets(ObjectNode j, Histogram h) {
        long[] edges = {2, 4, 10, 20, 50, 100, 250, 500, 750, 1000};
        long total = h.getTotalCount();
        String[] groups = {"latency_ns", "latency_us", "latency_ms"};
        long[] scale = {1, 1_000, 1_000_000};
        long below = 0;
        for (int g = 0; g < 3; g++) {
            ObjectNode o = j.putObject(groups[g]);
            for (long e : edges) {
                long upTo = total == 0 ? 0 : h.getCountBetweenValues(0, e * scale[g] - 1);
                o.put(Long.toString(e), share(upTo - below, total));
                below = upTo;
            }
            if (g == 2) {
                long upTo = total == 0 ? 0 : h.getCountBetweenValues(0, 2_000_000_000L - 1);
                o.put("2000", share(upTo - below, total));
                o.put(">=2000", share(total - upTo, total));
            }
        }
    }

    private static double share(long n, long total) {
        double pct = total == 0 ? 0.0 : n * 100.0 / total;
        return n > 0 && pct < 0.01 ? 0.01 : pct;
    }
}
