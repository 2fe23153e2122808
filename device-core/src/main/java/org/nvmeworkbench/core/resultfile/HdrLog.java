package org.nvmeworkbench.core.resultfile;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;
import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.record.TimeSample;
import org.nvmeworkbench.core.record.WorkloadSettings;
import org.nvmeworkbench.core.workload.ToolVersion;

/**
 * An HdrHistogram interval log (.hlog) as HdrHistogram's HistogramLogWriter writes it (and so our own
 * HlogExporter): one run per tag, untagged intervals being one run. A run's latency is all its intervals
 * added; its time series has one sample per interval. An HdrHistogram log has no fixed unit: a
 * {@code #[...]} comment saying "latency in ns|us|ms" (HlogExporter writes one) decides, else nanoseconds are
 * assumed and the record says so.
 */
final class HdrLog {
    /** A data line: [Tag=NAME,]start,length,max,HIST... (HdrHistogram log format 1.2/1.3). */
    private static final Pattern DATA = Pattern.compile("^(Tag=[^,]*,)?[0-9.]+,[0-9.]+,[0-9.]+,HIST.*");
    private static final Pattern UNIT = Pattern.compile(
            "\\b(?:latenc(?:y|ies)|values?)\\s+(?:are\\s+)?in\\s+(ns|us|\u00b5s|ms|s|nanoseconds|microseconds|milliseconds|seconds)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final long HIGHEST = 3_600_000_000_000L;

    private HdrLog() {
    }

    /** One run of the log: its tag ("" when untagged) and record. */
    record HdrRun(String tag, RunRecord record) {
    }

    /** Whether the text is an HdrHistogram log: its header comments, legend or a first data line say so. */
    static boolean looksLikeOne(String text) {
        int seen = 0;
        for (String line : text.lines().limit(50).toList()) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#[Histogram log format version") || l.startsWith("#[StartTime:") || l.startsWith("#[BaseTime:")
                    || l.startsWith("\"StartTimestamp\",\"Interval_Length\"") || DATA.matcher(l).matches()) {
                return true;
            }
            if (!l.startsWith("#") || ++seen > 20) {
                return false;
            }
        }
        return false;
    }

    static List<HdrRun> runs(FileText file, String origin) {
        String text = file.text();
        Unit unit = unit(text);
        boolean absolute = text.contains("#[StartTime:") || text.contains("#[BaseTime:");
        Map<String, Tagged> byTag = new LinkedHashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                String tag = h.getTag() == null ? "" : h.getTag();
                byTag.computeIfAbsent(tag, t -> new Tagged()).add(h, unit.nanos);
            }
        } catch (RuntimeException e) {
            int line = firstBadLine(text);
            throw new ResultFileException(file.path() + " is a damaged HdrHistogram log" + (line > 0 ? " at line " + line : "")
                    + ": an interval's histogram cannot be decoded.", e);
        }
        if (byTag.isEmpty()) {
            throw new ResultFileException(file.path() + " is an HdrHistogram log with no intervals in it.");
        }
        List<HdrRun> out = new ArrayList<>();
        for (Map.Entry<String, Tagged> e : byTag.entrySet()) {
            out.add(new HdrRun(e.getKey(), e.getValue().record(e.getKey(), unit, absolute, origin, byTag.size())));
        }
        return out;
    }

    /** The unit its header comments name, in ns per value. */
    private record Unit(long nanos, String name, boolean stated) {
    }

    private static Unit unit(String text) {
        for (String line : text.lines().limit(50).toList()) {
            if (!line.startsWith("#")) {
                continue;
            }
            Matcher m = UNIT.matcher(line);
            if (m.find()) {
                String u = m.group(1).toLowerCase(Locale.ROOT);
                return switch (u) {
                    case "us", "\u00b5s", "microseconds" -> new Unit(1_000, "us", true);
                    case "ms", "milliseconds" -> new Unit(1_000_000, "ms", true);
                    case "s", "seconds" -> new Unit(1_000_000_000, "s", true);
                    default -> new Unit(1, "ns", true);
                };
            }
        }
        return new Unit(1, "ns", false);
    }

    /** The intervals of one tag, added up. */
    private static final class Tagged {
        final Histogram total = new Histogram(HIGHEST, 3);
        final List<Histogram> intervals = new ArrayList<>();
        final List<long[]> times = new ArrayList<>(); // start and end, ms

        void add(EncodableHistogram h, long nanosPerUnit) {
            Histogram ns = new Histogram(HIGHEST, 3);
            if (h instanceof AbstractHistogram a) {
                for (HistogramIterationValue v : a.recordedValues()) {
                    ns.recordValueWithCount(clamp(nanosPerUnit == 1 ? v.getValueIteratedTo()
                            : a.medianEquivalentValue(v.getValueIteratedTo()) * nanosPerUnit), v.getCountAtValueIteratedTo());
                }
            } else if (h instanceof DoubleHistogram d) {
                for (DoubleHistogramIterationValue v : d.recordedValues()) {
                    ns.recordValueWithCount(clamp(Math.round(v.getValueIteratedTo() * nanosPerUnit)), v.getCountAtValueIteratedTo());
                }
            }
            total.add(ns);
            intervals.add(ns);
            times.add(new long[] {h.getStartTimeStamp(), h.getEndTimeStamp()});
        }

        RunRecord record(String tag, Unit unit, boolean absolute, String file, int tags) {
            long first = times.stream().mapToLong(t -> t[0]).min().orElse(0);
            long last = times.stream().mapToLong(t -> t[1]).max().orElse(first);
            List<TimeSample> series = new ArrayList<>();
            for (int i = 0; i < intervals.size(); i++) {
                Histogram h = intervals.get(i);
                long[] t = times.get(i);
                double seconds = Math.max(1, t[1] - t[0]) / 1000.0;
                series.add(new TimeSample((t[1] - first) * 1_000_000L, h.getTotalCount() / seconds, Double.NaN,
                        h.getValueAtPercentile(50), h.getValueAtPercentile(99), 0));
            }
            List<String> notes = new ArrayList<>();
            notes.add("Latency from an HdrHistogram interval log: " + intervals.size()
                    + (intervals.size() == 1 ? " interval" : " intervals added together") + (tag.isEmpty() ? "" : ", tag " + tag) + ".");
            if (!unit.stated()) {
                notes.add("The log does not say the unit of its values, so they were taken as nanoseconds.");
            } else if (unit.nanos() != 1) {
                notes.add("The log's values are in " + unit.name() + " and were converted to nanoseconds.");
            }
            if (!absolute) {
                notes.add("The log has no StartTime or BaseTime, so the start time is unknown.");
            }
            long ios = total.getTotalCount();
            String name = tag.isEmpty() ? "not recorded" : tag;
            return new RunRecord(ToolVersion.get(), absolute ? Instant.ofEpochMilli(first) : Instant.EPOCH,
                    (last - first) * 1_000_000L, 0, DeviceIdentity.named(name, "", "", ""),
                    new WorkloadSettings("", 0, 0, 0, 0, 0, 0, false, false, -1, List.of()), FeatureReadback.NONE,
                    new RunTotals(ios, 0, 0, 0, 0, -1), LatencyHistogram.of(total), null, null, List.of(), Double.NaN,
                    Double.NaN, series, new RunOrigin(RunOrigin.Source.HDR_HISTOGRAM, "", file, ""), List.of(), notes);
        }
    }

    private static long clamp(long nanos) {
        return Math.max(0, Math.min(HIGHEST, nanos));
    }

    /** Whether the bytes are an integer or a floating-point histogram, compressed, as HistogramLogWriter writes them. */
    private static void decodes(byte[] bytes) {
        try {
            Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (java.util.zip.DataFormatException | RuntimeException e) {
            try {
                DoubleHistogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            } catch (java.util.zip.DataFormatException | RuntimeException e2) {
                throw new IllegalArgumentException("not a histogram", e2);
            }
        }
    }

    /** The 1-based line of the first interval that cannot be decoded, or 0 when every one can. */
    private static int firstBadLine(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("\"StartTimestamp\"")) {
                continue;
            }
            try {
                String[] f = l.split(",");
                int at = f[0].startsWith("Tag=") ? 1 : 0;
                Double.parseDouble(f[at]);
                Double.parseDouble(f[at + 1]);
                Double.parseDouble(f[at + 2]);
                decodes(Base64.getDecoder().decode(f[at + 3]));
            } catch (RuntimeException e) {
                return i + 1;
            }
        }
        return 0;
    }
}
