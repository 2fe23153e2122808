package org.nvmeworkbench.ui.chart;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.core.session.TimeSample;
import org.nvmeworkbench.ui.view.runs.RunComparison;

/**
 * The latency charts, built from run records with JFreeChart (AWT only, so a headless report can use
 * the same code). Lives in workbench-ui until core.report has its chart factory; then this delegates.
 */
public final class LatencyCharts {
    private LatencyCharts() {
    }

    /** "#3 THR 7 TIME 2" style label: position in the history and the coalescing read back. */
    public static String label(int index, RunRecord r) {
        var c = r.features().interruptCoalescing();
        String coal = c == null ? "08h ?" : c.enabled() ? "THR " + c.threshold() + " TIME " + c.time() : "coalescing off";
        return "#" + (index + 1) + " " + r.workload().rw() + ", " + coal;
    }

    /** Share of I/Os per latency bucket (log-spaced buckets, microseconds). */
    public static JFreeChart histogram(List<RunRecord> runs, List<Integer> indexes) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < runs.size(); k++) {
            RunRecord r = runs.get(k);
            XYSeries s = new XYSeries(label(indexes.get(k), r), true, false);
            Histogram h = r.latency().toHistogram();
            long total = h.getTotalCount();
            if (total > 0) {
                for (HistogramIterationValue v : h.logarithmicBucketValues(1000, 1.25)) {
                    if (v.getCountAddedInThisIterationStep() > 0) {
                        s.add(v.getValueIteratedTo() / 1e3, 100.0 * v.getCountAddedInThisIterationStep() / total);
                    }
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Latency histogram", "latency (us)", "% of I/Os", data,
                PlotOrientation.VERTICAL, true, true, false);
        logX(chart, "latency (us)");
        return chart;
    }

    /** Latency at each percentile, x on the "nines" scale: 1 = 90 %, 2 = 99 %, 3 = 99.9 %. */
    public static JFreeChart percentiles(List<RunRecord> runs, List<Integer> indexes) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < runs.size(); k++) {
            RunRecord r = runs.get(k);
            XYSeries s = new XYSeries(label(indexes.get(k), r), true, false);
            if (r.latency().count() > 0) {
                for (double nines = 0; nines <= 4.0001; nines += 0.1) {
                    double pct = 100 * (1 - Math.pow(10, -nines));
                    s.add(nines, r.latency().valueAtPercentile(pct) / 1e3);
                }
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("Percentile spectrum (x: 1 = p90, 2 = p99, 3 = p99.9)", "nines",
                "latency (us)", data, PlotOrientation.VERTICAL, true, true, false);
    }

    /** p99 per second of each run. */
    public static JFreeChart timeSeries(List<RunRecord> runs, List<Integer> indexes) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < runs.size(); k++) {
            RunRecord r = runs.get(k);
            XYSeries s = new XYSeries(label(indexes.get(k), r), true, false);
            for (TimeSample t : r.timeSeries()) {
                s.add(t.atNanos() / 1e9, t.p99Nanos() / 1e3);
            }
            data.addSeries(s);
        }
        return ChartFactory.createXYLineChart("p99 latency over time", "run time (s)", "p99 (us)", data,
                PlotOrientation.VERTICAL, true, true, false);
    }

    /** Interrupts per completion of each run, for the Report perspective's summary. */
    public static double interruptsPerCompletion(RunRecord r) {
        return RunComparison.interruptsPerCompletion(r);
    }

    private static void logX(JFreeChart chart, String label) {
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(0.1);
        plot.setDomainAxis(axis);
    }
}
