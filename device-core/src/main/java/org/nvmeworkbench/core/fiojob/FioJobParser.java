package org.nvmeworkbench.core.fiojob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.nvmeworkbench.core.fiojob.FioJob.JobPacing;
import org.nvmeworkbench.core.fiojob.FioJob.JobSchedule;
import org.nvmeworkbench.core.host.CpuSet;
import org.nvmeworkbench.core.host.CpusAllowedPolicy;
import org.nvmeworkbench.core.host.NumaMemPolicy;
import org.nvmeworkbench.core.workload.BlockSizeMix;
import org.nvmeworkbench.core.workload.IoShape;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Maps fio's options onto a {@link WorkloadSpec} per job, with fio's rules (HOWTO, "Job file parameters"):
 * rw/readwrite and its modifier, bs/blocksize (read,write), bssplit, bsrange, iodepth, numjobs (each clone
 * a queue pair), size, io_size/io_limit, number_ios, runtime, time_based, rwmixread/rwmixwrite, offset,
 * randseed, hipri (polling), kb_base; stonewall, wait_for, new_group, group_reporting, startdelay and
 * ramp_time shape the schedule and the report; rate, rate_iops and thinktime are kept; cpus_allowed,
 * cpus_allowed_policy, numa_cpu_nodes and numa_mem_policy place the queues on the host's cores.
 */
final class FioJobParser {
    /** Options about how fio reaches a file, logs or reports, which the workbench's own driver has no use for. */
    private static final Set<String> NOT_APPLICABLE = Set.of("thread", "norandommap", "randrepeat", "gtod_reduce",
            "clat_percentiles", "lat_percentiles", "slat_percentiles", "percentile_list", "disable_lat", "disable_clat",
            "disable_slat", "write_lat_log", "write_bw_log", "write_iops_log", "write_hist_log", "log_avg_msec",
            "per_job_logs", "invalidate", "cpumask", "iodepth_batch", "iodepth_batch_submit",
            "iodepth_batch_complete", "iodepth_batch_complete_min", "iodepth_low", "fsync", "fdatasync", "end_fsync",
            "buffered", "sync", "verify", "do_verify", "offset_increment", "random_distribution", "random_generator",
            "exitall", "loops", "unified_rw_reporting", "allow_file_create", "registerfiles", "fixedbufs",
            "sqthread_poll", "nonvectored", "overwrite", "refill_buffers", "zero_buffers", "buffer_compress_percentage",
            "dedupe_percentage", "rate_min", "unit_base", "lockmem", "create_on_open", "nrfiles", "directory",
            "opendir", "output", "output-format", "filesize", "fadvise_hint", "iomem", "mem", "scramble_buffers",
            "continue_on_error", "blockalign", "ba", "file_service_type", "nice", "prio", "prioclass",
            "log_hist_msec", "ramp_time_reset");

    private final String source;
    private final FioEnvironment env;

    FioJobParser(String source, FioEnvironment env) {
        this.source = source;
        this.env = env;
    }

    /** An option with where it was written. */
    private record Option(String key, String value, String file, int line, int position) {
        String said() {
            return value.isEmpty() ? key : key + "=" + value;
        }
    }

