package org.nvmeworkbench.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.resultfile.ResultListing;
import org.nvmeworkbench.ui.session.ResultOpener;
import org.nvmeworkbench.ui.view.runs.RunSelection;

/** The window's ways in for results made elsewhere: File > Open, Open sweep folder, and a drop of files or folders. */
final class OpenResults {
    private final ResultOpener opener;
    private final Supplier<Window> window;
    private final Consumer<String> bringToFront;
    private final RunSelection selection;
    private final List<RunRecord> history;

    /**
     * @param bringToFront shows a view by id (the Sweep view, for a sweep folder)
     * @param selection    the runs selected in Runs: after an open, the opened runs beside the newest run made here
     * @param history      the session's runs
     */
    OpenResults(ResultOpener opener, Supplier<Window> window, Consumer<String> bringToFront, RunSelection selection,
                List<RunRecord> history) {
        this.opener = opener;
        this.window = window;
        this.bringToFront = bringToFront;
        this.selection = selection;
        this.history = history;
    }

    /** File > Open: run records, fio JSON or JSON+ output, HdrHistogram logs; several at once. */
    void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open results");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Results (run records, fio JSON, HdrHistogram logs)", "*.json", "*.hlog",
                        "*.out", "*.log"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(window.get());
        if (chosen != null) {
            open(chosen.stream().map(File::toPath).toList());
        }
    }

    /** File > Open sweep folder: a sweep's --save-dir, or any folder of run records. */
    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a sweep folder");
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            open(List.of(dir.toPath()));
        }
    }

    /** Opens {@code paths}; a sweep folder among them brings the Sweep view to the front. */
    CompletableFuture<ResultListing> open(List<Path> paths) {
        return opener.open(paths).whenComplete((listing, t) -> {
            if (listing == null) {
                return;
            }
            if (listing.files().stream().anyMatch(f -> f.sweep() != null)) {
                bringToFront.accept("sweep");
            } else if (!listing.records().isEmpty()) {
                selectOpened(listing.records());
            }
        });
    }

    /**
     * Selects the opened runs, after the newest run this workbench made here, so Latency overlays them and Runs
     * compares them against it: a kernel fio run beside the workbench's own is what an open is usually for.
     */
    private void selectOpened(List<RunRecord> opened) {
        List<RunRecord> pick = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            RunRecord r = history.get(i);
            if (r.origin().file().isEmpty() && r.origin().host().isEmpty()) {
                pick.add(r);
                break;
            }
        }
        for (RunRecord o : opened) {
            history.stream().filter(o::sameRunAs).findFirst().ifPresent(pick::add);
        }
        selection.select(pick);
    }

    /** Files and folders dropped anywhere on {@code root} open as results. */
    void acceptDrops(Node root) {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
