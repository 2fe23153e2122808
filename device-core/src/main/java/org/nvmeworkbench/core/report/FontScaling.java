package org.nvmeworkbench.core.report;

import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;

/**
 * Multiplies every font of a chart by one factor: title, legend, axis labels and ticks, annotations and
 * marker labels, through combined plots and colour-scale legends. For the Lab perspective on a projector,
 * where the workbench scales its own text too.
 */
final class FontScaling {
    private final float factor;

    private FontScaling(double factor) {
        this.factor = (float) factor;
    }

    static JFreeChart apply(JFreeChart chart, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("A font scale must be a positive number, not " + factor + ".");
        }
        if (factor != 1) {
            new FontScaling(factor).chart(chart);
        }
        return chart;
    }

    private void chart(JFreeChart c) {
        if (c.getTitle() != null) {
            c.getTitle().setFont(scale(c.getTitle().getFont()));
        }
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            title(c.getSubtitle(i));
        }
        plot(c.getPlot());
    }

    private void title(Title t) {
        if (t instanceof LegendTitle l) {
            l.setItemFont(scale(l.getItemFont()));
        } else if (t instanceof PaintScaleLegend p) {
            axis(p.getAxis());
        } else if (t instanceof TextTitle tt) {
            tt.setFont(scale(tt.getFont()));
        }
    }

    private void plot(Plot p) {
        if (p instanceof CombinedDomainXYPlot combined) {
            axis(combined.getDomainAxis());
            for (XYPlot sub : combined.getSubplots()) {
                plot(sub);
            }
        } else if (p instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
            for (XYAnnotation a : xy.getAnnotations()) {
                if (a instanceof XYTextAnnotation t) {
                    t.setFont(scale(t.getFont()));
                }
            }
            markers(xy.getRangeMarkers(Layer.FOREGROUND));
            markers(xy.getRangeMarkers(Layer.BACKGROUND));
            markers(xy.getDomainMarkers(Layer.FOREGROUND));
            markers(xy.getDomainMarkers(Layer.BACKGROUND));
        }
    }

    private void markers(java.util.Collection<?> markers) {
        if (markers == null) {
            return;
        }
        for (Object o : markers) {
            Marker m = (Marker) o;
            m.setLabelFont(scale(m.getLabelFont()));
        }
    }

    private void axis(Axis a) {
        if (a != null) {
            a.setLabelFont(scale(a.getLabelFont()));
            a.setTickLabelFont(scale(a.getTickLabelFont()));
        }
    }

    private Font scale(Font f) {
        return f == null ? null : f.deriveFont(f.getSize2D() * factor);
    }
}
