package org.nvmeworkbench.core.resultfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.nvmeworkbench.core.fiojob.FioUnits;
import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.record.WorkloadSettings;
import org.nvmeworkbench.core.workload.ToolVersion;

/**
 * The output of {@code fio --output-format=json} or {@code json+} (fio 3.x): every job and direction (read,
 * write, trim) that completed I/O becomes one run, measured by fio. fio counts no interrupts, reads no
 * features and has no vectors, so those are absent (-1, NaN, empty), never 0.
 */
final class FioOutput {
    private static final String[] DIRECTIONS = {"read", "write", "trim"};

    private FioOutput() {
    }

    /** One run of the file before it is labelled: the record and which job and direction it was. */
    record FioRun(RunRecord record, String job, int jobIndex, String direction) {
    }

    /** Whether a parsed JSON document is fio's output. */
    static boolean isFio(JsonNode root) {
        return root != null && root.isObject() && root.has("fio version") && root.path("jobs").isArray();
    }

    /** Whether fio wrote it with json+: some direction carries clat bins. */
    static boolean isPlus(JsonNode root) {
        for (JsonNode job : root.path("jobs")) {
            for (String d : DIRECTIONS) {
                if (job.path(d).path("clat_ns").has("bins")) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<FioRun> runs(JsonNode root, String file) {
        String tool = root.path("fio version").asText("fio");
        // fio stamps its report when it prints it, at the end; a job began its runtime earlier.
        long stampMs = root.has("timestamp_ms") ? root.get("timestamp_ms").asLong()
                : root.has("timestamp") ? root.get("timestamp").asLong() * 1000 : -1;
        Map<String, String> global = options(root.path("global options"));
        List<FioRun> out = new ArrayList<>();
        int index = 0;
        for (JsonNode job : root.path("jobs")) {
            index++;
            Map<String, String> opts = new LinkedHashMap<>(global);
            opts.putAll(options(job.path("job options")));
            String name = job.path("jobname").asText("job");
            for (int d = 0; d < DIRECTIONS.length; d++) {
                JsonNode dir = job.path(DIRECTIONS[d]);
                long ios = dir.path("total_ios").asLong(0);
                if (ios <= 0) {
                    continue;
                }
                out.add(new FioRun(record(tool, stampMs, job, name, opts, d, dir, ios, file), name, index, DIRECTIONS[d]));
            }
        }
        return out;
    }

    private static RunRecord record(String tool, long stampMs, JsonNode job, String name, Map<String, String> opts,
                                    int d, JsonNode dir, long ios, String file) {
        List<String> notes = new ArrayList<>();
        long runtimeMs = dir.path("runtime").asLong(job.path("job_runtime").asLong(0));
        Instant started;
        if (stampMs >= 0) {
            started = Instant.ofEpochMilli(stampMs - job.path("job_runtime").asLong(runtimeMs));
        } else {
            started = Instant.EPOCH;
            notes.add("fio's output has no timestamp, so the start time is unknown.");
        }
        long bytes = dir.path("io_bytes").asLong(0);
        String rw = opts.getOrDefault("rw", opts.getOrDefault("readwrite", "read")); // fio's default rw is read
        WorkloadSettings workload = new WorkloadSettings(rw, blockSize(opts.get("bs"), d, bytes, ios),
                intOption(opts, "iodepth", 1), 1, time(opts.get("runtime")), longOption(opts, "number_ios", 0),
                intOption(opts, "rwmixread", rw.contains("rw") || rw.contains("trimwrite") ? 50 : d == 0 ? 100 : 0),
                !"read".equals(rw) && !"randread".equals(rw), false, -1, List.of());
        notes.add("Latency is fio's completion latency (clat): from submission to completion, as in the workbench's own runs.");
        notes.add("fio ran it with " + engine(opts) + ".");
        if ((rw.contains("rw") || rw.contains("trimwrite"))) {
            notes.add("These are the " + DIRECTIONS[d] + "s of a mixed " + rw + " job; its other direction is a run of its own.");
        }
        FioLatency lat = FioLatency.of(dir);
        LatencyHistogram latency;
        if (lat == null) {
            latency = LatencyHistogram.empty();
            notes.add("fio wrote no completion latency percentiles or bins for it (clat_percentiles=0?), so it has no latency histogram.");
        } else {
            latency = lat.histogram();
            if (lat.rebuiltFrom() > 0) {
                notes.add("The latency histogram was rebuilt from fio's " + lat.rebuiltFrom()
                        + " percentiles (plain JSON has no bins): those percentiles, the minimum and the maximum are fio's, the mean is not.");
            } else {
                notes.add("Latencies are fio's own log-linear buckets (JSON+ bins, 64 per power of two), so each carries up to 0.8 % of fio's bucketing error.");
            }
        }
        int error = job.path("error").asInt(0);
        if (error != 0) {
            notes.add("fio ended this job with error " + error + " (an errno), so its figures may be partial.");
        }
        RunTotals totals = new RunTotals(ios, d == 0 ? ios : 0, d == 1 ? ios : 0, bytes, 0, -1);
        String device = opts.getOrDefault("filename", opts.containsKey("directory") ? opts.get("directory") : "fio job " + name);
        RunOrigin origin = new RunOrigin(RunOrigin.Source.FIO, tool, file, job.path("hostname").asText(""));
        return new RunRecord(ToolVersion.get(), started, runtimeMs * 1_000_000L, 0, DeviceIdentity.named(device, "", "", ""),
                workload, FeatureReadback.NONE, totals, latency, d == 0 ? latency : null, d == 1 ? latency : null, List.of(),
                Double.NaN, Double.NaN, List.of(), origin, List.of(), notes);
    }

    private static Map<String, String> options(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** "ioengine=io_uring, iodepth=16, direct=0", fio's defaults where the job left them. */
    private static String engine(Map<String, String> opts) {
        StringBuilder s = new StringBuilder("ioengine=").append(opts.getOrDefault("ioengine", "psync"));
        s.append(", iodepth=").append(opts.getOrDefault("iodepth", "1"));
        s.append(", direct=").append(opts.getOrDefault("direct", "0"));
        String numjobs = opts.get("numjobs");
        if (numjobs != null && !numjobs.equals("1")) {
            s.append(", numjobs=").append(numjobs).append(opts.containsKey("group_reporting") ? " (group_reporting)" : "");
        }
        return s.toString();
    }

    /** fio's bs= for direction d ("4k", or "4k,8k" for read,write[,trim]); else the mean from bytes / I/Os. */
    private static int blockSize(String bs, int d, long bytes, long ios) {
        if (bs != null) {
            String[] parts = bs.split(",");
            String p = parts[Math.min(d, parts.length - 1)].trim();
            try {
                return (int) FioUnits.parseSize(p.isEmpty() ? parts[0].trim() : p);
            } catch (IllegalArgumentException e) {
                // bs ranges and splits ("4k-16k"): fall through to the mean
            }
        }
        return ios == 0 ? 4096 : (int) (bytes / ios); // fio's default bs is 4k
    }

    private static long time(String runtime) {
        if (runtime == null) {
            return 0;
        }
        try {
            return FioUnits.parseTimeNanos(runtime);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private static int intOption(Map<String, String> opts, String name, int fallback) {
        return (int) longOption(opts, name, fallback);
    }

    private static long longOption(Map<String, String> opts, String name, long fallback) {
        String v = opts.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return FioUnits.parseSize(v.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
