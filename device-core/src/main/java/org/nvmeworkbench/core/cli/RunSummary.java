package org.nvmeworkbench.core.cli;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.record.CoreShare;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.HostCpuUse;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.record.RunSettingsJson;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.record.WorkloadSettings;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;

/**
 * A run as the CLI shows it: fio's summary layout plus the interrupt figures and the features in
 * force, each stated with its meaning; or the same as JSON with fio's percentile keys. Built from the
 * {@link RunRecord}, the model saved runs use too, so the output and the saved file agree.
 */
final class RunSummary {
    private final RunRecord r;
    private final List<String> featureNotes;
    private final List<String> notes;
    private final String label;
    private final int group;
    private final int jobs;
    private final int bsMin;
    private final int bsMax;

    RunSummary(RunRecord record) {
        this(record, record.device().spec(), 0, 1, record.workload().blockSize(), record.workload().blockSize());
    }

    /**
     * A run as one job of a job file: {@code label} is the job's name, {@code group} fio's group id,
     * {@code jobs} its clones (numjobs), {@code bsMin..bsMax} its I/O sizes.
     */
    RunSummary(RunRecord record, String label, int group, int jobs, int bsMin, int bsMax) {
        this.r = record;
        this.featureNotes = List.copyOf(record.featureNotes());
        this.notes = List.copyOf(record.notes());
        this.label = label;
        this.group = group;
        this.jobs = jobs;
        this.bsMin = bsMin;
        this.bsMax = bsMax;
    }

    String text() {
        StringBuilder sb = new StringBuilder(body());
        sb.append(String.format(Locale.ROOT, "%nRun status: %d ios in %.3f ms of device time, %s IOPS, started %s, %s %s%n",
                r.totals().ios(), r.durationNanos() / 1e6, FioText.count(r.iops()), r.startedAt(), "nvme-workbench",
                r.toolVersion()));
        return sb.toString();
    }

    /** The workbench's own driver, or what measured a run brought in (fio's engine is in its notes). */
    private String engine() {
        return r.origin().source() == org.nvmeworkbench.core.record.RunOrigin.Source.WORKBENCH ? "nvme-workbench"
                : r.origin().label();
    }

