package org.nvmeworkbench.ui.lab.coalescing;

import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The aggregation timer as a bar filling towards TIME x 100 us of device time. */
final class TimerBar extends Pane {
    private static final double HEIGHT = 22;
    private final Rectangle track = new Rectangle();
    private final Rectangle fill = new Rectangle();
    private double fraction;

    TimerBar() {
        getStyleClass().add("lane-timer-bar");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setPrefWidth(420);
        track.setFill(Projector.TRACK);
        fill.setFill(Color.web(Projector.color(org.nvmeworkbench.core.lab.TripCause.TIMER)));
        getChildren().addAll(track, fill);
    }

    void show(double fraction) {
        this.fraction = Math.max(0, Math.min(1, fraction));
        requestLayout();
    }

    double fraction() {
        return fraction;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        track.setWidth(w);
        track.setHeight(HEIGHT);
        fill.setWidth(w * fraction);
        fill.setHeight(HEIGHT);
    }
}
