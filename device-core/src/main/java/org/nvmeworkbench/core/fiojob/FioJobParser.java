package org.nvmeworkbench.core.fiojob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Reads fio's job-file syntax and maps fio's options onto a {@link WorkloadSpec}. Mapping: rw/readwrite,
 * bs/blocksize, iodepth, numjobs (-> queues, each fio job becomes a queue with its own vector), runtime,
 * time_based, size/io_size/io_limit/number_ios (-> ios, per job, so times numjobs), rwmixread/rwmixwrite,
 * randseed (-> seed), hipri (-> polling). Units are fio's: sizes with kb_base 1024, times default to seconds.
 */
final class FioJobParser {
    /** Options that describe how fio reaches a file or reports, which the workbench's own driver has no use for. */
    private static final Set<String> NOT_APPLICABLE = Set.of("thread", "group_reporting", "stonewall", "wait_for_previous",
            "new_group", "norandommap", "randrepeat", "gtod_reduce", "clat_percentiles", "lat_percentiles",
            "slat_percentiles", "percentile_list", "disable_lat", "disable_clat", "disable_slat", "write_lat_log",
            "write_bw_log", "write_iops_log", "log_avg_msec", "per_job_logs", "invalidate", "ramp_time", "startdelay",
            "cpus_allowed", "cpumask", "numa_cpu_nodes", "iodepth_batch", "iodepth_batch_submit",
            "iodepth_batch_complete", "iodepth_batch_complete_min", "iodepth_low", "fsync", "fdatasync", "end_fsync",
            "buffered", "sync", "verify", "do_verify", "offset", "offset_increment", "random_distribution",
            "random_generator", "exitall", "loops", "unified_rw_reporting", "allow_file_create", "registerfiles",
            "fixedbufs", "sqthread_poll", "nonvectored", "overwrite", "refill_buffers", "zero_buffers",
            "buffer_compress_percentage", "dedupe_percentage", "rate", "rate_iops", "rate_min", "thinktime",
            "kb_base", "unit_base", "lockmem", "create_on_open", "nrfiles", "directory", "opendir", "output",
            "output-format");

    private final String source;

    FioJobParser(String source) {
        this.source = source;
    }

    private record Option(String key, String value, int line) {
    }

    private static final class Section {
        final String name;
        final int line;
        final Map<String, Option> options = new LinkedHashMap<>();

        Section(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    FioJobFile parse(String text) {
        Map<String, Option> global = new LinkedHashMap<>();
        List<Section> jobs = new ArrayList<>();
        Section current = null;
        boolean inGlobal = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith(";") || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[")) {
                if (!l.endsWith("]")) {
                    throw error(n, "the section header '" + l + "' has no closing ']'");
                }
                String name = l.substring(1, l.length() - 1).strip();
                if (name.isEmpty()) {
                    throw error(n, "a section needs a name between '[' and ']'");
                }
                if (name.equals("global")) {
                    inGlobal = true;
                    current = null;
                } else {
                    inGlobal = false;
                    current = new Section(name, n);
                    current.options.putAll(global); // [global] applies to the jobs after it, as in fio
                    jobs.add(current);
                }
                continue;
            }
            if (l.startsWith("include ") || l.equals("include")) {
                throw error(n, "'include' files are not supported; paste the included options into this file");
            }
            if (!inGlobal && current == null) {
                throw error(n, "the option '" + l + "' comes before any [global] or [job] section");
            }
            int eq = l.indexOf('=');
            String key = (eq < 0 ? l : l.substring(0, eq)).strip();
            String value = eq < 0 ? "" : l.substring(eq + 1).strip();
            if (key.isEmpty()) {
                throw error(n, "'" + l + "' has a value but no option name");
            }
            if (!key.matches("[A-Za-z0-9_\\-]+")) {
                throw error(n, "'" + key + "' is not an option name (expected key=value or a flag)");
            }
            Option o = new Option(key, value, n);
            (inGlobal ? global : current.options).put(key, o);
        }
        if (jobs.isEmpty()) {
            throw new FioJobException(source + " defines no job: add a [jobname] section after [global].", 0);
        }
        List<FioJob> out = new ArrayList<>();
        for (Section s : jobs) {
            out.add(job(s));
        }
        return new FioJobFile(source, out);
    }

