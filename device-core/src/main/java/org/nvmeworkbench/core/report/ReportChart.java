package org.nvmeworkbench.core.report;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * One chart a report draws of its runs, with the caption printed under it. The HTML and PDF reports both
 * draw {@link #of(ReportModel)}, so they show the same charts in the same words.
 *
 * @param id      short name, unique in a report (HTML keeps the charts' SVG ids apart with it)
 * @param chart   the chart
 * @param caption one sentence under the chart
 * @param tall    drawn taller than the others: the time series stacks three plots
 */
record ReportChart(String id, JFreeChart chart, String caption, boolean tall) {

    /** The latency histogram and percentile spectrum, then the time series if any run recorded one. */
    static List<ReportChart> of(ReportModel m) {
        List<ReportChart> charts = new ArrayList<>();
        charts.add(new ReportChart("hist", ChartFactory.latencyHistogram(m),
                "Share of I/Os per latency bucket (log scale).", false));
        charts.add(new ReportChart("spec", ChartFactory.percentileSpectrum(m),
                "Percentile spectrum: each decade to the right is one more nine.", false));
        if (m.runs().stream().anyMatch(r -> !r.timeSeries().isEmpty())) {
            List<String> unmeasured = m.labelsNotMeasuringInterrupts();
            String caption = unmeasured.size() == m.size()
                    ? "IOPS and p50 (solid) and p99 (dashed) latency over time; interrupts were " + ReportModel.NOT_MEASURED + "."
                    : "IOPS, p50 (solid) and p99 (dashed) latency, and interrupts per second of device time"
                    + (unmeasured.isEmpty() ? "." : "; interrupts " + ReportModel.NOT_MEASURED + " for " + String.join(", ", unmeasured) + ".");
            caption += TimeSeriesThinning.note(m.runs().stream().map(r -> r.timeSeries().size()).toList());
            charts.add(new ReportChart("time", ChartFactory.timeSeries(m), caption, true));
        }
        return charts;
    }
}
