package org.nvmeworkbench.ui.lab.coalescing;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.paint.Color;

import org.nvmeworkbench.core.lab.TripCause;

/**
 * The Lab's projector look for the coalescing scene: dark ground, light large type, one colour per trip
 * cause (the same in the lanes, the history strip and the counts).
 */
final class Projector {
    static final String GROUND = "#0b0f14";
    static final String PANEL = "#161b22";
    static final String TEXT = "#f0f3f6";
    static final String MUTED = "#b1bac4";
    static final Color TOKEN = Color.web("#ffd33d");
    static final Color LINE = Color.web("#ffffff");
    static final Color TRACK = Color.web("#30363d");

    private Projector() {
    }

    static String color(TripCause c) {
        if (c == null) {
            return MUTED;
        }
        switch (c) {
            case THRESHOLD: return "#3fb950";
            case TIMER: return "#f0883e";
            case ERROR: return "#ff7b72";
            case COALESCING_OFF: return "#79c0ff";
            default: return "#d2a8ff";
        }
    }

    static Label label(double px, String color, boolean bold) {
        Label l = new Label();
        style(l, px, color, bold);
        return l;
    }

    static void style(Label l, double px, String color, boolean bold) {
        l.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx; -fx-text-fill: %s;%s", px, color,
                bold ? " -fx-font-weight: bold;" : ""));
    }
}