    private FioJob job(Section s) {
        List<String> warnings = new ArrayList<>();
        WorkloadSpec spec = WorkloadSpec.defaults();
        String name = s.name;
        String description = "";
        Long runtime = null;
        boolean timeBased = false;
        Long sizeBytes = null;
        Long ioBytes = null;
        Long numberIos = null;
        int numjobs = 1;
        for (Option o : s.options.values()) {
            String v = o.value();
            if (v.contains("$")) {
                warnings.add(at(o) + o.key() + "=" + v + " uses a variable, which the importer does not expand; it was ignored.");
                continue;
            }
            switch (o.key()) {
                case "name" -> name = v;
                case "description" -> description = unquote(v);
                case "rw", "readwrite" -> {
                    String pattern = v;
                    int colon = v.indexOf(':');
                    if (colon >= 0) {
                        pattern = v.substring(0, colon);
                        warnings.add(at(o) + "the offset modifier in rw=" + v + " does not apply; the run uses rw=" + pattern + ".");
                    }
                    try {
                        spec = spec.withRw(ReadWrite.parse(pattern));
                    } catch (IllegalArgumentException e) {
                        throw error(o.line(), lowerFirst(e.getMessage()));
                    }
                }
                case "bs", "blocksize" -> {
                    String[] parts = v.split(",");
                    long first = size(o, parts[0]);
                    for (int i = 1; i < parts.length; i++) {
                        if (!parts[i].isBlank() && size(o, parts[i]) != first) {
                            warnings.add(at(o) + "separate read/write block sizes (bs=" + v + ") do not apply; every I/O uses "
                                    + FioUnits.formatSize(first) + ".");
                            break;
                        }
                    }
                    if (first > Integer.MAX_VALUE) {
                        throw error(o.line(), "bs=" + v + " is more than 2 GiB");
                    }
                    spec = spec.withBlockSize((int) first);
                }
                case "iodepth" -> spec = spec.withIodepth(positiveInt(o));
                case "numjobs" -> numjobs = positiveInt(o);
                case "runtime" -> runtime = time(o);
                case "time_based" -> timeBased = flag(o);
                case "size" -> sizeBytes = sizeOrPercent(o, warnings);
                case "io_size", "io_limit" -> ioBytes = sizeOrPercent(o, warnings);
                case "number_ios" -> numberIos = integer(o);
                case "rwmixread" -> spec = spec.withRwmixread(percent(o));
                case "rwmixwrite" -> spec = spec.withRwmixread(100 - percent(o));
                case "randseed" -> spec = spec.withSeed(integer(o));
                case "hipri" -> spec = spec.withPolling(flag(o));
                case "ioengine" -> warnings.add(at(o) + "ioengine=" + v + " does not apply: the workbench submits through its "
                        + "own userspace NVMe driver.");
                case "direct" -> {
                    if (!flag(o)) {
                        warnings.add(at(o) + "direct=0 (buffered I/O) does not apply: the workbench never goes through a page cache.");
                    }
                }
                case "filename" -> warnings.add(at(o) + "filename=" + v + " does not apply: choose the device with -d "
                        + "(sim, sim:PROFILE or vfio:DDDD:BB:DD.F).");
                default -> warnings.add(at(o) + (NOT_APPLICABLE.contains(o.key())
                        ? "the option " + o.key() + " does not apply to the workbench and was ignored."
                        : "the option " + o.key() + " is not one the importer knows; it was ignored."));
            }
        }
        spec = spec.withQueues(numjobs);
        // fio: each job (clone) moves its own io_size (default: size); number_ios caps the count.
        Long perJobBytes = ioBytes != null ? ioBytes : sizeBytes;
        Long perJobIos = perJobBytes == null ? null : Math.max(1, perJobBytes / spec.blockSize());
        if (numberIos != null) {
            perJobIos = perJobIos == null ? numberIos : Math.min(perJobIos, numberIos);
        }
        long ios = perJobIos == null ? 0 : perJobIos * numjobs;
        if (timeBased) {
            if (runtime == null) {
                warnings.add("line " + s.line + ": time_based without runtime; the run uses the workbench's "
                        + "default runtime of 2 s.");
                runtime = 2_000_000_000L;
            }
            if (ios > 0) {
                warnings.add("line " + s.line + ": time_based runs for the runtime, so the size does not limit the run.");
            }
            spec = spec.withLimits(runtime, 0);
        } else if (runtime == null && ios == 0) {
            warnings.add("line " + s.line + ": the job sets neither a size nor a runtime; the run uses the workbench's "
                    + "default of 100000 I/Os or 2 s, whichever comes first.");
        } else {
            spec = spec.withLimits(runtime == null ? 0 : runtime, ios);
        }
        return new FioJob(name, description, spec, warnings);
    }

    private static String at(Option o) {
        return "line " + o.line() + ": ";
    }

    private FioJobException error(int line, String what) {
        return new FioJobException(source + " line " + line + ": " + stripDot(what) + ".", line);
    }

    private long size(Option o, String text) {
        try {
            return FioUnits.parseSize(text.strip());
        } catch (IllegalArgumentException e) {
            throw error(o.line(), o.key() + "=" + o.value() + ": " + lowerFirst(stripDot(e.getMessage())));
        }
    }

    private Long sizeOrPercent(Option o, List<String> warnings) {
        if (o.value().endsWith("%")) {
            warnings.add(at(o) + o.key() + "=" + o.value() + " is a share of a file, which does not apply to a "
                    + "namespace here; give an absolute size such as 1g.");
            return null;
        }
        return size(o, o.value());
    }

    private long time(Option o) {
        try {
            return FioUnits.parseTimeNanos(o.value());
        } catch (IllegalArgumentException e) {
            throw error(o.line(), o.key() + "=" + o.value() + ": " + lowerFirst(stripDot(e.getMessage())));
        }
    }

    private long integer(Option o) {
        try {
            return Long.parseLong(o.value().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(o.line(), o.key() + "=" + o.value() + " is not a whole number");
        }
    }

    private int positiveInt(Option o) {
        long v = integer(o);
        if (v < 1 || v > 65535) {
            throw error(o.line(), o.key() + " must be 1..65535, not " + v);
        }
        return (int) v;
    }

    private int percent(Option o) {
        long v = integer(o);
        if (v < 0 || v > 100) {
            throw error(o.line(), o.key() + " is a percentage (0..100), not " + v);
        }
        return (int) v;
    }

    /** fio's bool: a bare flag, 1/0, true/false. */
    private boolean flag(Option o) {
        switch (o.value().toLowerCase(Locale.ROOT)) {
            case "", "1", "true", "yes", "on": return true;
            case "0", "false", "no", "off": return false;
            default: throw error(o.line(), o.key() + "=" + o.value() + " is not a boolean (use 1 or 0)");
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
