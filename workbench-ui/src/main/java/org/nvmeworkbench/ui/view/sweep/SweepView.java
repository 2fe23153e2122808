package org.nvmeworkbench.ui.view.sweep;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.jfree.chart.fx.ChartViewer;
import org.nvmeworkbench.core.report.ChartFactory;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/**
 * Sweep: THR x TIME (x iodepth) over the Workload view's workload, then the Pareto chart and the
 * latency heatmap (drawn by core.report's ChartFactory, as in the CLI's report) and the recommendation.
 */
public final class SweepView implements WorkbenchView {
    private final SweepViewModel vm;
    private final BorderPane content = new BorderPane();
    /** Scrolls when the area is too low for the inputs and readable charts together. */
    private final javafx.scene.control.ScrollPane root = new javafx.scene.control.ScrollPane(content);
    private final ChartViewer pareto = new ChartViewer();
    private final ChartImage heatmap = new ChartImage();
    private final ChoiceBox<Integer> heatDepth = new ChoiceBox<>();
    private final StackPane charts = new StackPane();
    private final SplitPane chartPair;

    /** @param opened the sweep folder opened last (File > Open), shown here when it changes; may be null */
    public SweepView(WorkbenchSession session, javafx.beans.value.ObservableValue<SweepResult> opened) {
        vm = new SweepViewModel(session, opened);
        // The Pareto chart shows every setting: the wheel zoomed into empty space with no way back, and a
        // drag did the same; both are off (the tooltips stay).
        pareto.getCanvas().setDomainZoomable(false);
        pareto.getCanvas().setRangeZoomable(false);
        pareto.getCanvas().setOnScroll(null); // the wheel scrolls the view instead
        FlowPane inputs = new FlowPane(14, 6);
        inputs.getChildren().addAll(
                field("THR", "sweep-thr", vm.thresholds(), 9, "THR values, 0's based (7 = signal after 8 completions), e.g. 0,3,7,15"),
                field("TIME", "sweep-time", vm.times(), 7, "TIME values in 100 us units (2 = wait at most 200 us), e.g. 0,1,2"),
                field("iodepth", "sweep-iodepth", vm.iodepths(), 6, "Commands in flight per queue; several values make a third axis"),
                field("I/Os per point", "sweep-ios", vm.iosPerPoint(), 7, "Every setting runs this many I/Os of the Workload view's workload"),
                field("percentile p", "sweep-percentile", vm.percentile(), 4, "The latency percentile judged, e.g. 99 or 99.9"),
                field("<=", "sweep-target", vm.target(), 6, "The latency target, e.g. 200us; empty for none"));
        ChoiceBox<SweepCost> cost = new ChoiceBox<>(FXCollections.observableArrayList(SweepCost.values()));
        cost.setId("sweep-cost");
        cost.setConverter(new StringConverter<>() {
            @Override
            public String toString(SweepCost c) {
                return c == null ? "" : "fewest " + c.label();
            }

            @Override
            public SweepCost fromString(String s) {
                return null;
            }
        });
        cost.valueProperty().bindBidirectional(vm.cost());
        inputs.getChildren().add(new HBox(6, new Label("minimise"), cost));
        for (Node n : inputs.getChildren()) {
            ((HBox) n).setAlignment(Pos.CENTER_LEFT);
        }

        Label problem = sentence(vm.problem(), "danger");
        problem.setId("sweep-problem");
        Label outcome = sentence(vm.outcome(), "warning");
        outcome.setId("sweep-outcome");

        Button start = new Button("Start sweep", Icons.node(AppIcon.RUN, 16));
        start.setId("sweep-start");
        start.disableProperty().bind(vm.canStart().not());
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel", Icons.node(AppIcon.STOP, 16));
        cancel.setId("sweep-cancel");
        cancel.disableProperty().bind(vm.canCancel().not());
        cancel.setOnAction(e -> vm.cancel());
        // A long status sentence (a real device's summary) wraps; it must not squeeze the buttons to "..." (nor the bar).
        start.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("sweep-progress");
        progress.setPrefWidth(160);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(Bindings.when(vm.sweeping()).then(session.runProgress()).otherwise(
                Bindings.when(vm.result().isNull()).then(0.0).otherwise(1.0)));
        // Before a sweep it says what Start will do; during and after, how far it got.
        javafx.beans.binding.StringBinding status = Bindings.when(vm.progressText().isEmpty()).then(vm.summary())
                .otherwise(vm.progressText());
        Label progressText = sentence(status, "text-muted");
        progressText.setId("sweep-status");
        HBox controls = new HBox(8, start, cancel, progress, progressText);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label recommendation = new Label();
        recommendation.setId("sweep-recommendation");
        recommendation.setWrapText(true);
        recommendation.setMinHeight(Region.USE_PREF_SIZE);
        recommendation.visibleProperty().bind(recommendation.textProperty().isNotEmpty());
        recommendation.managedProperty().bind(recommendation.visibleProperty());
        Button propose = new Button("Propose in Coalescing editor", Icons.node(AppIcon.COALESCING, 16));
        propose.setId("sweep-propose");
        propose.disableProperty().bind(vm.canPropose().not());
        propose.setOnAction(e -> vm.propose());
        propose.setMinWidth(Region.USE_PREF_SIZE);
        propose.setTooltip(new Tooltip("Puts the recommended THR and TIME into the Coalescing view; Apply there sets them"));
        HBox.setHgrow(recommendation, Priority.ALWAYS);
        Button save = new Button("Save sweep report...", Icons.node(AppIcon.SAVE, 16));
        save.setId("sweep-save");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(vm.canSave().not());
        save.setTooltip(new Tooltip("The recommendation, both charts and the table in one HTML (or PDF) file, as sweep --report writes"));
        save.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.setTitle("Save the sweep report");
            fc.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter("HTML (*.html)", "*.html"),
                    new javafx.stage.FileChooser.ExtensionFilter("PDF (*.pdf)", "*.pdf"));
            fc.setInitialFileName("sweep.html");
            java.io.File f = fc.showSaveDialog(save.getScene() == null ? null : save.getScene().getWindow());
            if (f != null) {
                vm.saveReport(f.toPath());
            }
        });
        HBox result = new HBox(10, recommendation, new VBox(6, propose, save));
        result.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(8, inputs, problem, controls, outcome, result);
        top.setPadding(new Insets(8));

        pareto.setId("sweep-pareto");
        heatmap.setId("sweep-heatmap");
        heatDepth.setId("sweep-heat-iodepth");
        heatDepth.valueProperty().addListener((o, a, b) -> drawHeatmap(vm.result().get()));
        Label depthLabel = new Label("heatmap at iodepth");
        HBox heatBar = new HBox(6, depthLabel, heatDepth);
        heatBar.setAlignment(Pos.CENTER_LEFT);
        heatBar.visibleProperty().bind(Bindings.size(heatDepth.getItems()).greaterThan(1));
        heatBar.managedProperty().bind(heatBar.visibleProperty());
        controls.getChildren().add(heatBar);
        chartPair = new SplitPane(pareto, heatmap);
        chartPair.setOrientation(Orientation.HORIZONTAL);
        chartPair.setDividerPositions(0.55);

        vm.result().addListener((o, a, r) -> show(r));
        show(null);
        content.setTop(top);
        content.setCenter(charts);
        charts.setMinHeight(260);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        recommendation.textProperty().bind(Bindings.createStringBinding(vm::recommendationText, vm.result()));
        vm.result().addListener((o, a, r) -> {
            recommendation.getStyleClass().removeAll("success", "warning");
            recommendation.getStyleClass().add(r != null && r.recommendation().meetsTarget() ? "success" : "warning");
        });
    }

    public SweepViewModel viewModel() {
        return vm;
    }

    /** The Pareto chart's viewer (tests: it must not zoom). */
    ChartViewer paretoViewer() {
        return pareto;
    }

    private void show(SweepResult r) {
        if (r == null || r.points().isEmpty()) {
            charts.getChildren().setAll(new EmptyState("No sweep yet: set the grid and the latency target, then Start sweep. "
                    + "The Pareto chart and the heatmap appear as the settings finish."));
            return;
        }
        pareto.setChart(org.nvmeworkbench.ui.theme.ChartTheming.apply(
                ChartFactory.pareto(r.tradeOffs(), r.cost().label(), r.percentileName(), r.targetNanos()),
                org.nvmeworkbench.ui.theme.Theme.now()));
        if (!heatDepth.getItems().equals(r.grid().iodepths())) {
            heatDepth.getItems().setAll(r.grid().iodepths());
        }
        Integer chosen = r.recommendation().chosen() == null ? null : r.recommendation().chosen().setting().iodepth();
        if (heatDepth.getValue() == null || !r.grid().iodepths().contains(heatDepth.getValue())) {
            heatDepth.setValue(chosen != null ? chosen : r.grid().iodepths().get(0));
        }
        drawHeatmap(r);
        if (charts.getChildren().size() != 1 || charts.getChildren().get(0) != chartPair) {
            charts.getChildren().setAll(chartPair);
        }
    }

    private void drawHeatmap(SweepResult r) {
        Integer d = heatDepth.getValue();
        if (r == null || d == null) {
            return;
        }
        heatmap.setChart(org.nvmeworkbench.ui.theme.ChartTheming.apply(ChartFactory.heatmap(r.grid().thresholds(),
                r.grid().times(), r.latencyGrid(d), r.percentileName() + " over THR x TIME at iodepth " + d),
                org.nvmeworkbench.ui.theme.Theme.now()));
    }

    private static HBox field(String label, String id, javafx.beans.property.StringProperty p, int columns, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(p);
        f.setTooltip(new Tooltip(tip));
        return new HBox(6, new Label(label), f);
    }

    private static Label sentence(ObservableStringValue text, String style) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    @Override
    public void close() {
        vm.dispose();
    }

    @Override
    public Node node() {
        return root;
    }
}
