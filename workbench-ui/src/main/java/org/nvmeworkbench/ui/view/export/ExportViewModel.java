package org.nvmeworkbench.ui.view.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportExporters;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.AtomicFile;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.ui.task.TaskExecutor;
import org.nvmeworkbench.ui.view.runs.RunComparison;

/**
 * File > Export: which runs, which format (whatever the report-exporter SPI offers, plugin folder
 * included) and which file. The report is rendered and written in the background (all or nothing,
 * through {@link AtomicFile}); what went wrong is one sentence in {@link #outcome()}.
 */
public final class ExportViewModel {
    private final ObservableList<RunRecord> history;
    private final List<ReportExporter> formats;
    private final TaskExecutor files;
    private final ObservableList<RunRecord> selected = FXCollections.observableArrayList();
    private final ObjectProperty<ReportExporter> format = new SimpleObjectProperty<>(this, "format");
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canExport;

    /**
     * @param history     the session's runs
     * @param preselected the runs to start with (the Runs view's selection); the last run when empty
     * @param exporters   the formats offered
     * @param files       where the rendering and writing run
     * @param folder      where the suggested file goes
     */
    public ExportViewModel(ObservableList<RunRecord> history, List<RunRecord> preselected, ReportExporters exporters,
                           TaskExecutor files, Path folder) {
        this.history = history;
        this.formats = exporters.all();
        this.files = files;
        selected.setAll(preselected.isEmpty() && !history.isEmpty() ? List.of(history.get(history.size() - 1)) : preselected);
        format.set(exporters.find("html").orElse(formats.isEmpty() ? null : formats.get(0)));
        file.set(folder == null ? "" : folder.resolve(suggestedName(format.get())).toString());
        format.addListener((o, was, now) -> swapExtension(was, now));
        file.addListener((o, a, b) -> revalidate());
        format.addListener((o, a, b) -> revalidate());
        selected.addListener((ListChangeListener<RunRecord>) c -> {
            renameIfSuggested();
            revalidate();
        });
        canExport = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !busy.get(), problem, busy);
        revalidate();
    }

    public ObservableList<RunRecord> history() { return history; }
    /** The runs in the report; the first one is the baseline of the comparison. */
    public ObservableList<RunRecord> selected() { return selected; }
    public List<ReportExporter> formats() { return formats; }
    public ObjectProperty<ReportExporter> format() { return format; }
    public StringProperty file() { return file; }
    /** Why the export cannot start as things are, or empty. */
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    /** How the last export ended, one sentence. */
    public ReadOnlyStringProperty outcome() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failed() { return failed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    public BooleanBinding canExport() { return canExport; }

    /** "#3 randread, THR 7 TIME 2": the label the Runs table shows. */
    public String label(RunRecord r) {
        return RunComparison.label(history.indexOf(r), r);
    }

    /** e.g. {@code run-3.html} or {@code runs-2-5.html}, from the selected runs' positions in the history. */
    public String suggestedName(ReportExporter e) {
        String ext = e == null ? "txt" : e.fileExtension();
        List<RunRecord> runs = ordered();
        if (runs.isEmpty()) {
            return "report." + ext;
        }
        int first = history.indexOf(runs.get(0)) + 1;
        int last = history.indexOf(runs.get(runs.size() - 1)) + 1;
        return (runs.size() == 1 ? "run-" + first : "runs-" + first + "-" + last) + "." + ext;
    }

    /** The selection in history order, so the oldest run is the baseline. */
    private List<RunRecord> ordered() {
        List<RunRecord> runs = new ArrayList<>(selected);
        runs.sort(Comparator.comparingInt(history::indexOf));
        return runs;
    }

    /** A file name the workbench suggested follows the selection; one the user typed is kept. */
    private void renameIfSuggested() {
        Path p = target();
        if (p != null && p.getFileName() != null
                && p.getFileName().toString().matches("(run-\\d+|runs-\\d+-\\d+|report)\\.[A-Za-z0-9]+")) {
            file.set(p.resolveSibling(suggestedName(format.get())).toString());
        }
    }

    /** Keeps the file name's extension matching the format, when it matched the previous one. */
    private void swapExtension(ReportExporter was, ReportExporter now) {
        String f = file.get();
        if (now == null || f.isBlank()) {
            return;
        }
        String oldExt = was == null ? null : "." + was.fileExtension();
        if (oldExt != null && f.toLowerCase(Locale.ROOT).endsWith(oldExt.toLowerCase(Locale.ROOT))) {
            file.set(f.substring(0, f.length() - oldExt.length()) + "." + now.fileExtension());
        } else if (!f.contains(".")) {
            file.set(f + "." + now.fileExtension());
        }
    }

    private void revalidate() {
        problem.set(check());
    }

    private String check() {
        if (selected.isEmpty()) {
            return "Select at least one run to export.";
        }
        if (format.get() == null) {
            return "No report format is installed, so there is nothing to export with.";
        }
        Path p = target();
        if (p == null) {
            return file.get().isBlank() ? "Choose the file to write the report to."
                    : "'" + file.get().strip() + "' is not a file name this system accepts.";
        }
        if (Files.isDirectory(p)) {
            return p + " is a folder; name the file to write.";
        }
        Path dir = p.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            return "The folder " + dir + " does not exist.";
        }
        return "";
    }

    /** The file as typed, or null when it is blank or not a path. */
    public Path target() {
        String f = file.get().strip();
        if (f.isEmpty()) {
            return null;
        }
        try {
            return Path.of(f);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The report the selected runs make, labelled as in the Runs table. */
    public ReportModel model() {
        List<RunRecord> runs = ordered();
        List<String> labels = new ArrayList<>();
        for (RunRecord r : runs) {
            labels.add(label(r));
        }
        ReportModel plain = ReportModel.of(runs);
        return new ReportModel(plain.title(), plain.generatedAt(), runs, labels);
    }

    /** Renders and writes the report in the background; completes with the file, or fails with the sentence shown. */
    public CompletableFuture<Path> export() {
        String p = check();
        if (!p.isEmpty()) {
            said(p, true);
            return CompletableFuture.failedFuture(new IllegalStateException(p));
        }
        ReportExporter e = format.get();
        ReportModel model = model();
        Path target = target();
        String what = e.formatId() + " report of " + model.size() + (model.size() == 1 ? " run" : " runs");
        CompletableFuture<Path> done = new CompletableFuture<>();
        busy.set(true);
        said("Writing the " + what + "...", false);
        files.submit("Export " + what, progress -> {
            progress.update(0.1, "Rendering " + e.formatId());
            byte[] bytes = render(e, model);
            progress.update(0.8, "Writing " + target.getFileName());
            try {
                AtomicFile.write(target, bytes);
            } catch (IOException | RuntimeException x) {
                throw new IllegalStateException("Could not write " + target + ": " + Failures.sentence(x), x);
            }
            progress.update(1, null);
            return target;
        }, path -> {
            busy.set(false);
            said("Wrote the " + what + " to " + path + ".", false);
            done.complete(path);
        }, t -> {
            busy.set(false);
            said(Failures.sentence(t), true);
            done.completeExceptionally(t);
        });
        return done;
    }

    /** The whole report in memory first, so a failing exporter never leaves a partial file. */
    static byte[] render(ReportExporter e, ReportModel model) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        try {
            e.export(model, buf);
        } catch (IOException | RuntimeException x) {
            throw new IllegalStateException("The " + e.formatId() + " exporter failed: " + Failures.sentence(x), x);
        } catch (LinkageError x) {
            // A plugin jar built against other classes than ours: name the missing piece, not just its path.
            throw new IllegalStateException("The " + e.formatId() + " exporter failed: " + x.getClass().getSimpleName()
                    + (x.getMessage() == null ? "" : " (" + x.getMessage() + ")") + "; its plugin may need rebuilding.", x);
        }
        return buf.toByteArray();
    }

    private void said(String sentence, boolean failure) {
        outcome.set(sentence);
        failed.set(failure);
    }
}
