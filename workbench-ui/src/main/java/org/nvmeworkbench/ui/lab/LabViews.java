package org.nvmeworkbench.ui.lab;

import java.util.List;

import org.nvmeworkbench.ui.spi.ViewContribution;

/** The views of the Lab perspective, all showing the one scenario of the {@link LabSession}. */
public final class LabViews {
    private LabViews() {
    }

    public static List<ViewContribution> contributions(LabSession lab) {
        return List.of();
    }
}
