package org.nvmeworkbench.ui.view.sweep;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

import org.jfree.chart.JFreeChart;
import org.nvmeworkbench.core.report.ChartFactory;

/**
 * A chart drawn as an image at the region's size, by ChartFactory's AWT renderer (the one reports
 * use). For charts JFreeChart's FX canvas draws badly: the heatmap's block renderer and annotations came
 * out on a black, unlabelled canvas there, while the AWT drawing is right.
 */
final class ChartImage extends Region {
    private final ImageView view = new ImageView();
    private JFreeChart chart;
    private int drawnWidth;
    private int drawnHeight;

    ChartImage() {
        getChildren().add(view);
        setMinSize(0, 0);
        setPrefSize(480, 320);
    }

    void setChart(JFreeChart c) {
        chart = c;
        drawnWidth = 0;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        int w = (int) Math.floor(getWidth());
        int h = (int) Math.floor(getHeight());
        if (chart == null || w < 40 || h < 40) {
            view.setImage(null);
            return;
        }
        if (w != drawnWidth || h != drawnHeight) {
            drawnWidth = w;
            drawnHeight = h;
            view.setImage(SwingFXUtils.toFXImage(ChartFactory.image(chart, w, h), null));
        }
        view.relocate(0, 0);
    }
}
