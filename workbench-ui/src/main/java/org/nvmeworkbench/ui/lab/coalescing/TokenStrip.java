package org.nvmeworkbench.ui.lab.coalescing;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * Completions gathering on a vector, drawn as tokens filling towards a line at the threshold (THR + 1):
 * one token per held completion. Tokens carry the style class {@code coalescing-token}.
 */
final class TokenStrip extends Pane {
    private static final double HEIGHT = 56;
    private static final double MAX_STEP = 48;
    private final List<Circle> tokens = new ArrayList<>();
    private final Line thresholdLine = new Line();
    private final Label thresholdLabel = Projector.label(16, Projector.TEXT, true);
    private int pending;
    private int threshold = 1;

    TokenStrip() {
        getStyleClass().add("lane-tokens");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setPrefWidth(420);
        setMinWidth(120);
        thresholdLine.setStroke(Projector.LINE);
        thresholdLine.setStrokeWidth(3);
        thresholdLine.getStrokeDashArray().setAll(6.0, 4.0);
        getChildren().addAll(thresholdLine, thresholdLabel);
    }

    void show(int pending, int threshold) {
        this.pending = pending;
        this.threshold = Math.max(1, threshold);
        while (tokens.size() < pending) {
            Circle c = new Circle();
            c.getStyleClass().add("coalescing-token");
            c.setFill(Projector.TOKEN);
            tokens.add(c);
            getChildren().add(c);
        }
        while (tokens.size() > pending) {
            getChildren().remove(tokens.remove(tokens.size() - 1));
        }
        thresholdLabel.setText("THR+1 = " + this.threshold);
        requestLayout();
    }

    int tokenCount() {
        return tokens.size();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(getWidth(), 120);
        double labelW = 130;
        double slots = Math.max(threshold, pending);
        double step = Math.min(MAX_STEP, (w - labelW - 8) / slots);
        double r = Math.max(2, step * 0.4);
        double y = HEIGHT / 2;
        for (int i = 0; i < tokens.size(); i++) {
            Circle c = tokens.get(i);
            c.setRadius(r);
            c.setCenterX(4 + step * i + step / 2);
            c.setCenterY(y);
        }
        double x = 4 + step * threshold;
        thresholdLine.setStartX(x);
        thresholdLine.setEndX(x);
        thresholdLine.setStartY(2);
        thresholdLine.setEndY(HEIGHT - 2);
        thresholdLabel.resizeRelocate(x + 8, (HEIGHT - 24) / 2, labelW, 24);
    }
}
