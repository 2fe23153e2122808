package org.nvmeworkbench.ui.lab;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.nvmeworkbench.core.lab.ScenarioPlan;

/**
 * Brings forward the Lab view a scenario is made for (its {@code show}): the command path for a journey,
 * the coalescing scene for coalescing and the sixteen vectors, the interrupt modes for "why MSI-X", the
 * claims board for the seed's claims. It finds the view's tab by the workbench's tab ids ({@code tab-<view id>}) and leaves the layout alone.
 */
final class StageFocus {
    private StageFocus() {
    }

    /** The view id for a scenario's {@code show}. */
    static String viewFor(ScenarioPlan plan) {
        String show = plan.scenario().show();
        if (show == null) {
            return LabViews.PATH;
        }
        switch (show) {
            case "coalescing":
            case "sixteen-vectors":
                return LabViews.COALESCING;
            case "interrupt-modes":
                return LabViews.MODES;
            case "seed-claims":
                return LabViews.CLAIMS;
            default:
                return LabViews.PATH;
        }
    }

    /** Selects the tab of {@code viewId} in whichever area holds it; does nothing when it is not open. */
    static void bringForward(Scene scene, String viewId) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        for (Node n : scene.getRoot().lookupAll(".tab-pane")) {
            if (n instanceof TabPane p) {
                for (Tab t : p.getTabs()) {
                    if (("tab-" + viewId).equals(t.getId())) {
                        p.getSelectionModel().select(t);
                        return;
                    }
                }
            }
        }
    }
}
