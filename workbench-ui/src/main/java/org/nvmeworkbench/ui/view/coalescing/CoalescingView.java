package org.nvmeworkbench.ui.view.coalescing;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** Coalescing: the Feature 08h/09h editor, with what the values mean as you type. */
public final class CoalescingView implements WorkbenchView {
    private final CoalescingViewModel vm;
    private final ScrollPane root;

    public CoalescingView(WorkbenchSession session) {
        vm = new CoalescingViewModel(session);
        TextField thr = new TextField();
        thr.setId("coalescing-thr");
        thr.setPrefColumnCount(5);
        thr.textProperty().bindBidirectional(vm.threshold());
        TextField time = new TextField();
        time.setId("coalescing-time");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(vm.time());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("THR (0's based)"), thr);
        g.addRow(1, new Label("TIME (x 100 us)"), time);

        Label meaning = wrapped(vm.meaning(), "accent");
        meaning.setId("coalescing-meaning");
        Label problem = wrapped(vm.problem(), "danger");
        problem.setId("coalescing-problem");
        Label warning = wrapped(vm.warning(), "warning");
        Label suggestion = wrapped(vm.suggestion(), "success");
        suggestion.setId("coalescing-suggestion");
        Label outcome = wrapped(vm.outcome(), "text-muted");
        outcome.setId("coalescing-outcome");

        FlowPane cd = new FlowPane(8, 4);
        Runnable fill = () -> {
            cd.getChildren().clear();
            for (CoalescingViewModel.VectorCd v : vm.vectors()) {
                CheckBox c = new CheckBox("IV " + v.iv());
                c.selectedProperty().bindBidirectional(v.coalescingDisabled());
                cd.getChildren().add(c);
            }
        };
        vm.vectors().addListener((ListChangeListener<CoalescingViewModel.VectorCd>) c -> fill.run());
        fill.run();

        Button apply = new Button("Apply", Icons.node(AppIcon.APPLY, 16));
        apply.setId("coalescing-apply");
        apply.disableProperty().bind(vm.canApply().not());
        apply.setOnAction(e -> vm.apply());
        Button applyRerun = new Button("Apply & rerun", Icons.node(AppIcon.APPLY_AND_RERUN, 16));
        applyRerun.setId("coalescing-apply-rerun");
        applyRerun.disableProperty().bind(vm.canApply().not());
        applyRerun.setOnAction(e -> vm.applyAndRerun());

        Label cdTitle = new Label("Coalescing Disable (Feature 09h CD) for the next run's vectors:");
        cdTitle.setWrapText(true);
        Label cdNote = new Label("09h configures only a vector an I/O completion queue uses: during a run Apply sets CD on the run's vectors; between runs it goes through a short-lived queue on each vector, and the next runs keep it.");
        cdNote.setWrapText(true);
        cdNote.getStyleClass().add("text-muted");
        VBox box = new VBox(8, g, meaning, problem, cdTitle, cd, cdNote, warning, new HBox(6, apply, applyRerun),
                outcome, suggestion);
        box.setPadding(new Insets(8));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
    }

    private static Label wrapped(javafx.beans.value.ObservableStringValue text, String style) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        vm.dispose();
    }
}
