package org.nvmeworkbench.ui.theme;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * The screen's colours on a chart from core.report's ChartFactory, which draws for paper (white). In the dark
 * theme the chart takes the window's dark ground and light text, so it no longer sits as a white block in a
 * dark window; series keep their colours, except black (run 7's), which would vanish.
 */
public final class ChartTheming {
    static final Color DARK_GROUND = new Color(0x0d1117);
    static final Color DARK_PLOT = new Color(0x161b22);
    static final Color DARK_GRID = new Color(0x30363d);
    static final Color DARK_TEXT = new Color(0xc9d1d9);

    private ChartTheming() {
    }

    /** Colours {@code chart} for {@code theme}; light leaves the factory's own colours. Returns the chart. */
    public static JFreeChart apply(JFreeChart chart, Theme theme) {
        if (chart == null || theme != Theme.DARK) {
            return chart;
        }
        chart.setBackgroundPaint(DARK_GROUND);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(DARK_TEXT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle l) {
                l.setBackgroundPaint(DARK_GROUND);
                l.setItemPaint(DARK_TEXT);
            } else if (t instanceof TextTitle tt) {
                tt.setPaint(DARK_TEXT);
                tt.setBackgroundPaint(null);
            } else if (t instanceof org.jfree.chart.title.PaintScaleLegend ps) {
                ps.setBackgroundPaint(DARK_GROUND);
                axis(ps.getAxis());
            }
        }
        plot(chart.getPlot());
        return chart;
    }

    private static void plot(Plot p) {
        p.setBackgroundPaint(DARK_PLOT);
        if (p instanceof CombinedDomainXYPlot c) {
            axis(c.getDomainAxis());
            for (Object sub : c.getSubplots()) {
                plot((Plot) sub);
            }
        }
        if (p instanceof XYPlot x) {
            x.setDomainGridlinePaint(DARK_GRID);
            x.setRangeGridlinePaint(DARK_GRID);
            for (int i = 0; i < x.getDomainAxisCount(); i++) {
                axis(x.getDomainAxis(i));
            }
            for (int i = 0; i < x.getRangeAxisCount(); i++) {
                axis(x.getRangeAxis(i));
            }
            for (int i = 0; i < x.getRendererCount(); i++) {
                XYItemRenderer r = x.getRenderer(i);
                if (r == null || x.getDataset(i) == null) {
                    continue;
                }
                for (int s = 0; s < x.getDataset(i).getSeriesCount(); s++) {
                    Paint paint = r.getSeriesPaint(s);
                    if (Color.BLACK.equals(paint)) {
                        r.setSeriesPaint(s, DARK_TEXT);
                    }
                }
            }
        }
    }

    private static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelPaint(DARK_TEXT);
        a.setTickLabelPaint(DARK_TEXT);
        a.setAxisLinePaint(DARK_GRID);
        a.setTickMarkPaint(DARK_GRID);
    }
}
