package org.nvmeworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ChartFactoryTest {
    @Test
    void ninesAxisPutsOneNinePerDecade() {
        assertThat(ChartFactory.ninesLabels(4)).containsExactly("0%", "90%", "99%", "99.9%", "99.99%");
        assertThat(ChartFactory.ninesX(99.9)).isCloseTo(1000, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void axisLabelsFormatALongAsItsDoubleAndRefuseToParse() {
        NumberFormat round = new ChartFactory.RoundFormat();
        assertThat(round.format(0.25)).isEqualTo("0.25");
        assertThat(round.format(6.3)).isEqualTo("6.3");
        assertThat(round.format(1259L)).isEqualTo("1,259").isEqualTo(round.format(1259.0));
        assertThat(new ChartFactory.NinesFormat().format(1000L)).isEqualTo("99.9%");

        for (NumberFormat f : List.of(round, new ChartFactory.NinesFormat())) {
            ParsePosition at = new ParsePosition(2);
            assertThat(f.parse("1,259", at)).isNull();
            assertThat(at.getErrorIndex()).isEqualTo(2);
        }
    }

    @Test
    void spectrumHasOneSeriesPerRunReachingTheTail() {
        JFreeChart c = ChartFactory.percentileSpectrum(SampleRuns.two());
        XYPlot p = c.getXYPlot();
        assertThat(p.getDataset().getSeriesCount()).isEqualTo(2);
        int last = p.getDataset().getItemCount(0) - 1;
        assertThat(p.getDataset().getXValue(0, last)).isGreaterThan(1000); // beyond 99.9 %
        assertThat(p.getDataset().getYValue(0, last) * 1e3).isEqualTo((double) SampleRuns.two().runs().get(0).latency().max());
    }

    @Test
    void histogramBucketsAddUpToAllIos() {
        XYPlot p = ChartFactory.latencyHistogram(SampleRuns.two()).getXYPlot();
        double sum = 0;
        for (int i = 0; i < p.getDataset().getItemCount(0); i++) {
            sum += p.getDataset().getYValue(0, i);
        }
        assertThat(sum).isCloseTo(100.0, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void everyChartRendersHeadlessToSvgAndImage() {
        ReportModel m = SampleRuns.two();
        List<JFreeChart> charts = List.of(ChartFactory.latencyHistogram(m), ChartFactory.percentileSpectrum(m),
                ChartFactory.timeSeries(m),
                ChartFactory.pareto(List.of(new ChartFactory.TradeOff("a", 20_000, 129_000, true, false),
                        new ChartFactory.TradeOff("b", 900, 150_000, true, true)), "interrupts/s", "p99", 200_000),
                ChartFactory.heatmap(List.of(0, 7), List.of(0, 2), new double[][] {{1e5, 1.1e5}, {1.2e5, Double.NaN}}, "p99"));
        for (JFreeChart c : charts) {
            String svg = ChartFactory.svg(c, 400, 300, "t-");
            assertThat(svg).startsWith("<svg").endsWith("</svg>");
            BufferedImage img = ChartFactory.image(c, 200, 150);
            assertThat(img.getWidth()).isEqualTo(200);
        }
    }

    @Test
    void paretoKeepsTheTargetLineOnTheChartAndDoesNotFlattenCloseLatencies() {
        List<ChartFactory.TradeOff> points = List.of(new ChartFactory.TradeOff("off", 300_000, 253_000, true, false),
                new ChartFactory.TradeOff("THR 15", 15_000, 267_000, true, true));
        org.jfree.data.Range withTarget = ChartFactory.pareto(points, "interrupts/s", "p99", 500_000).getXYPlot().getRangeAxis().getRange();
        assertThat(withTarget.contains(500)).isTrue();
        assertThat(withTarget.getLowerBound()).isGreaterThan(200);
        JFreeChart noTarget = ChartFactory.pareto(points, "interrupts/s", "p99", 0);
        noTarget.createBufferedImage(400, 300); // lays out the auto range
        assertThat(noTarget.getXYPlot().getRangeAxis().getRange().getLowerBound()).isGreaterThan(200);
    }

    @Test
    void svgChartsCarryAViewBoxSoTheyShrinkWhenPrintedInsteadOfBeingClipped() {
        String svg = ChartFactory.svg(ChartFactory.latencyHistogram(SampleRuns.two()), 900, 420, "h-");
        assertThat(svg).contains("viewBox='0.0 0.0 900.0 420.0'");
    }

    @Test
    void overTimeLegendSaysWhichLineIsP50AndWhichP99() {
        org.jfree.chart.JFreeChart c = ChartFactory.timeSeries(SampleRuns.two());
        org.jfree.chart.LegendItemCollection items = c.getPlot().getLegendItems();
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        assertThat(labels).contains(ChartFactory.P50_LEGEND, ChartFactory.P99_LEGEND).hasSize(SampleRuns.two().size() + 2);
    }
}
