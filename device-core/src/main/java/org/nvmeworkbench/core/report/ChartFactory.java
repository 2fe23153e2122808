package org.nvmeworkbench.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.TimeSample;

/**
 * The one chart factory of the workbench: exported reports and the workbench's views draw the same
 * JFreeChart objects, so the screen and the report agree. AWT only (no JavaFX), works headless. Runs
 * are overlaid with a fixed colour per run position.
 */
public final class ChartFactory {
    /** Colour of run 1, 2, ...: distinguishable in print and for common colour blindness (Okabe-Ito). */
    static final Color[] RUN_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private ChartFactory() {
    }

    public static Paint runColour(int run) {
        return RUN_COLOURS[run % RUN_COLOURS.length];
    }

    /** Share of I/Os per latency bucket (log buckets, 10 % wide) against latency in microseconds on a log axis. */
    public static JFreeChart latencyHistogram(ReportModel model) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < model.size(); i++) {
            // Iterated in place: a copy of a run's histogram per chart was most of a live redraw's cost.
            LatencyHistogram h = model.runs().get(i).latency();
            XYSeries s = new XYSeries(model.labels().get(i), false, true);
            long total = h.count();
            for (double[] b : h.logBuckets(1.1)) {
                s.add(b[0] / 1e3, b[1] * 100.0 / total);
            }
            data.addSeries(s);
        }
        LogAxis x = logAxis("Latency (us)");
        NumberAxis y = new NumberAxis("I/Os in bucket (%)");
        XYStepRenderer r = new XYStepRenderer();
        styleRuns(r, model.size(), 1);
        return chart("Latency histogram", new XYPlot(data, x, y, r), model.size() > 1);
    }

    /**
     * Latency against percentile on a "nines" axis: x = 1 / (1 - p) on a log scale, labelled 0 %, 90 %,
     * 99 %, 99.9 %, ... so each decade is one more nine and the tail gets the room it deserves.
     */
    public static JFreeChart percentileSpectrum(ReportModel model) {
        XYSeriesCollection data = new XYSeriesCollection();
        double maxX = 10;
        for (int i = 0; i < model.size(); i++) {
            LatencyHistogram h = model.runs().get(i).latency();
            XYSeries s = new XYSeries(model.labels().get(i), false, true);
            if (h.count() > 0) {
                for (double[] v : h.percentilePoints(5)) {
                    double p = v[0];
                    if (p >= 100) {
                        break;
                    }
                    double x = ninesX(p);
                    s.add(x, v[1] / 1e3);
                    maxX = Math.max(maxX, x);
                }
                // The maximum sits one decade past the last finite level so it stays on the chart.
                s.add(Math.min(1e7, maxX * 10), h.max() / 1e3);
            }
            data.addSeries(s);
        }
        LogAxis x = new LogAxis("Percentile");
        x.setBase(10);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new NinesFormat());
        x.setSmallestValue(1);
        x.setLowerBound(1);
        x.setUpperBound(Math.min(1e7, maxX * 10));
        x.setMinorTickMarksVisible(false);
        NumberAxis y = new NumberAxis("Latency (us)");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        styleRuns(r, model.size(), 1);
        JFreeChart c = chart("Percentile spectrum", new XYPlot(data, x, y, r), model.size() > 1);
        c.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 24)); // room for the last tick label, "99.9999%"
        return c;
    }

    /** x of a percentile on the nines axis. */
    public static double ninesX(double percentile) {
        return 1.0 / (1.0 - percentile / 100.0);
    }

    /**
     * IOPS, p50/p99 and interrupts per second over device time, one stacked panel each, runs overlaid. A run whose
     * source counted no interrupts has no interrupt line; with no such run at all the panel is left out.
     */
    public static JFreeChart timeSeries(ReportModel model) {
        XYSeriesCollection iops = new XYSeriesCollection();
        XYSeriesCollection lat = new XYSeriesCollection();
        XYSeriesCollection irq = new XYSeriesCollection();
        for (int i = 0; i < model.size(); i++) {
            RunRecord r = model.runs().get(i);
            String label = model.labels().get(i);
            XYSeries a = new XYSeries(label + " IOPS", false, true);
            XYSeries p50 = new XYSeries(label + " p50", false, true);
            XYSeries p99 = new XYSeries(label + " p99", false, true);
            XYSeries b = new XYSeries(label + " interrupts/s", false, true);
            for (TimeSample t : TimeSeriesThinning.forChart(r.timeSeries())) {
                double sec = t.atNanos() / 1e9;
                a.add(sec, t.iops());
                p50.add(sec, t.p50Nanos() / 1e3);
                p99.add(sec, t.p99Nanos() / 1e3);
                if (ReportModel.measuredInterrupts(r) && !Double.isNaN(t.interruptsPerSecond())) {
                    b.add(sec, t.interruptsPerSecond()); // an unmeasured run keeps its (empty) series, so colours stay per run
                }
            }
            iops.addSeries(a);
            lat.addSeries(p50);
            lat.addSeries(p99);
            irq.addSeries(b);
        }
        boolean fewPoints = true;
        for (RunRecord r : model.runs()) {
            fewPoints &= r.timeSeries().size() < 3;
        }
        NumberAxis time = new NumberAxis("Device time (s)");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        plot.add(panel(iops, "IOPS", model.size(), 1, fewPoints, true), 1);
        plot.add(panel(lat, "Latency (us)", model.size(), 2, fewPoints, false), 1);
        if (model.labelsNotMeasuringInterrupts().size() < model.size()) {
            plot.add(panel(irq, "Interrupts/s", model.size(), 1, fewPoints, false), 1);
        }
        // The legend names the runs by colour and the latency panel's two line styles, which it did not say.
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        for (int i = 0; i < model.size(); i++) {
            legend.add(new org.jfree.chart.LegendItem(model.labels().get(i), null, null, null,
                    new java.awt.geom.Line2D.Double(-8, 0, 8, 0), new BasicStroke(2.4f), runColour(i)));
        }
        legend.add(new org.jfree.chart.LegendItem(P50_LEGEND, null, null, null, new java.awt.geom.Line2D.Double(-8, 0, 8, 0),
                new BasicStroke(1.6f), Color.GRAY));
        legend.add(new org.jfree.chart.LegendItem(P99_LEGEND, null, null, null, new java.awt.geom.Line2D.Double(-8, 0, 8, 0),
                DASHED, Color.GRAY));
        plot.setFixedLegendItems(legend);
        return chart("Over time", plot, true);
    }

    /** The Over-time legend's entries for the latency panel's line styles. */
    public static final String P50_LEGEND = "p50 (solid)";
    public static final String P99_LEGEND = "p99 (dashed)";
    private static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 3f}, 0f);

    /** One panel; shapes only when lines would be too short to see, the legend (one entry per run) only once. */
    private static XYPlot panel(XYSeriesCollection data, String label, int runs, int seriesPerRun, boolean shapes,
                                boolean inLegend) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        styleRuns(r, runs, seriesPerRun);
        r.setDefaultSeriesVisibleInLegend(inLegend);
        r.setLegendItemLabelGenerator((ds, series) -> ds.getSeriesKey(series).toString().replaceFirst(" IOPS$", ""));
        XYPlot p = new XYPlot(data, null, y, r);
        style(p);
        return p;
    }

    /** Run k's series (k * perRun .. + perRun - 1) get run k's colour; the second of a pair is dashed. */
    private static void styleRuns(XYLineAndShapeRenderer r, int runs, int perRun) {
        for (int k = 0; k < runs; k++) {
            for (int j = 0; j < perRun; j++) {
                int s = k * perRun + j;
                r.setSeriesPaint(s, runColour(k));
                r.setSeriesStroke(s, j == 0 ? new BasicStroke(1.6f) : DASHED);
            }
        }
    }

    static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-3);
        a.setNumberFormatOverride(new RoundFormat());
        return a;
    }

    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        style(plot);
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }

    static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xDDDDDD));
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        p.setOutlineVisible(false);
    }

    // ---- sweeps ----

    /**
     * One setting of a sweep as the Pareto chart draws it.
     *
     * @param label        e.g. "THR 7, TIME 2, iodepth 32"
     * @param cost         interrupts/s or interrupt CPU %
     * @param latencyNanos latency at the judged percentile
     * @param onFront      on the Pareto front
     * @param recommended  the recommended setting
     */
    public record TradeOff(String label, double cost, double latencyNanos, boolean onFront, boolean recommended) {
    }

    /**
     * Cost against latency, one dot per setting; the Pareto front joined by a line, the recommended
     * setting drawn large, the target as a horizontal line when there is one ({@code targetNanos > 0}).
     */
    public static JFreeChart pareto(List<TradeOff> points, String costLabel, String percentileName, long targetNanos) {
        XYSeries all = new XYSeries("settings", false, true);
        XYSeries front = new XYSeries("Pareto front", true, true);
        XYSeries chosen = new XYSeries("recommended", false, true);
        for (TradeOff t : points) {
            all.add(t.cost(), t.latencyNanos() / 1e3);
            if (t.onFront()) {
                front.add(t.cost(), t.latencyNanos() / 1e3);
            }
            if (t.recommended()) {
                chosen.add(t.cost(), t.latencyNanos() / 1e3);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(front);
        data.addSeries(chosen);
        NumberAxis x = new NumberAxis(costLabel);
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis(percentileName + " latency (us)");
        // Settings often differ by a few percent: a zero-based axis would flatten them into one line.
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesPaint(0, new Color(0x999999));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesLinesVisible(1, true);
        r.setSeriesPaint(1, runColour(0));
        r.setSeriesStroke(1, new BasicStroke(1.6f));
        r.setSeriesLinesVisible(2, false);
        r.setSeriesPaint(2, runColour(1));
        r.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        r.setDefaultToolTipGenerator((ds, series, item) -> series == 0 ? points.get(item).label() : null);
        XYPlot plot = new XYPlot(data, x, y, r);
        if (targetNanos > 0) {
            org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(targetNanos / 1e3);
            m.setPaint(new Color(0xB3261E));
            m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel("target " + Figures.latency(targetNanos));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelPaint(new Color(0xB3261E));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
            // Auto range ignores markers: stretch it so the target line is always on the chart.
            double lo = targetNanos / 1e3;
            double hi = lo;
            for (TradeOff t : points) {
                lo = Math.min(lo, t.latencyNanos() / 1e3);
                hi = Math.max(hi, t.latencyNanos() / 1e3);
            }
            double pad = Math.max(hi - lo, hi * 0.02) * 0.08;
            y.setRange(Math.max(0, lo - pad), hi + pad);
        }
        return chart("Interrupt cost against " + percentileName, plot, true);
    }

    /**
     * Latency over the THR x TIME grid: x = TIME index, y = THR index, colour = latency (white = fast,
     * dark = slow, grey = not run). Tick labels are the raw field values.
     */
    public static JFreeChart heatmap(List<Integer> thresholds, List<Integer> times, double[][] latencyNanos, String title) {
        org.jfree.data.xy.DefaultXYZDataset data = new org.jfree.data.xy.DefaultXYZDataset();
        int n = thresholds.size() * times.size();
        double[][] xyz = new double[3][n];
        double lo = Double.MAX_VALUE;
        double hi = 0;
        int k = 0;
        for (int i = 0; i < thresholds.size(); i++) {
            for (int j = 0; j < times.size(); j++) {
                double v = latencyNanos[i][j] / 1e3;
                xyz[0][k] = j;
                xyz[1][k] = i;
                xyz[2][k] = v;
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                k++;
            }
        }
        data.addSeries("latency", xyz);
        if (lo == Double.MAX_VALUE) {
            lo = 0;
            hi = 1;
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        org.jfree.chart.axis.SymbolAxis x = new org.jfree.chart.axis.SymbolAxis("TIME (100 us units)", labels(times));
        org.jfree.chart.axis.SymbolAxis y = new org.jfree.chart.axis.SymbolAxis("THR (0's based)", labels(thresholds));
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        org.jfree.chart.renderer.xy.XYBlockRenderer r = new org.jfree.chart.renderer.xy.XYBlockRenderer();
        org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(lo, hi + 1e-9, new Color(0xCCCCCC));
        int steps = 9;
        for (int s = 0; s < steps; s++) {
            float f = s / (float) (steps - 1);
            // light yellow (fast) to dark blue (slow), never white, so every run cell is visible
            scale.add(lo + (hi - lo) * s / steps, new Color(1f - 0.85f * f, 0.97f - 0.6f * f, 0.75f - 0.2f * f));
        }
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        for (int i = 0; i < n; i++) {
            String text = Double.isNaN(xyz[2][i]) ? "not run" : Figures.latency(xyz[2][i] * 1e3);
            org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(text, xyz[0][i], xyz[1][i]);
            a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            double f = Double.isNaN(xyz[2][i]) ? 0 : (xyz[2][i] - lo) / (hi - lo);
            a.setPaint(f > 0.55 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(a);
        }
        JFreeChart c = chart(title, plot, false);
        NumberAxis legendAxis = new NumberAxis("latency (us)");
        legendAxis.setRange(lo, hi);
        org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(scale, legendAxis);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        legend.setStripWidth(12);
        c.addSubtitle(legend);
        return c;
    }

    private static String[] labels(List<Integer> values) {
        String[] s = new String[values.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = Integer.toString(values.get(i));
        }
        return s;
    }

    // ---- rendering ----

    /**
     * {@code chart} with every font (title, legend, axes, annotations) multiplied by {@code fontScale}, e.g.
     * 1.4 for the Lab perspective on a projector; 1 leaves it as drawn. Changes and returns the same chart,
     * so it wraps any factory method: {@code scaled(latencyHistogram(m), 1.4)}.
     */
    public static JFreeChart scaled(JFreeChart chart, double fontScale) {
        return FontScaling.apply(chart, fontScale);
    }

    /**
     * The chart as one standalone {@code <svg>} element (vector, no external references). {@code idPrefix}
     * keeps the clip-path ids of several charts in one HTML page apart.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle(0, 0, width, height));
        // A viewBox lets the chart shrink with the page (print, narrow windows) instead of being clipped.
        return g.getSVGElement(idPrefix + "chart", true, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
    }

    /** The chart as an image, e.g. for a README screenshot or a thumbnail. */
    public static BufferedImage image(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height);
    }

    /**
     * A tick-label format: an axis only ever formats its values, so a subclass formats doubles, a long is
     * formatted as the double it is, and parsing is refused (error index set, null returned).
     */
    abstract static class AxisLabelFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public final StringBuffer format(long x, StringBuffer to, FieldPosition pos) {
            return format((double) x, to, pos);
        }

        @Override
        public final Number parse(String source, ParsePosition pos) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
    }

    /** Tick labels of the nines axis: x = 1 / (1 - p) shown as "99.9%". */
    static final class NinesFormat extends AxisLabelFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
            if (x <= 1) {
                return to.append("0%");
            }
            double p = 100.0 * (1.0 - 1.0 / x);
            return to.append(Percentiles.label(p)).append('%');
        }
    }

    /** Axis labels with as many digits as the magnitude needs: "0.25", "6.3", "79", "1,259". */
    static final class RoundFormat extends AxisLabelFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
            String pattern = Math.abs(x) >= 10 ? "#,##0" : Math.abs(x) >= 1 ? "0.#" : "0.##";
            return to.append(new DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(x));
        }
    }

    /** Used by tests and the report view: the labels the nines axis puts at 10^k. */
    static List<String> ninesLabels(int decades) {
        NinesFormat f = new NinesFormat();
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int k = 0; k <= decades; k++) {
            out.add(f.format(Math.pow(10, k)));
        }
        return out;
    }
}