    /** The job's block, fio's layout, without the closing run status line. */
    String body() {
        WorkloadSettings w = r.workload();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: (g=%d): rw=%s, bs=(R) %dB-%dB, (W) %dB-%dB, ioengine=%s, iodepth=%d, queues=%d, seed=%d%n",
                label, group, w.rw(), bsMin, bsMax, bsMin, bsMax, engine(), w.iodepth(), w.queues(), r.seed()));
        sb.append(String.format(Locale.ROOT, "%s: (groupid=%d, jobs=%d): err=%2d: %s, %s, fw %s%n", label, group, jobs,
                r.totals().errors(), r.device().model(), r.device().serial(), r.device().firmware()));
        double seconds = r.durationNanos() / 1e9;
        if (r.totals().reads() > 0) {
            direction(sb, "read", r.totals().reads(), r.readLatency(), seconds, bytesOf(r.totals().reads()));
        }
        if (r.totals().writes() > 0) {
            direction(sb, "write", r.totals().writes(), r.writeLatency(), seconds, bytesOf(r.totals().writes()));
        }
        if (r.totals().trims() > 0) {
            direction(sb, "trim", r.totals().trims(), r.trimLatency(), seconds, bytesOf(r.totals().trims()));
        }
        if (r.totals().ios() == 0) {
            sb.append("  no I/O completed\n");
        }
        interrupts(sb);
        cores(sb);
        features(sb);
        for (String n : featureNotes) {
            sb.append("  refused: ").append(n).append('\n');
        }
        for (String n : notes) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /** The bytes of {@code ios} of the run's I/Os: the run's bytes in proportion (I/O sizes may be mixed). */
    double bytesOf(long ios) {
        return r.totals().ios() == 0 ? 0 : (double) r.totals().bytes() * ios / r.totals().ios();
    }

    private void direction(StringBuilder sb, String name, long ios, LatencyHistogram lat, double seconds, double bytes) {
        double iops = seconds == 0 ? 0 : ios / seconds;
        sb.append(String.format(Locale.ROOT, "  %s: IOPS=%s, BW=%s(%s/%dmsec)%n", name, FioText.count(iops),
                FioText.bandwidth(seconds == 0 ? 0 : bytes / seconds), FioText.bytes(bytes), Math.round(seconds * 1000)));
        sb.append("     ").append(FioText.latencyLine("lat", lat)).append('\n');
        sb.append(FioText.percentileBlock("    ", "clat", lat));
    }

    private void interrupts(StringBuilder sb) {
        if (!r.interruptsMeasured()) {
            sb.append("  interrupts: not measured by ").append(r.origin().label()).append('\n');
            return;
        }
        if (r.workload().polling()) {
            sb.append(String.format(Locale.ROOT, "  interrupts: %d total (completions were polled), host irq cpu %.1f%%%n",
                    r.totals().interrupts(), r.hostIrqCpuPct()));
        } else {
            sb.append(String.format(Locale.ROOT, "  interrupts: %d total, %.2f completions per interrupt, host irq cpu %.1f%%%n",
                    r.totals().interrupts(), r.completionsPerInterrupt(), r.hostIrqCpuPct()));
        }
        for (VectorCount v : r.vectors()) {
            sb.append(String.format(Locale.ROOT, "    IV %d: %d interrupts, %d completions, %.2f per interrupt%n",
                    v.iv(), v.interrupts(), v.completions(), v.completionsPerInterrupt()));
        }
    }

    /** The run on the host's cores: the handler latency and each CPU's share, one line each. */
    private void cores(StringBuilder sb) {
        HostCpuUse u = r.cpus();
        if (!u.present()) {
            return;
        }
        sb.append("  cpus: ").append(u.placement().isEmpty() ? "" : u.placement() + " on ").append(u.host()).append('\n');
        if (u.handled() > 0) {
            sb.append(String.format(Locale.ROOT, "    interrupt to handler: mean %.2f us, p50 %.2f us, p99 %.2f us, max %.2f us%n",
                    u.handlerMeanNanos() / 1e3, u.handlerP50Nanos() / 1e3, u.handlerP99Nanos() / 1e3, u.handlerMaxNanos() / 1e3));
        }
        for (CoreShare c : u.cores()) {
            sb.append(String.format(Locale.ROOT, "    CPU %d (node %d): irq cpu %.2f%%, %d interrupts, %d wake-ups from other cores, "
                    + "vectors %s, queues %s%n", c.cpu(), c.node(), c.irqCpuPct(), c.interrupts(), c.remoteWakeups(),
                    c.vectors(), c.queues()));
        }
    }

    private void features(StringBuilder sb) {
        FeatureReadback f = r.features();
        InterruptCoalescing c = f.interruptCoalescing();
        sb.append("  features: 08h: ").append(c == null ? r.origin().readsFeatures() ? "not reported by the device"
                : "not read by " + r.origin().label() : meaning08(c)).append('\n');
        for (FeatureReadback.VectorFeature v : f.vectors()) {
            sb.append("            09h: ").append(v.value() < 0 ? "IV " + v.iv() + ": not reported by the device"
                    : InterruptVectorConfig.fromCdw11(v.value()).describe()).append('\n');
        }
    }

    /** "THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us" or "coalescing off (...)". */
    static String meaning08(InterruptCoalescing c) {
        return c.describe();
    }

    ObjectNode json() {
        ObjectNode o = OutputOptions.object();
        RunSettingsJson.writeDevice(o.putObject("device"), r.device());
        RunSettingsJson.writeWorkload(o.putObject("workload"), r.workload());
        o.put("seed", r.seed());
        o.put("tool_version", r.toolVersion());
        o.put("started_at", r.startedAt().toString());
        o.put("duration_ns", r.durationNanos());
        o.put("ios", r.totals().ios());
        o.put("iops", r.iops());
        o.put("bw_bytes", r.bytesPerSecond());
        o.put("errors", r.totals().errors());
        latency(o.putObject("lat_ns"), r.latency());
        if (r.totals().reads() > 0) {
            ObjectNode rd = o.putObject("read");
            rd.put("ios", r.totals().reads());
            latency(rd.putObject("lat_ns"), r.readLatency());
        }
        if (r.totals().writes() > 0) {
            ObjectNode wr = o.putObject("write");
            wr.put("ios", r.totals().writes());
            latency(wr.putObject("lat_ns"), r.writeLatency());
        }
        if (r.totals().trims() > 0) {
            ObjectNode tr = o.putObject("trim");
            tr.put("ios", r.totals().trims());
            latency(tr.putObject("lat_ns"), r.trimLatency());
        }
        ObjectNode irq = o.putObject("interrupts");
        irq.put("total", r.totals().interrupts());
        ArrayNode pv = irq.putArray("per_vector");
        for (VectorCount v : r.vectors()) {
            pv.addObject().put("iv", v.iv()).put("count", v.interrupts()).put("completions", v.completions());
        }
        o.put("completions_per_interrupt", r.completionsPerInterrupt());
        o.put("host_irq_cpu_pct", r.hostIrqCpuPct());
        if (r.cpus().present()) {
            RunRecordJson.writeCpus(o.putObject("host_cpus"), r.cpus());
        }
        ObjectNode fe = o.putObject("features");
        InterruptCoalescing c = r.features().interruptCoalescing();
        ObjectNode f8 = fe.putObject("08h");
        if (c == null) {
            f8.putNull("raw");
            f8.put("meaning", "not reported by the device");
        } else {
            f8.put("raw", r.features().coalescing());
            f8.put("thr", c.threshold());
            f8.put("time", c.time());
            f8.put("enabled", c.enabled());
            f8.put("meaning", c.describe());
        }
        ArrayNode f9 = fe.putArray("09h");
        for (FeatureReadback.VectorFeature v : r.features().vectors()) {
            ObjectNode n = f9.addObject().put("iv", v.iv());
            if (v.value() < 0) {
                n.putNull("raw");
                n.put("meaning", "not reported by the device");
            } else {
                InterruptVectorConfig ivc = InterruptVectorConfig.fromCdw11(v.value());
                n.put("raw", v.value()).put("cd", ivc.coalescingDisabled()).put("meaning", ivc.describe());
            }
        }
        ArrayNode fn = o.putArray("feature_notes");
        featureNotes.forEach(fn::add);
        ArrayNode nn = o.putArray("notes");
        notes.forEach(nn::add);
        return o;
    }

    static void latency(ObjectNode into, LatencyHistogram h) {
        into.put("min", h.min());
        into.put("max", h.max());
        into.put("mean", h.mean());
        into.put("stdev", h.stdDeviation());
        into.put("count", h.count());
        ObjectNode p = into.putObject("percentiles");
        for (double q : FioText.PERCENTILES) {
            p.put(FioText.percentileKey(q), h.valueAtPercentile(q));
        }
    }
}
