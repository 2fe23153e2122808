package org.nvmeworkbench.core.resultfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sweep.SweepPoint;

/**
 * Opens result files of every kind the workbench reads, deciding each one's kind by its content (and
 * whether it is a directory), never by its name alone:
 * <ul>
 * <li>an NVMe Workbench run record (RunStore's JSON);</li>
 * <li>a sweep folder ({@code sweep --save-dir}: sweep.json and one run record per point), whose sweep is
 *     analysed again;</li>
 * <li>any other folder: the result files directly in it, by name (other files are passed over);</li>
 * <li>fio's {@code --output-format=json} or {@code json+} output, warnings before the JSON allowed;</li>
 * <li>an HdrHistogram interval log.</li>
 * </ul>
 * A file that cannot be opened gives one sentence naming it and never stops the others. Files are only
 * read, and none larger than {@link #SIZE_LIMIT} is read at all.
 */
public final class ResultFiles {
    /** The largest file read: far above any real result file, far below what would exhaust the heap. */
    public static final long SIZE_LIMIT = FileText.DEFAULT_LIMIT;

    private ResultFiles() {
    }

    /** Every path in order, each opened on its own; a folder without sweep.json gives one entry per result in it. */
    public static ResultListing open(List<Path> paths) {
        return open(paths, SIZE_LIMIT);
    }

    /** As {@link #open(List)}, reading no file larger than {@code sizeLimit} bytes. */
    public static ResultListing open(List<Path> paths, long sizeLimit) {
        List<ResultFile> out = new ArrayList<>();
        for (Path p : paths) {
            out.addAll(openPath(p, sizeLimit));
        }
        return new ResultListing(out);
    }

    private static List<ResultFile> openPath(Path path, long limit) {
        try {
            if (Files.isDirectory(path)) {
                return folder(path, limit);
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                return List.of(ResultFile.failed(path, path + " does not exist."));
            }
            return List.of(file(path, limit, stem(path)));
        } catch (ResultFileException e) {
            return List.of(ResultFile.failed(path, e.getMessage()));
        } catch (RuntimeException e) {
            // A reader's own failure (HdrHistogram, Jackson) still becomes a sentence, never a stack trace.
            return List.of(ResultFile.failed(path, path + " cannot be opened: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")) + "."));
        }
    }

    private static List<ResultFile> folder(Path dir, long limit) {
        if (!Files.isReadable(dir)) {
            throw new ResultFileException(dir + " cannot be read: permission denied.");
        }
        String name = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        if (Files.exists(dir.resolve(SweepFolder.SWEEP_JSON))) {
            SweepFolder.Opened s = SweepFolder.open(dir, limit);
            List<OpenedRun> runs = new ArrayList<>();
            for (SweepPoint p : s.points()) {
                runs.add(new OpenedRun(p.record(), prefix(p.record().origin()) + name + " " + p.setting().label()));
            }
            return List.of(new ResultFile(dir, ResultKind.SWEEP_FOLDER, runs, s.sweep(), ""));
        }
        List<Path> members = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    members.add(p);
                }
            }
        } catch (IOException e) {
            throw new ResultFileException(dir + " cannot be read: " + FileText.reason(e) + ".", e);
        }
        members.sort(null);
        List<ResultFile> out = new ArrayList<>();
        for (Path p : members) {
            try {
                out.add(file(p, limit, name + "/" + stem(p)));
            } catch (ResultFileException e) {
                if (!e.notAResult()) {
                    out.add(ResultFile.failed(p, e.getMessage()));
                }
            }
        }
        if (out.isEmpty()) {
            throw new ResultFileException(dir + " holds nothing to open: no run record, sweep.json, fio JSON or HdrHistogram log.");
        }
        return out;
    }

    private static ResultFile file(Path path, long limit, String stem) {
        FileText f = FileText.read(path, limit);
        String text = f.text();
        if (text == null) {
            throw ResultFileException.notAResult(path);
        }
        String origin = path.toAbsolutePath().normalize().toString();
        int start = JsonText.start(text);
        if (start >= 0 && SavedRun.looksLikeOne(text, start)) {
            RunRecord r = SavedRun.read(f, start, origin);
            return ResultFile.opened(path, ResultKind.RUN_RECORD, List.of(new OpenedRun(r, prefix(r.origin()) + stem)));
        }
        if (start >= 0 && JsonText.mentions(text, start, "\"fio version\"")) {
            JsonNode root = JsonText.parse(f, start, "fio JSON");
            if (!FioOutput.isFio(root)) {
                throw ResultFileException.notAResult(path);
            }
            return fio(path, root, origin, stem);
        }
        if (HdrLog.looksLikeOne(text)) {
            List<HdrLog.HdrRun> runs = HdrLog.runs(f, origin);
            List<OpenedRun> out = new ArrayList<>();
            for (HdrLog.HdrRun r : runs) {
                String suffix = runs.size() == 1 ? "" : " " + (r.tag().isEmpty() ? "untagged" : r.tag());
                out.add(new OpenedRun(r.record(), prefix(r.record().origin()) + stem + suffix));
            }
            return ResultFile.opened(path, ResultKind.HDR_HISTOGRAM_LOG, out);
        }
        if (start >= 0 && text.substring(0, start).isBlank()) {
            JsonText.parse(f, start, "JSON"); // damaged JSON is named with its line; whole JSON of another kind is not ours
        }
        throw ResultFileException.notAResult(path);
    }

    private static ResultFile fio(Path path, JsonNode root, String origin, String stem) {
        List<FioOutput.FioRun> runs = FioOutput.runs(root, origin);
        if (runs.isEmpty()) {
            throw new ResultFileException(path + " is fio JSON in which no job completed any I/O.");
        }
        boolean bothWays = runs.stream().map(FioOutput.FioRun::direction).distinct().count() > 1;
        boolean severalJobs = runs.stream().map(FioOutput.FioRun::jobIndex).distinct().count() > 1;
        // numjobs=N gives N jobs of one name: number them in file order, "randread#2".
        Map<String, List<Integer>> indexesByName = new HashMap<>();
        for (FioOutput.FioRun r : runs) {
            List<Integer> seen = indexesByName.computeIfAbsent(r.job(), k -> new ArrayList<>());
            if (!seen.contains(r.jobIndex())) {
                seen.add(r.jobIndex());
            }
        }
        List<OpenedRun> out = new ArrayList<>();
        for (FioOutput.FioRun r : runs) {
            StringBuilder label = new StringBuilder(prefix(r.record().origin())).append(stem);
            if (severalJobs) {
                label.append(' ').append(r.job());
                List<Integer> same = indexesByName.get(r.job());
                if (same.size() > 1) {
                    label.append('#').append(same.indexOf(r.jobIndex()) + 1);
                }
            }
            if (bothWays) {
                label.append(' ').append(r.direction());
            }
            out.add(new OpenedRun(r.record(), label.toString()));
        }
        return ResultFile.opened(path, FioOutput.isPlus(root) ? ResultKind.FIO_JSON_PLUS : ResultKind.FIO_JSON, out);
    }

    /** "fio-3.33 " before a file's stem; nothing for this workbench's own runs made on this host. */
    static String prefix(RunOrigin origin) {
        return origin.source() == RunOrigin.Source.WORKBENCH && origin.host().isEmpty() ? "" : origin.label() + " ";
    }

    /** The file name without its last extension: "randread.jsonplus.json" -> "randread.jsonplus". */
    static String stem(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        String n = name == null ? p.toString() : name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
