package org.nvmeworkbench.ui.view.workload;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** Workload: fio's options, start/stop/rerun and the run's progress. */
public final class WorkloadView implements WorkbenchView {
    /** Simulator pacing choices: factor and what it means. */
    private static final double[] SPEEDS = {0, 1, 0.1, 0.01};
    private static final String[] SPEED_NAMES = {"as fast as possible", "1x (live)", "0.1x (slow motion)", "0.01x (lab)"};

    private final ScrollPane root;

    private final WorkloadViewModel vm;

    public WorkloadView(WorkbenchSession session) {
        vm = new WorkloadViewModel(session);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the names are never cut short
        g.getColumnConstraints().add(names);
        ChoiceBox<ReadWrite> rw = new ChoiceBox<>(FXCollections.observableArrayList(ReadWrite.values()));
        rw.valueProperty().bindBidirectional(vm.rw());
        int row = 0;
        g.addRow(row++, new Label("rw"), rw);
        row = field(g, row, "bs", "bs", vm.blockSize());
        row = field(g, row, "iodepth", "iodepth", vm.iodepth());
        row = field(g, row, "queues", "queues", vm.queues());
        row = field(g, row, "runtime", "runtime", vm.runtime());
        row = field(g, row, "ios (0 = no limit)", "ios", vm.ios());
        row = field(g, row, "seed", "seed", vm.seed());
        row = field(g, row, "cpus_allowed", "cpus-allowed", vm.cpusAllowed());
        row = field(g, row, "cpus_allowed_policy", "cpus-allowed-policy", vm.cpusAllowedPolicy());
        row = field(g, row, "numa_cpu_nodes", "numa-cpu-nodes", vm.numaCpuNodes());
        row = field(g, row, "numa_mem_policy", "numa-mem-policy", vm.numaMemPolicy());
        row = field(g, row, "irq affinity", "irq-affinity", vm.irqAffinity());
        ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(0.0, 1.0, 0.1, 0.01));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                for (int i = 0; i < SPEEDS.length; i++) {
                    if (d != null && SPEEDS[i] == d) {
                        return SPEED_NAMES[i];
                    }
                }
                return d == null ? "" : d + "x";
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.setValue(session.simSpeed().get());
        speed.valueProperty().addListener((o, a, b) -> session.simSpeed().set(b));
        g.addRow(row++, new Label("simulator speed"), speed);

        Label problem = new Label();
        problem.textProperty().bind(vm.problem());
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setId("workload-problem");

        Label writeNote = new Label();
        writeNote.textProperty().bind(vm.writeNote());
        writeNote.getStyleClass().add("warning");
        writeNote.setWrapText(true);
        writeNote.setId("workload-write-note");
        writeNote.visibleProperty().bind(vm.writeNote().isNotEmpty());
        writeNote.managedProperty().bind(writeNote.visibleProperty());
        Label outcome = new Label();
        outcome.textProperty().bind(vm.outcome());
        outcome.getStyleClass().add("danger");
        outcome.setWrapText(true);
        outcome.setId("workload-outcome");
        outcome.visibleProperty().bind(vm.outcome().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());

        Button start = new Button("Start", Icons.node(AppIcon.RUN, 16));
        start.setId("start-run");
        start.disableProperty().bind(vm.canStart().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop", Icons.node(AppIcon.STOP, 16));
        stop.disableProperty().bind(vm.canStop().not());
        stop.setOnAction(e -> vm.stop());
        Button rerun = new Button("Rerun", Icons.node(AppIcon.RERUN, 16));
        rerun.setId("rerun");
        rerun.disableProperty().bind(vm.canRerun().not());
        rerun.setOnAction(e -> vm.rerun());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(session.runProgress());
        progress.setMaxWidth(Double.MAX_VALUE);

        Button importJob = new Button("Import .fio job...", Icons.node(AppIcon.IMPORT, 16));
        importJob.setId("workload-import");
        importJob.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Import a fio job file");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("fio job files (*.fio, *.ini)", "*.fio", "*.ini"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            java.io.File f = fc.showOpenDialog(importJob.getScene() == null ? null : importJob.getScene().getWindow());
            if (f != null) {
                vm.importJob(f.toPath());
            }
        });
        Label imported = new Label();
        imported.setId("workload-imported");
        imported.textProperty().bind(vm.imported());
        imported.setWrapText(true);
        imported.getStyleClass().add("text-muted");
        imported.visibleProperty().bind(vm.imported().isNotEmpty());
        imported.managedProperty().bind(imported.visibleProperty());
        Label importProblem = new Label();
        importProblem.setId("workload-import-problem");
        importProblem.textProperty().bind(vm.importProblem());
        importProblem.setWrapText(true);
        importProblem.getStyleClass().add("danger");
        importProblem.visibleProperty().bind(vm.importProblem().isNotEmpty());
        importProblem.managedProperty().bind(importProblem.visibleProperty());
        // Each option that does not apply, visibly: nothing from the file is dropped silently.
        Label warnings = new Label();
        warnings.setId("workload-import-warnings");
        warnings.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.importWarnings().isEmpty() ? ""
                : "Not applied:\n- " + String.join("\n- ", vm.importWarnings()), vm.importWarnings()));
        warnings.setWrapText(true);
        warnings.getStyleClass().add("warning");
        warnings.visibleProperty().bind(warnings.textProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());

        // A file of several jobs: which one fills the fields is the user's choice, shown, never silently the first.
        ComboBox<String> jobChoice = new ComboBox<>(vm.importableJobs());
        jobChoice.setId("workload-import-job");
        jobChoice.setPromptText("Job of the file");
        vm.importableJobs().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!vm.importableJobs().isEmpty()) {
                jobChoice.getSelectionModel().select(0);
            }
        });
        jobChoice.setOnAction(e -> {
            int i = jobChoice.getSelectionModel().getSelectedIndex();
            if (i >= 0) {
                vm.chooseJob(i);
            }
        });
        jobChoice.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.importableJobs()));
        jobChoice.managedProperty().bind(jobChoice.visibleProperty());

        VBox box = new VBox(8, importJob, jobChoice, imported, importProblem, warnings, g, problem, writeNote,
                new HBox(6, start, stop, rerun), progress, outcome);
        box.setPadding(new Insets(8));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
    }

    private static int field(GridPane g, int row, String label, String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId("workload-" + id);
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(p);
        Label l = new Label(label);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "ios (0 = no limit)" in full, never "ios (0 = no li..."
        g.addRow(row, l, f);
        return row + 1;
    }

    public WorkloadViewModel viewModel() {
        return vm;
    }

    @Override
    public Node node() {
        return root;
    }
}
