package org.nvmeworkbench.ui.lab;

import java.util.List;

import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.lab.claims.SeedClaimsView;
import org.nvmeworkbench.ui.lab.coalescing.CoalescingSceneView;
import org.nvmeworkbench.ui.lab.modes.InterruptModesView;
import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.view.BuiltInView;

/** The views of the Lab perspective, all showing the one scenario of the {@link LabSession}. */
public final class LabViews {
    public static final String PLAYER = "lab-player";
    public static final String PATH = "lab-path";
    public static final String COALESCING = "lab-coalescing";
    public static final String MODES = "lab-modes";
    public static final String CLAIMS = "lab-claims";

    private LabViews() {
    }

    public static List<ViewContribution> contributions(LabSession lab) {
        return List.of(
                new BuiltInView(PLAYER, "Lab Player", AppIcon.RUN, Area.LEFT, 200, c -> new LabPlayerView(lab)),
                new BuiltInView(PATH, "Command Path", AppIcon.RINGS, Area.CENTER, 210, c -> new CommandPathView(lab)),
                new BuiltInView(COALESCING, "Coalescing Scene", AppIcon.COALESCING, Area.BOTTOM, 220,
                        c -> new CoalescingSceneView(lab)),
                new BuiltInView(MODES, "Interrupt Modes", AppIcon.VECTORS, Area.BOTTOM, 230, c -> new InterruptModesView(lab)),
                new BuiltInView(CLAIMS, "Seed's Claims", AppIcon.COALESCING, Area.CENTER, 240, c -> new SeedClaimsView(lab)));
    }
}