    /** The job cannot run on the workbench: one sentence naming file, line and option. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String sentence) {
            super(sentence, null, false, false);
        }
    }

    FioJobFile parse(String text, Path folder) {
        List<FioJobText.Line> lines = new FioJobText(env).read(text, source, folder);
        Map<String, Option> global = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Map<String, Option>> sections = new ArrayList<>();
        List<FioJobText.Line> headers = new ArrayList<>();
        Map<String, Option> current = null;
        for (FioJobText.Line l : lines) {
            if (l.isSection()) {
                if (l.section().equals("global")) {
                    current = global;
                } else {
                    current = new LinkedHashMap<>(global); // [global] applies to the jobs after it, as in fio
                    sections.add(current);
                    names.add(l.section());
                    headers.add(l);
                }
                continue;
            }
            if (current == null) {
                throw FioJobText.error(l.file(), l.line(), "the option '" + l.key() + (l.value().isEmpty() ? "" : "=" + l.value())
                        + "' comes before any [global] or [job] section");
            }
            Option o = new Option(l.key(), l.value(), l.file(), l.line(), l.position());
            current.remove(l.key()); // a later setting takes the earlier one's place in line order
            current.put(l.key(), o);
        }
        if (sections.isEmpty()) {
            throw new FioJobException(source + " defines no job: add a [jobname] section after [global].", 0);
        }
        List<FioJob> out = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        int group = 0;
        for (int i = 0; i < sections.size(); i++) {
            FioJob j = job(names.get(i), headers.get(i), sections.get(i), earlier, group, i == 0);
            group = j.schedule().group();
            out.add(j);
            earlier.add(j.name());
        }
        return new FioJobFile(source, out);
    }

    private FioJob job(String section, FioJobText.Line header, Map<String, Option> opts, Set<String> earlier,
                       int previousGroup, boolean first) {
        List<FioJobNote> notes = new ArrayList<>();
        String refusal = "";
        int kbBase = 1024;
        Option kb = opts.get("kb_base");
        if (kb != null) { // fio applies kb_base before the sizes, wherever it is written
            kbBase = (int) integer(kb, 1024);
            if (kbBase != 1000 && kbBase != 1024) {
                throw error(kb, "kb_base is 1024 or 1000, not " + kb.value());
            }
        }
        WorkloadSpec spec = WorkloadSpec.defaults();
        IoShape shape = IoShape.PLAIN;
        String name = section;
        String description = "";
        Long runtime = null;
        boolean timeBased = false;
        Long sizeBytes = null;
        Long ioBytes = null;
        Long numberIos = null;
        int numjobs = 1;
        long[] bsByDir = null;
        Option bsOption = null;
        boolean stonewall = false;
        boolean newGroup = false;
        boolean groupReporting = false;
        String waitFor = "";
        long startDelay = 0;
        long ramp = 0;
        long[] rate = {0, 0};
        long[] rateIops = {0, 0};
        long thinktime = 0;
        String cpus = "";
        String rwModifier = null;
        Option rwOption = null;
        Map<String, Long> values = new LinkedHashMap<>();
        for (Option o : opts.values()) {
            String v = o.value();
            try {
                switch (o.key()) {
                    case "name" -> name = v;
                    case "description" -> description = unquote(v);
                    case "kb_base" -> { } // read above
                    case "rw", "readwrite" -> {
                        rwOption = o;
                        String pattern = v;
                        int colon = v.indexOf(':');
                        rwModifier = null;
                        if (colon >= 0) {
                            pattern = v.substring(0, colon).strip();
                            rwModifier = v.substring(colon + 1).strip();
                        }
                        String p = pattern.toLowerCase(Locale.ROOT);
                        try {
                            spec = spec.withRw(ReadWrite.parse(p.equals("randwrite") || p.equals("randread") ? p
                                    : p.equals("readwrite") ? "rw" : p));
                        } catch (IllegalArgumentException e) {
                            throw error(o, lowerFirst(e.getMessage()));
                        }
                    }
                    case "bs", "blocksize" -> {
                        bsOption = o;
                        bsByDir = sizes(o, kbBase);
                        values.put("bs", bsByDir[0]);
                        values.put("bs.1", bsByDir[1]);
                    }
                    case "bssplit" -> shape = shape.withMix(bssplit(o, kbBase, notes));
                    case "bsrange", "blocksize_range" -> shape = shape.withMix(bsrange(o, kbBase, notes));
                    case "iodepth" -> {
                        spec = spec.withIodepth(positiveInt(o, kbBase));
                        values.put("iodepth", (long) spec.iodepth());
                    }
                    case "numjobs" -> {
                        numjobs = positiveInt(o, kbBase);
                        values.put("numjobs", (long) numjobs);
                    }
                    case "runtime", "timeout" -> {
                        runtime = time(o, 1_000_000_000L);
                        values.put("runtime", runtime / 1000);
                    }
                    case "time_based" -> timeBased = flag(o);
                    case "size" -> {
                        sizeBytes = sizeOrPercent(o, kbBase, notes);
                        putIf(values, "size", sizeBytes);
                    }
                    case "io_size", "io_limit" -> {
                        ioBytes = sizeOrPercent(o, kbBase, notes);
                        putIf(values, "io_size", ioBytes);
                    }
                    case "number_ios" -> {
                        numberIos = integer(o, kbBase);
                        values.put("number_ios", numberIos);
                    }
                    case "offset" -> {
                        Long off = sizeOrPercent(o, kbBase, notes);
                        shape = shape.withOffsetBytes(off == null ? 0 : off);
                        putIf(values, "offset", off);
                    }
                    case "rwmixread" -> {
                        spec = spec.withRwmixread(percent(o));
                        values.put("rwmixread", (long) spec.rwmixread());
                    }
                    case "rwmixwrite" -> {
                        spec = spec.withRwmixread(100 - percent(o));
                        values.put("rwmixwrite", 100L - spec.rwmixread());
                    }
                    case "randseed" -> spec = spec.withSeed(integer(o, kbBase));
                    case "hipri" -> spec = spec.withPolling(flag(o));
                    case "stonewall", "wait_for_previous" -> stonewall = flag(o);
                    case "new_group" -> newGroup = flag(o);
                    case "group_reporting" -> groupReporting = flag(o);
                    case "wait_for" -> {
                        if (!earlier.contains(v)) {
                            throw error(o, "wait_for=" + v + " names no job defined before this one");
                        }
                        waitFor = v;
                    }
                    case "startdelay" -> {
                        startDelay = time(o, 1_000_000_000L);
                        values.put("startdelay", startDelay / 1000);
                        notes.add(note(o, o.said() + " is kept, but jobs start when the jobs they wait for end; the delay "
                                + "is not applied.", false));
                    }
                    case "ramp_time" -> {
                        ramp = time(o, 1_000_000_000L);
                        values.put("ramp_time", ramp / 1000);
                        notes.add(note(o, o.said() + " is kept, but the latencies of the first " + o.value()
                                + " are counted too.", false));
                    }
                    case "rate" -> {
                        rate = sizes(o, kbBase);
                        values.put("rate", rate[0]);
                        values.put("rate.1", rate[1]);
                        notes.add(note(o, o.said() + " is kept, but the run is not rate limited.", false));
                    }
                    case "rate_iops" -> {
                        rateIops = sizes(o, kbBase);
                        values.put("rate_iops", rateIops[0]);
                        values.put("rate_iops.1", rateIops[1]);
                        notes.add(note(o, o.said() + " is kept, but the run is not rate limited.", false));
                    }
                    case "thinktime" -> {
                        thinktime = time(o, 1_000L); // fio: "thinktime=time ... in microseconds by default"
                        values.put("thinktime", thinktime / 1000);
                        notes.add(note(o, o.said() + " is kept, but I/Os are issued without thinking time.", false));
                    }
                    case "cpus_allowed" -> {
                        if (!v.matches("\\s*\\d+(\\s*-\\s*\\d+)?(\\s*,\\s*\\d+(\\s*-\\s*\\d+)?)*\\s*")) {
                            throw error(o, "cpus_allowed=" + v + " is not a CPU list such as 0-3,6");
                        }
                        cpus = v.replace(" ", "");
                        spec = spec.withPlacement(spec.placement().withCpusAllowed(hostWord(o, t -> CpuSet.parse(t, o.key()))));
                        notes.add(note(o, o.said() + " places the job's queue threads on the simulator's host model; on "
                                + "hardware it is kept with the job.", false));
                    }
                    case "cpus_allowed_policy" -> spec = spec.withPlacement(spec.placement().withPolicy(
                            hostWord(o, CpusAllowedPolicy::parse)));
                    case "numa_cpu_nodes" -> spec = spec.withPlacement(spec.placement().withNumaCpuNodes(
                            hostWord(o, t -> CpuSet.parse(t, o.key()))));
                    case "numa_mem_policy" -> spec = spec.withPlacement(spec.placement().withMemPolicy(
                            hostWord(o, NumaMemPolicy::parse)));
                    case "ioengine" -> notes.add(note(o, o.said() + " does not apply: the workbench submits through its "
                            + "own userspace NVMe driver.", false));
                    case "direct" -> {
                        if (!flag(o)) {
                            notes.add(note(o, "direct=0 (buffered I/O) does not apply: the workbench never goes through a "
                                    + "page cache.", false));
                        }
                    }
                    case "filename" -> notes.add(note(o, o.said() + " does not apply: choose the device with -d "
                            + "(sim, sim:PROFILE or vfio:DDDD:BB:DD.F).", false));
                    default -> notes.add(note(o, NOT_APPLICABLE.contains(o.key())
                            ? "the option " + o.key() + " does not apply to the workbench and was ignored."
                            : "the option " + o.key() + " is not one the importer knows; it was ignored.", false));
                }
            } catch (Refused r) {
                if (refusal.isEmpty()) {
                    refusal = r.getMessage();
                }
            }
        }
        // bs applies per direction (fio: "bs=int[,int][,int]" for reads, writes, trims)
        if (bsByDir != null) {
            long read = bsByDir[0];
            long write = bsByDir[1];
            long use = spec.rw().reads() ? read : write;
            if (spec.rw().mixed() && read != write) {
                notes.add(note(bsOption, bsOption.said() + " gives reads and writes different sizes; a run uses one "
                        + "size for both, " + FioUnits.formatSize(read) + ".", false));
            }
            if (use > Integer.MAX_VALUE || use < 1) {
                throw error(bsOption, bsOption.said() + " is not a block size of 1 B to 2 GiB");
            }
            spec = spec.withBlockSize((int) use);
        }
        if (shape.mix() != null) {
            spec = spec.withBlockSize(shape.mix().maxBytes());
        }
        if (rwModifier != null && !rwModifier.isEmpty()) {
            try {
                if (spec.rw().random()) {
                    shape = shape.withRandomRun((int) Math.max(1, Math.min(Integer.MAX_VALUE, FioUnits.parseSize(rwModifier, kbBase))));
                } else {
                    shape = shape.withHoleBytes(FioUnits.parseSize(rwModifier, kbBase));
                }
            } catch (IllegalArgumentException e) {
                throw error(rwOption, rwOption.said() + ": " + lowerFirst(stripDot(e.getMessage())));
            }
        }
        spec = spec.withShape(shape).withQueues(numjobs);
        // fio: each job (clone) moves its own io_size (default: size); number_ios caps the count.
        Long perJobBytes = ioBytes != null ? ioBytes : sizeBytes;
        Long perJobIos = perJobBytes == null ? null : Math.max(1, perJobBytes / meanBytes(spec));
        if (numberIos != null) {
            perJobIos = perJobIos == null ? numberIos : Math.min(perJobIos, numberIos);
        }
        long ios = perJobIos == null ? 0 : perJobIos * numjobs;
        int headerPos = header.position();
        if (timeBased) {
            if (runtime == null) {
                notes.add(new FioJobNote(header.file(), header.line(), headerPos, "time_based", "time_based without "
                        + "runtime; the run uses the workbench's default runtime of 2 s.", true));
                runtime = 2_000_000_000L;
            }
            if (ios > 0) {
                notes.add(new FioJobNote(header.file(), header.line(), headerPos, "time_based", "time_based runs for "
                        + "the runtime, so the size does not limit the run.", true));
            }
            spec = spec.withLimits(runtime, 0);
        } else if (runtime == null && ios == 0) {
            notes.add(new FioJobNote(header.file(), header.line(), headerPos, "size", "the job sets neither a size nor "
                    + "a runtime; the run uses the workbench's default of 100000 I/Os or 2 s, whichever comes first.", true));
        } else {
            spec = spec.withLimits(runtime == null ? 0 : runtime, ios);
        }
        notes.sort((a, b) -> Integer.compare(a.position(), b.position()));
        int group = first ? 0 : previousGroup + (stonewall || newGroup ? 1 : 0);
        return new FioJob(name, description, spec, notes, numjobs,
                new JobSchedule(group, stonewall, waitFor, groupReporting, startDelay, ramp),
                new JobPacing(rate, rateIops, thinktime), cpus, refusal, values);
    }

    private static void putIf(Map<String, Long> values, String key, Long v) {
        if (v != null) {
            values.put(key, v);
        }
    }

    /** The mean I/O size: the mix's weighted mean, else the block size. */
    private static long meanBytes(WorkloadSpec spec) {
        BlockSizeMix m = spec.shape().mix();
        if (m == null) {
            return spec.blockSize();
        }
        long sum = 0;
        long weights = 0;
        for (int i = 0; i < m.sizes().size(); i++) {
            sum += (long) m.sizes().get(i) * m.weights().get(i);
            weights += m.weights().get(i);
        }
        return Math.max(1, sum / weights);
    }

