package org.nvmeworkbench.ui.view.export;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;

/**
 * The Export dialog: nodes only, the state is in {@link ExportViewModel}. Shown without blocking (no
 * nested event loop); it stays open after an export so its outcome can be read, and Close closes it.
 */
public final class ExportDialog {
    private final ExportViewModel vm;
    private final VBox root;
    private final ListView<RunRecord> runs;
    private Stage stage;

    public ExportDialog(ExportViewModel vm) {
        this.vm = vm;
        ListView<RunRecord> runs = new ListView<>(vm.history());
        runs.setId("export-runs");
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.setPrefHeight(150);
        runs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : vm.label(r) + String.format("  (p99 %.1f us)",
                        r.latency().valueAtPercentile(99) / 1e3));
            }
        });
        for (RunRecord r : vm.selected()) {
            runs.getSelectionModel().select(r);
        }
        this.runs = runs;
        runs.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c ->
                vm.selected().setAll(new ArrayList<>(runs.getSelectionModel().getSelectedItems())));

        ChoiceBox<ReportExporter> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(vm.formats());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportExporter e) {
                if (e == null) {
                    return "";
                }
                String d = e.description();
                return e.formatId() + (d == null || d.equals(e.formatId()) ? "" : ": " + d) + " (." + e.fileExtension() + ")";
            }

            @Override
            public ReportExporter fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(vm.format());
        format.setMaxWidth(Double.MAX_VALUE);

        TextField file = new TextField();
        file.setId("export-file");
        file.textProperty().bindBidirectional(vm.file());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose...", Icons.node(AppIcon.SAVE, 16));
        choose.setId("export-choose");
        choose.setOnAction(e -> choose());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Format"), format);
        g.addRow(1, new Label("File"), new HBox(6, file, choose));
        GridPane.setHgrow(format, Priority.ALWAYS);
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(),
                new javafx.scene.layout.ColumnConstraints(200, 420, Double.MAX_VALUE, Priority.ALWAYS, javafx.geometry.HPos.LEFT, true));

        Label hint = new Label("Select one run for a latency report, several for a side-by-side comparison "
                + "(the oldest is the baseline of the deltas).");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        hint.setMinHeight(Region.USE_PREF_SIZE);
        Label problem = sentence(vm.problem(), "danger");
        problem.setId("export-problem");
        Label outcome = sentence(vm.outcome(), "text-muted");
        outcome.setId("export-outcome");
        vm.failed().addListener((o, a, bad) -> {
            outcome.getStyleClass().removeAll("danger", "success", "text-muted");
            outcome.getStyleClass().add(bad ? "danger" : "success");
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busy());

        Button export = new Button("Export", Icons.node(AppIcon.EXPORT_REPORT, 16));
        export.setId("export-start");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.canExport().not());
        export.setOnAction(e -> vm.export());
        Button close = new Button("Close");
        close.setId("export-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        HBox buttons = new HBox(8, busy, export, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label runsTitle = new Label("Runs");
        runsTitle.setStyle("-fx-font-weight: bold");
        root = new VBox(8, runsTitle, runs, hint, g, problem, outcome, buttons);
        root.setId("export-dialog");
        root.setPadding(new Insets(12));
        root.setPrefWidth(640);
        VBox.setVgrow(runs, Priority.ALWAYS);
    }

    private static Label sentence(javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    public Parent root() {
        return root;
    }

    public ExportViewModel viewModel() {
        return vm;
    }

    /** Opens the dialog over {@code owner} without blocking. */
    public void show(Window owner) {
        stage = new Stage();
        stage.setTitle("Export report");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(root);
        stage.setScene(scene);
        stage.show();
        if (!vm.selected().isEmpty()) {
            // Once laid out, so the first selected run shows whole (before, the list scrolls by guessed row heights).
            int first = vm.history().size();
            for (RunRecord r : vm.selected()) {
                first = Math.min(first, vm.history().indexOf(r));
            }
            int at = first;
            javafx.application.Platform.runLater(() -> runs.scrollTo(Math.max(0, at - 1)));
        }
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private void choose() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export report");
        ReportExporter e = vm.format().get();
        if (e != null) {
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(e.formatId() + " (*." + e.fileExtension() + ")",
                    "*." + e.fileExtension()));
        }
        Path current = vm.target();
        if (current != null) {
            Path dir = current.toAbsolutePath().getParent();
            if (dir != null && dir.toFile().isDirectory()) {
                fc.setInitialDirectory(dir.toFile());
            }
            fc.setInitialFileName(current.getFileName().toString());
        }
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.file().set(f.getPath());
        }
    }

    /** For tests and scripts: the runs the dialog would export. */
    public List<RunRecord> selected() {
        return List.copyOf(vm.selected());
    }
}
