package org.nvmeworkbench.core.record;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The versioned JSON form of a {@link RunRecord}: {@code "format": "nvme-workbench-run", "version": 2}.
 * Version 2 added the record's origin and notes, and writes null for what the origin did not measure;
 * version 1 files (this workbench's own runs, all measured) are still read. {@code host_cpus} (the run on the
 * host's cores) was added within version 2: it is written when measured, and a file without it reads as not
 * measured.
 * Written field by field (not by reflection) so renaming a Java component never changes the file format.
 * Histograms use HdrHistogram's compressed base64 encoding at full resolution.
 */
public final class RunRecordJson {
    public static final String FORMAT = "nvme-workbench-run";
    public static final int VERSION = 2;
    static final String HISTOGRAM_ENCODING = "hdrhistogram-compressed-base64";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecordJson() {
    }

    public static String write(RunRecord r) {
        try {
            return MAPPER.writeValueAsString(toTree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new RunRecordException("The run record could not be turned into JSON: " + e.getOriginalMessage() + ".", e);
        }
    }

    public static ObjectNode toTree(RunRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("tool_version", r.toolVersion());
        o.put("started_at", r.startedAt().toString());
        o.put("duration_ns", r.durationNanos());
        o.put("seed", r.seed());
        RunSettingsJson.writeDevice(o.putObject("device"), r.device());
        RunSettingsJson.writeWorkload(o.putObject("workload"), r.workload());
        FeatureReadback f = r.features();
        ObjectNode fe = o.putObject("features");
        fe.put("coalescing", f.coalescing());
        fe.put("number_of_queues", f.numberOfQueues());
        ArrayNode fv = fe.putArray("vectors");
        for (FeatureReadback.VectorFeature v : f.vectors()) {
            fv.addObject().put("iv", v.iv()).put("value", v.value());
        }
        RunOrigin origin = r.origin();
        o.putObject("origin").put("source", origin.source().key()).put("tool", origin.tool()).put("file", origin.file())
                .put("host", origin.host());
        RunTotals t = r.totals();
        ObjectNode totals = o.putObject("totals").put("ios", t.ios()).put("reads", t.reads()).put("writes", t.writes())
                .put("bytes", t.bytes()).put("errors", t.errors());
        measured(totals, "interrupts", t.interrupts());
        if (t.trims() > 0) {
            totals.put("trims", t.trims()); // left out without trims, as records before trims were written
        }
        ObjectNode lat = o.putObject("latency_ns");
        histogram(lat, "all", r.latency());
        histogram(lat, "read", r.readLatency());
        histogram(lat, "write", r.writeLatency());
        if (r.trimLatency().count() > 0) {
            histogram(lat, "trim", r.trimLatency());
        }
        ArrayNode vs = o.putArray("vectors");
        for (VectorCount v : r.vectors()) {
            vs.addObject().put("iv", v.iv()).put("interrupts", v.interrupts()).put("completions", v.completions());
        }
        measured(o, "completions_per_interrupt", r.completionsPerInterrupt());
        measured(o, "host_irq_cpu_pct", r.hostIrqCpuPct());
        ArrayNode ts = o.putArray("time_series");
        for (TimeSample s : r.timeSeries()) {
            ts.addObject().put("at_ns", s.atNanos()).put("iops", s.iops()).put("interrupts_per_s", s.interruptsPerSecond())
                    .put("p50_ns", s.p50Nanos()).put("p99_ns", s.p99Nanos()).put("in_flight", s.inFlight());
        }
        strings(o.putArray("feature_notes"), r.featureNotes());
        strings(o.putArray("notes"), r.notes());
        if (r.cpus().present()) {
            writeCpus(o.putObject("host_cpus"), r.cpus());
        }
        QueueDepths q = r.queueDepths();
        if (q.measured()) {
            // Left out when not counted: a record without it reads back as not counted, never as zeros.
            ObjectNode qd = o.putObject("queue_depths");
            counts(qd.putArray("at_submit"), q.atSubmit());
            counts(qd.putArray("per_submit"), q.perSubmit());
            counts(qd.putArray("per_reap"), q.perReap());
        }
        return o;
    }

    /**
     * The run on the host's cores: placement, host, {@code interrupt_to_handler_ns} and {@code per_core}, a list
     * with one object per CPU (the run record and {@code run -o json} write the same).
     */
    public static void writeCpus(ObjectNode o, HostCpuUse u) {
        o.put("placement", u.placement()).put("host", u.host());
        o.putObject("interrupt_to_handler_ns").put("count", u.handled()).put("mean", u.handlerMeanNanos())
                .put("p50", u.handlerP50Nanos()).put("p99", u.handlerP99Nanos()).put("max", u.handlerMaxNanos());
        ArrayNode cores = o.putArray("per_core");
        for (CoreShare c : u.cores()) {
            ObjectNode n = cores.addObject().put("cpu", c.cpu()).put("node", c.node());
            c.vectors().forEach(n.putArray("vectors")::add);
            c.queues().forEach(n.putArray("queues")::add);
            n.put("interrupts", c.interrupts()).put("remote_wakeups", c.remoteWakeups())
                    .put("irq_cpu_ns", c.irqCpuNanos()).put("reap_cpu_ns", c.reapCpuNanos()).put("irq_cpu_pct", c.irqCpuPct());
        }
    }

    private static HostCpuUse readCpus(JsonNode o) {
        if (o == null || o.isNull()) {
            return HostCpuUse.NONE;
        }
        JsonNode h = o.path("interrupt_to_handler_ns");
        List<CoreShare> cores = new ArrayList<>();
        for (JsonNode n : o.path("per_core")) {
            cores.add(new CoreShare(req(n, "cpu").asInt(), n.path("node").asInt(), ints(n.path("vectors")),
                    ints(n.path("queues")), n.path("interrupts").asLong(), n.path("remote_wakeups").asLong(),
                    n.path("irq_cpu_ns").asLong(), n.path("reap_cpu_ns").asLong(), n.path("irq_cpu_pct").asDouble()));
        }
        return new HostCpuUse(o.path("placement").asText(""), text(o, "host"), h.path("count").asLong(),
                h.path("mean").asDouble(), h.path("p50").asLong(), h.path("p99").asLong(), h.path("max").asLong(), cores);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asInt());
        }
        return out;
    }

    private static void counts(ArrayNode into, long[] values) {
        for (long v : values) {
            into.add(v);
        }
    }

    private static QueueDepths queueDepths(JsonNode q) {
        if (q == null || q.isNull()) {
            return QueueDepths.NONE;
        }
        return QueueDepths.of(counts(q, "at_submit"), counts(q, "per_submit"), counts(q, "per_reap"));
    }

    private static long[] counts(JsonNode q, String name) {
        JsonNode a = req(q, name);
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = wholeNumber(a.get(i), "queue_depths." + name, 0);
        }
        return out;
    }

    /** A figure the origin measured, or null where it did not (NaN, or a count below 0). */
    private static void measured(ObjectNode o, String name, double value) {
        if (Double.isNaN(value)) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static void measured(ObjectNode o, String name, long value) {
        if (value < 0) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    private static double measuredDouble(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    /** Parses a record; anything else (other JSON, a newer version, damage) gives one sentence. */
    public static RunRecord read(String json) {
        JsonNode o;
        try {
            o = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RunRecordException("It is not valid JSON (" + e.getOriginalMessage() + (line > 0 ? " at line " + line : "") + ").", e);
        }
        if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText(null))) {
            throw new RunRecordException("It is not an NVMe Workbench run record (its \"format\" is not \"" + FORMAT + "\").");
        }
        int version = o.path("version").asInt(-1);
        if (version > VERSION) {
            throw new RunRecordException("It was written by a newer NVMe Workbench (run record version " + version
                    + "); this one reads version " + VERSION + ".");
        }
        if (version < 1) {
            throw new RunRecordException("Its run record version is missing or invalid.");
        }
        try {
            return fromTree(o);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new RunRecordException("It is damaged: " + stripDot(e.getMessage()) + ".", e);
        }
    }

    private static RunRecord fromTree(JsonNode o) {
        DeviceIdentity device = RunSettingsJson.readDevice(req(o, "device"));
        WorkloadSettings workload = RunSettingsJson.readWorkload(req(o, "workload"));
        JsonNode f = req(o, "features");
        List<FeatureReadback.VectorFeature> fv = new ArrayList<>();
        for (JsonNode n : f.path("vectors")) {
            fv.add(new FeatureReadback.VectorFeature(req(n, "iv").asInt(), req(n, "value").asInt()));
        }
        FeatureReadback features = new FeatureReadback(f.path("coalescing").asInt(-1), fv, f.path("number_of_queues").asInt(-1));
        JsonNode t = req(o, "totals");
        RunTotals totals = new RunTotals(count(t, "ios", "totals.ios"), optionalCount(t, "reads", "totals.reads"),
                optionalCount(t, "writes", "totals.writes"), optionalCount(t, "bytes", "totals.bytes"),
                optionalCount(t, "errors", "totals.errors"),
                t.hasNonNull("interrupts") ? wholeNumber(t.get("interrupts"), "totals.interrupts", -1) : -1,
                optionalCount(t, "trims", "totals.trims"));
        JsonNode lat = req(o, "latency_ns");
        List<VectorCount> vectors = new ArrayList<>();
        for (JsonNode n : o.path("vectors")) {
            vectors.add(new VectorCount(req(n, "iv").asInt(), req(n, "interrupts").asLong(), n.path("completions").asLong()));
        }
        List<TimeSample> series = new ArrayList<>();
        for (JsonNode n : o.path("time_series")) {
            series.add(new TimeSample(n.path("at_ns").asLong(), n.path("iops").asDouble(), n.path("interrupts_per_s").asDouble(),
                    n.path("p50_ns").asLong(), n.path("p99_ns").asLong(), n.path("in_flight").asInt()));
        }
        RunRecord r = new RunRecord(text(o, "tool_version"), Instant.parse(text(o, "started_at")), count(o, "duration_ns", "duration_ns"),
                wholeNumber(req(o, "seed"), "seed", Long.MIN_VALUE), device, workload, features, totals, histogram(lat, "all"),
                optionalHistogram(lat, "read"), optionalHistogram(lat, "write"), vectors,
                measuredDouble(o, "completions_per_interrupt"), measuredDouble(o, "host_irq_cpu_pct"), series,
                origin(o.get("origin")), strings(o.path("feature_notes")), strings(o.path("notes")),
                queueDepths(o.get("queue_depths")), optionalHistogram(lat, "trim"),
                readCpus(o.get("host_cpus")));
        consistent(r, t);
        return r;
    }

    /**
     * The figures must agree with one another, or a report would print nonsense from them (5,000,000,000 IOPS
     * from -5 I/Os in -1 ns): a duration when there are I/Os, reads and writes adding up to the I/Os, and a
     * latency histogram that counts them (an I/O that failed may be missing from it).
     */
    private static void consistent(RunRecord r, JsonNode totals) {
        RunTotals t = r.totals();
        if (t.ios() > 0 && r.durationNanos() <= 0) {
            throw new IllegalArgumentException("\"duration_ns\" is " + r.durationNanos() + " for " + t.ios() + " I/Os; it must be above 0");
        }
        if (totals.has("reads") && totals.has("writes") && t.reads() + t.writes() + t.trims() != t.ios()) {
            throw new IllegalArgumentException("\"totals.reads\" (" + t.reads() + "), \"totals.writes\" (" + t.writes()
                    + ") and \"totals.trims\" (" + t.trims() + ") do not add up to \"totals.ios\" (" + t.ios() + ")");
        }
        long counted = r.latency().count();
        if (counted > t.ios() || counted < t.ios() - t.errors()) {
            throw new IllegalArgumentException("\"latency_ns.all\" counts " + counted + " I/Os but \"totals.ios\" is " + t.ios());
        }
        if (!(Double.isNaN(r.hostIrqCpuPct()) || r.hostIrqCpuPct() >= 0) || !(Double.isNaN(r.completionsPerInterrupt())
                || r.completionsPerInterrupt() >= 0)) {
            throw new IllegalArgumentException("\"host_irq_cpu_pct\" and \"completions_per_interrupt\" cannot be negative");
        }
    }

    /** A field that must be a whole number of at least 0; its path in the file names it when it is not. */
    private static long count(JsonNode o, String name, String path) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("the field \"" + path + "\" is missing");
        }
        return wholeNumber(n, path, 0);
    }

    private static long optionalCount(JsonNode o, String name, String path) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? 0 : wholeNumber(n, path, 0);
    }

    private static long wholeNumber(JsonNode n, String path, long min) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + path + "\" is " + n + ", not a whole number");
        }
        long v = n.asLong();
        if (v < min) {
            throw new IllegalArgumentException("\"" + path + "\" is " + v + "; it cannot be below " + min);
        }
        return v;
    }

    /** Version 1 files have no origin: they are this workbench's own runs. */
    private static RunOrigin origin(JsonNode n) {
        if (n == null || n.isNull()) {
            return RunOrigin.WORKBENCH;
        }
        return new RunOrigin(RunOrigin.Source.ofKey(text(n, "source")), n.path("tool").asText(""), n.path("file").asText(""),
                n.path("host").asText(""));
    }

    private static void histogram(ObjectNode into, String name, LatencyHistogram h) {
        into.putObject(name).put("encoding", HISTOGRAM_ENCODING).put("count", h.count()).put("data", h.encoded());
    }

    private static LatencyHistogram histogram(JsonNode lat, String name) {
        JsonNode h = req(lat, name);
        String encoding = h.path("encoding").asText();
        if (!HISTOGRAM_ENCODING.equals(encoding)) {
            throw new IllegalArgumentException("the " + name + " latency histogram has an unknown encoding '" + encoding + "'");
        }
        return LatencyHistogram.decode(text(h, "data"));
    }

    private static LatencyHistogram optionalHistogram(JsonNode lat, String name) {
        return lat.has(name) ? histogram(lat, name) : null;
    }

    static JsonNode req(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("the field \"" + name + "\" is missing");
        }
        return n;
    }

    static String text(JsonNode o, String name) {
        return req(o, name).asText();
    }

    private static String stripDot(String s) {
        if (s == null || s.isEmpty()) {
            return "a value is malformed";
        }
        String t = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