    /** fio's bssplit=bs/pct:bs/pct...[,write split]: entries without a percentage share what is left equally. */
    private BlockSizeMix bssplit(Option o, int kbBase, List<FioJobNote> notes) {
        String[] dirs = o.value().split(",");
        if (dirs.length > 1 && !dirs[1].isBlank() && !dirs[1].strip().equals(dirs[0].strip())) {
            notes.add(note(o, o.said() + " gives writes their own split; a run draws every I/O from the first, "
                    + dirs[0].strip() + ".", false));
        }
        List<Integer> sizes = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int given = 0;
        int missing = 0;
        for (String entry : dirs[0].split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            int slash = entry.indexOf('/');
            long size = size(o, slash < 0 ? entry : entry.substring(0, slash), kbBase);
            if (size < 1 || size > Integer.MAX_VALUE) {
                throw error(o, o.said() + ": " + entry + " is not a block size of 1 B to 2 GiB");
            }
            int pct = -1;
            if (slash >= 0) {
                try {
                    pct = Integer.parseInt(entry.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    throw error(o, o.said() + ": '" + entry + "' needs a whole percentage after the '/'");
                }
                pct = Math.min(100, pct);
            }
            sizes.add((int) size);
            weights.add(pct <= 0 ? -1 : pct); // fio: a missing or zero percentage shares the rest
            if (pct > 0) {
                given += pct;
            } else {
                missing++;
            }
        }
        if (sizes.isEmpty()) {
            throw error(o, "bssplit needs at least one blocksize/percentage entry, e.g. 4k/50:64k/50");
        }
        if (given > 100 || (missing == 0 && given != 100)) {
            throw error(o, o.said() + ": the percentages add up to " + given + ", not 100");
        }
        int share = missing == 0 ? 0 : (100 - given) / missing;
        int rest = missing == 0 ? 0 : (100 - given) - share * missing;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) < 0) {
                weights.set(i, share + (rest-- > 0 ? 1 : 0));
            }
        }
        for (int i = weights.size() - 1; i >= 0; i--) {
            if (weights.get(i) == 0) {
                weights.remove(i);
                sizes.remove(i);
            }
        }
        return new BlockSizeMix(sizes, weights, o.said());
    }

    /** fio's bsrange=MIN-MAX (or MIN:MAX), "if the lower value ... is larger than the upper value the two values are swapped". */
    private BlockSizeMix bsrange(Option o, int kbBase, List<FioJobNote> notes) {
        String[] dirs = o.value().split("[,/]");
        if (dirs.length > 1 && !dirs[1].isBlank() && !dirs[1].strip().equals(dirs[0].strip())) {
            notes.add(note(o, o.said() + " gives writes their own range; a run draws every I/O from the first, "
                    + dirs[0].strip() + ".", false));
        }
        String[] ends = dirs[0].split("[-:]");
        if (ends.length != 2) {
            throw error(o, o.said() + " is not a range such as 4k-64k");
        }
        long a = size(o, ends[0], kbBase);
        long b = size(o, ends[1], kbBase);
        long min = Math.min(a, b);
        long max = Math.max(a, b);
        if (min < 1 || max > Integer.MAX_VALUE) {
            throw error(o, o.said() + " is not a range of block sizes of 1 B to 2 GiB");
        }
        return BlockSizeMix.range((int) min, (int) max, o.said());
    }

    private static String at(Option o) {
        return o.file() + " line " + o.line() + ": ";
    }

    private static FioJobNote note(Option o, String text, boolean aboutLimits) {
        return new FioJobNote(o.file(), o.line(), o.position(), o.key(), text, aboutLimits);
    }

    /** One of fio's CPU and NUMA words, parsed by {@code parse}; its complaint names file and line. */
    private <T> T hostWord(Option o, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(o.value());
        } catch (IllegalArgumentException e) {
            throw error(o, lowerFirst(stripDot(e.getMessage())));
        }
    }

    private FioJobException error(Option o, String what) {
        return FioJobText.error(o.file(), o.line(), what);
    }

    /** One size, or "read,write[,trim]" sizes: a missing one is the one before it, as fio fills them. */
    private long[] sizes(Option o, int kbBase) {
        String[] parts = o.value().split(",");
        long[] out = new long[2];
        long last = 0;
        for (int i = 0; i < 2; i++) {
            if (i < parts.length && !parts[i].isBlank()) {
                last = size(o, parts[i], kbBase);
            }
            out[i] = last;
        }
        return out;
    }

    private long size(Option o, String text, int kbBase) {
        if (FioUnits.isZones(text)) {
            throw new Refused(at(o) + o.said() + " counts zones (fio's z unit); the namespaces the workbench drives "
                    + "are not zoned, so give bytes, e.g. 1m.");
        }
        try {
            return FioUnits.parseSize(text.strip(), kbBase);
        } catch (IllegalArgumentException e) {
            throw error(o, o.said() + ": " + lowerFirst(stripDot(e.getMessage())));
        }
    }

    private Long sizeOrPercent(Option o, int kbBase, List<FioJobNote> notes) {
        if (o.value().endsWith("%")) {
            notes.add(note(o, o.said() + " is a share of a file, which does not apply to a namespace here; give an "
                    + "absolute size such as 1g.", o.key().equals("size") || o.key().startsWith("io_")));
            return null;
        }
        return size(o, o.value(), kbBase);
    }

    private long time(Option o, long plainUnit) {
        try {
            return FioUnits.parseTimeNanos(o.value(), plainUnit);
        } catch (IllegalArgumentException e) {
            throw error(o, o.said() + ": " + lowerFirst(stripDot(e.getMessage())));
        }
    }

    /** fio's int: a number with an optional prefix and suffix, or an expression in parentheses. */
    private long integer(Option o, int kbBase) {
        if (o.value().isBlank()) {
            throw error(o, o.key() + " needs a value (an unset ${VARIABLE} expands to nothing)");
        }
        try {
            return FioUnits.parseSize(o.value(), kbBase);
        } catch (IllegalArgumentException e) {
            throw error(o, o.key() + "=" + o.value() + " is not a whole number");
        }
    }

    private int positiveInt(Option o, int kbBase) {
        long v = integer(o, kbBase);
        if (v < 1 || v > 65535) {
            throw error(o, o.key() + " must be 1..65535, not " + v);
        }
        return (int) v;
    }

    private int percent(Option o) {
        long v = integer(o, 1024);
        if (v < 0 || v > 100) {
            throw error(o, o.key() + " is a percentage (0..100), not " + v);
        }
        return (int) v;
    }

    /** fio's bool: a bare flag, 1/0, true/false. */
    private boolean flag(Option o) {
        switch (o.value().toLowerCase(Locale.ROOT)) {
            case "", "1", "true", "yes", "on": return true;
            case "0", "false", "no", "off": return false;
            default: throw error(o, o.key() + "=" + o.value() + " is not a boolean (use 1 or 0)");
        }
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
