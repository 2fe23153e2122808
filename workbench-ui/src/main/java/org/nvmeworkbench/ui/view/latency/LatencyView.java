package org.nvmeworkbench.ui.view.latency;

import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import org.jfree.chart.fx.ChartViewer;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.report.ChartFactory;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.theme.ChartTheming;
import org.nvmeworkbench.ui.theme.Theme;
import org.nvmeworkbench.ui.view.EmptyState;
import org.nvmeworkbench.ui.view.runs.RunSelection;

/**
 * Latency: histogram, percentile spectrum and time series of the run under way, or of the runs selected
 * in Runs (or the newest), overlaid, drawn by core.report's ChartFactory; which runs is the
 * {@link LatencyViewModel}'s. Only the tab on show is drawn; another is drawn when it is chosen.
 */
public final class LatencyView implements WorkbenchView {
    private final LatencyViewModel vm;
    private final StackPane root = new StackPane();
    private final ChartViewer histogram = new ChartViewer();
    private final ChartViewer percentiles = new ChartViewer();
    private final ChartViewer series = new ChartViewer();
    private final TabPane tabs = new TabPane(new Tab("Histogram", histogram), new Tab("Percentiles", percentiles),
            new Tab("Over time", series));
    private final BorderPane charts = new BorderPane(tabs);
    private final ChangeListener<ReportModel> onShown = (o, a, b) -> draw(b);
    /** A theme change redraws the charts in its colours. */
    private final ChangeListener<Theme> onTheme = (o, a, b) -> redrawAll();
    /** The model each tab last drew (index as the tabs), so a tab is drawn once per model. */
    private final ReportModel[] drawn = new ReportModel[3];

    public LatencyView(ObservableList<RunRecord> history, RunSelection selection) {
        this(history, selection, new javafx.beans.property.SimpleObjectProperty<>());
    }

    public LatencyView(ObservableList<RunRecord> history, RunSelection selection,
                       javafx.beans.value.ObservableValue<RunRecord> live) {
        vm = new LatencyViewModel(history, selection, live);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(1);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> draw(vm.shown().get()));
        Label caption = new Label();
        caption.setId("latency-caption");
        caption.textProperty().bind(vm.caption());
        caption.setWrapText(true);
        caption.getStyleClass().add("text-muted");
        caption.setPadding(new Insets(4, 8, 4, 8));
        charts.setTop(caption);
        vm.shown().addListener(onShown);
        Theme.current().addListener(onTheme);
        draw(vm.shown().get());
    }

    public LatencyViewModel model() {
        return vm;
    }

    private void redrawAll() {
        java.util.Arrays.fill(drawn, null);
        draw(vm.shown().get());
    }

    /** The chart of the tab on show, or null when none is drawn (no run yet). */
    public org.jfree.chart.JFreeChart chartOnShow() {
        if (root.getChildren().isEmpty() || root.getChildren().get(0) != charts) {
            return null;
        }
        ChartViewer v = (ChartViewer) tabs.getSelectionModel().getSelectedItem().getContent();
        return v.getChart();
    }

    private void draw(ReportModel model) {
        if (model == null) {
            root.getChildren().setAll(new EmptyState("No run yet: latency charts appear as soon as a workload runs."));
            return;
        }
        int tab = Math.max(0, tabs.getSelectionModel().getSelectedIndex());
        if (drawn[tab] != model) {
            drawn[tab] = model;
            Theme theme = Theme.now();
            switch (tab) {
                case 0 -> histogram.setChart(ChartTheming.apply(ChartFactory.latencyHistogram(model), theme));
                case 1 -> percentiles.setChart(ChartTheming.apply(ChartFactory.percentileSpectrum(model), theme));
                default -> series.setChart(ChartTheming.apply(ChartFactory.timeSeries(model), theme));
            }
        }
        if (root.getChildren().size() != 1 || root.getChildren().get(0) != charts) {
            root.getChildren().setAll(charts);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        vm.shown().removeListener(onShown);
        Theme.current().removeListener(onTheme);
        vm.dispose();
    }
}
