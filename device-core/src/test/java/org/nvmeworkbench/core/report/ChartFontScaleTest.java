package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.junit.jupiter.api.Test;

class ChartFontScaleTest {
    @Test
    void scalesTitleLegendAxesAndTicksByTheFactor() {
        JFreeChart plain = ChartFactory.latencyHistogram(SampleRuns.two());
        JFreeChart big = ChartFactory.scaled(ChartFactory.latencyHistogram(SampleRuns.two()), 1.4);

        assertThat(big.getTitle().getFont().getSize2D()).isCloseTo(plain.getTitle().getFont().getSize2D() * 1.4f, within(0.01f));
        XYPlot p = big.getXYPlot();
        XYPlot q = plain.getXYPlot();
        assertThat(p.getDomainAxis().getTickLabelFont().getSize2D())
                .isCloseTo(q.getDomainAxis().getTickLabelFont().getSize2D() * 1.4f, within(0.01f));
        assertThat(p.getRangeAxis().getLabelFont().getSize2D())
                .isCloseTo(q.getRangeAxis().getLabelFont().getSize2D() * 1.4f, within(0.01f));
        LegendTitle legend = big.getLegend();
        assertThat(legend.getItemFont().getSize2D()).isCloseTo(plain.getLegend().getItemFont().getSize2D() * 1.4f, within(0.01f));
    }

    @Test
    void reachesTheStackedPanelsOfTheTimeSeriesAndTheHeatmapCells() {
        JFreeChart series = ChartFactory.scaled(ChartFactory.timeSeries(SampleRuns.two()), 2);
        for (XYPlot sub : ((CombinedDomainXYPlot) series.getPlot()).getSubplots()) {
            assertThat(sub.getRangeAxis().getLabelFont().getSize2D()).isCloseTo(24f, within(0.01f)); // JFreeChart's 12 pt
        }
        JFreeChart heat = ChartFactory.scaled(ChartFactory.heatmap(List.of(0, 7), List.of(0, 2),
                new double[][] {{1e5, 2e5}, {3e5, Double.NaN}}, "p99"), 2);
        XYTextAnnotation cell = (XYTextAnnotation) heat.getXYPlot().getAnnotations().get(0);
        assertThat(cell.getFont().getSize2D()).isCloseTo(22f, within(0.01f)); // 11 pt cells
    }

    @Test
    void oneLeavesTheChartAsDrawnAndNonsenseIsRefused() {
        JFreeChart c = ChartFactory.percentileSpectrum(SampleRuns.two());
        float title = c.getTitle().getFont().getSize2D();
        assertThat(ChartFactory.scaled(c, 1)).isSameAs(c);
        assertThat(c.getTitle().getFont().getSize2D()).isEqualTo(title);
        assertThatThrownBy(() -> ChartFactory.scaled(c, 0)).hasMessage("A font scale must be a positive number, not 0.0.");
    }
}
