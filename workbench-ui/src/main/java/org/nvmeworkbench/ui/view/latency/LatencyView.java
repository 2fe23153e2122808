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
import org.nvmeworkbench.ui.view.EmptyState;
import org.nvmeworkbench.ui.view.runs.RunSelection;

/**
 * Latency: histogram, percentile spectrum and time series of the runs selected in Runs (or the newest),
 * overlaid, drawn by core.report's ChartFactory; which runs is the {@link LatencyViewModel}'s.
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

    public LatencyView(ObservableList<RunRecord> history, RunSelection selection) {
        vm = new LatencyViewModel(history, selection);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(1);
        Label caption = new Label();
        caption.setId("latency-caption");
        caption.textProperty().bind(vm.caption());
        caption.setWrapText(true);
        caption.getStyleClass().add("text-muted");
        caption.setPadding(new Insets(4, 8, 4, 8));
        charts.setTop(caption);
        vm.shown().addListener(onShown);
        draw(vm.shown().get());
    }

    public LatencyViewModel model() {
        return vm;
    }

    private void draw(ReportModel model) {
        if (model == null) {
            root.getChildren().setAll(new EmptyState("No run yet: latency charts appear when a workload finishes."));
            return;
        }
        histogram.setChart(ChartFactory.latencyHistogram(model));
        percentiles.setChart(ChartFactory.percentileSpectrum(model));
        series.setChart(ChartFactory.timeSeries(model));
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
        vm.dispose();
    }
}
