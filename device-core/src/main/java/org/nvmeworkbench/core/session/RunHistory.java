package org.nvmeworkbench.core.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

/**
 * A session's runs on disk: one run record per file in a folder, kept across restarts. Each run is
 * saved atomically as it finishes, so a crash loses at most the run in progress.
 */
public final class RunHistory {
    private static final Logger LOG = Logger.getLogger(RunHistory.class.getName());

    private final Path dir;
    private int saved;
    private final List<String> skipped = new ArrayList<>();

    /** @param dir where run records are kept, or null to keep them in memory only */
    public RunHistory(Path dir) {
        this.dir = dir;
    }

    /** A history that keeps nothing on disk. */
    public static RunHistory inMemory() {
        return new RunHistory(null);
    }

    public Path dir() {
        return dir;
    }

    /** The runs saved in the folder, oldest first; a file that cannot be read is skipped and logged. */
    public List<RunRecord> load() {
        List<RunRecord> out = new ArrayList<>();
        skipped.clear();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(RunStore.load(f));
                } catch (RuntimeException e) {
                    LOG.fine(() -> "Skipped a run record: " + e.getMessage());
                    skipped.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list the runs in " + dir + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(RunRecord::startedAt));
        saved = out.size();
        return out;
    }

    /** Why each run record the last {@link #load} skipped could not be read, one sentence each, for the window. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * Keeps {@code r} on disk.
     *
     * @return null when it was kept (or there is no folder), else the sentence saying why it was not
     */
    public String save(RunRecord r) {
        if (dir == null) {
            return null;
        }
        saved++;
        Path file = dir.resolve("run-" + r.startedAt().toEpochMilli() + "-" + saved + ".json");
        try {
            Files.createDirectories(dir);
            RunStore.save(file, r);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not keep the run in " + dir + ": " + e.getMessage());
            Path blocking = dir;
            while (blocking != null && !Files.exists(blocking)) {
                blocking = blocking.getParent();
            }
            if (blocking != null && !Files.isDirectory(blocking)) {
                return "Runs are not kept: " + blocking + " is a file, not a folder; move it away to keep them.";
            }
            return "The run finished but could not be saved to " + dir + ": "
                    + (e instanceof IOException io ? org.nvmeworkbench.core.record.WriteFailure.reason(io) : e.getMessage()) + ".";
        }
    }
}
