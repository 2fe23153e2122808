package org.nvmeworkbench.ui.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;

/** The honest placeholder: says what is missing and how to get it, instead of showing made-up numbers. */
public final class EmptyState extends Label {
    public EmptyState(String text) {
        super(text);
        setWrapText(true);
        setAlignment(Pos.CENTER);
        getStyleClass().addAll("empty-state", "text-muted");
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    }
}
