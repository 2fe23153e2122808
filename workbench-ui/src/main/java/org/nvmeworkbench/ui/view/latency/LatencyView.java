package org.nvmeworkbench.ui.view.latency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

import org.jfree.chart.fx.ChartViewer;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.report.ChartFactory;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.ui.view.runs.RunComparison;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/** Latency: histogram, percentile spectrum and time series of the last runs, overlaid, drawn by core.report's ChartFactory. Redrawn when a run ends. */
public final class LatencyView implements WorkbenchView {
    /** How many of the latest runs are overlaid. */
    static final int OVERLAID = 4;

    private final WorkbenchSession session;
    private final StackPane root = new StackPane();
    private final ChartViewer histogram = new ChartViewer();
    private final ChartViewer percentiles = new ChartViewer();
    private final ChartViewer series = new ChartViewer();
    private final TabPane tabs = new TabPane(new Tab("Histogram", histogram), new Tab("Percentiles", percentiles),
            new Tab("Over time", series));
    private final ListChangeListener<RunRecord> onRuns = c -> redraw();

    public LatencyView(WorkbenchSession session) {
        this.session = session;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(1);
        session.runs().addListener(onRuns);
        redraw();
    }

    private void redraw() {
        List<RunRecord> all = session.runs();
        if (all.isEmpty()) {
            root.getChildren().setAll(new EmptyState("No run yet: latency charts appear when a workload finishes."));
            return;
        }
        int from = Math.max(0, all.size() - OVERLAID);
        List<RunRecord> shown = new ArrayList<>(all.subList(from, all.size()));
        List<String> labels = new ArrayList<>();
        for (int i = from; i < all.size(); i++) {
            labels.add(RunComparison.label(i, all.get(i)));
        }
        // The chart factory exported reports use, so the screen and the report agree (design.md).
        ReportModel model = new ReportModel("Runs #" + (from + 1) + " to #" + all.size(), Instant.now(), shown, labels);
        histogram.setChart(ChartFactory.latencyHistogram(model));
        percentiles.setChart(ChartFactory.percentileSpectrum(model));
        series.setChart(ChartFactory.timeSeries(model));
        root.getChildren().setAll(tabs);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        session.runs().removeListener(onRuns);
    }
}
