package org.nvmeworkbench.ui.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.resultfile.ResultFile;
import org.nvmeworkbench.core.resultfile.ResultFiles;
import org.nvmeworkbench.core.resultfile.ResultListing;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.ui.task.TaskExecutor;

/**
 * Opens results made anywhere (File > Open, a drop on the window, file arguments at start): run records,
 * sweep folders, fio JSON and JSON+, HdrHistogram logs. Files are read away from the FX thread and the device
 * thread, so opening never waits for a run; the runs join the session's Runs beside its own, marked by their
 * origin, and a sweep folder's result goes to the Sweep view. Each file that cannot be opened is one sentence
 * in the status message; the others still open. Nothing is ever written to an opened file.
 */
public final class ResultOpener {
    private final WorkbenchSession session;
    private final TaskExecutor files;
    private final ReadOnlyObjectWrapper<SweepResult> openedSweep = new ReadOnlyObjectWrapper<>(this, "openedSweep");
    private final ReadOnlyObjectWrapper<List<String>> problems = new ReadOnlyObjectWrapper<>(this, "problems", List.of());

    public ResultOpener(WorkbenchSession session, TaskExecutor files) {
        this.session = session;
        this.files = files;
    }

    /** The sweep folder opened last, for the Sweep view. */
    public ReadOnlyObjectProperty<SweepResult> openedSweep() {
        return openedSweep.getReadOnlyProperty();
    }

    /** The sentences of the files the last open could not read. */
    public ReadOnlyObjectProperty<List<String>> problems() {
        return problems.getReadOnlyProperty();
    }

    /** Opens {@code paths}; completes on the FX thread once the runs are in Runs. */
    public CompletableFuture<ResultListing> open(List<Path> paths) {
        CompletableFuture<ResultListing> done = new CompletableFuture<>();
        if (paths.isEmpty()) {
            done.complete(new ResultListing(List.of()));
            return done;
        }
        session.message().set("Opening " + describe(paths) + "...");
        files.submit("Open " + describe(paths), p -> ResultFiles.open(paths), listing -> {
            done.complete(land(listing));
        }, t -> {
            session.message().set(org.nvmeworkbench.core.session.Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    private ResultListing land(ResultListing listing) {
        List<RunRecord> fresh = new ArrayList<>();
        for (RunRecord r : listing.records()) {
            // The same file opened again adds nothing: its runs are there already.
            if (session.runs().stream().noneMatch(r::sameRunAs) && fresh.stream().noneMatch(r::sameRunAs)) {
                fresh.add(r);
            }
        }
        session.core().addOpened(fresh);
        for (ResultFile f : listing.files()) {
            if (f.ok() && f.sweep() != null) {
                openedSweep.set(f.sweep());
            }
        }
        problems.set(listing.problems());
        session.message().set(summary(listing, fresh.size()));
        return listing;
    }

    /** "Opened 3 runs from 2 files." then each file's problem, one sentence each. */
    static String summary(ResultListing listing, int added) {
        long opened = listing.files().stream().filter(ResultFile::ok).count();
        int runs = listing.runs().size();
        StringBuilder sb = new StringBuilder();
        if (opened > 0) {
            sb.append("Opened ").append(runs).append(runs == 1 ? " run" : " runs").append(" from ").append(opened)
                    .append(opened == 1 ? " file" : " files");
            if (added < runs) {
                sb.append(" (").append(runs - added).append(" already in Runs)");
            }
            sb.append('.');
        }
        for (String problem : listing.problems()) {
            sb.append(sb.length() == 0 ? "" : " ").append(problem);
        }
        return sb.toString();
    }

    private static String describe(List<Path> paths) {
        return paths.size() == 1 ? String.valueOf(paths.get(0).getFileName()) : paths.size() + " files";
    }
}
