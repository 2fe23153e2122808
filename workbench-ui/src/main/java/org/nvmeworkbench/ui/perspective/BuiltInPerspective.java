package org.nvmeworkbench.ui.perspective;

import java.util.List;
import java.util.Map;

import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.PerspectiveContribution;

/** The perspectives the workbench ships (design.md, "Workbench"), as data. */
public record BuiltInPerspective(String id, String title, int order, double fontScale,
                                 Map<Area, List<String>> layout) implements PerspectiveContribution {

    public static final BuiltInPerspective TUNING = new BuiltInPerspective("tuning", "Tuning", 10, 1.0, Map.of(
            Area.LEFT, List.of("devices", "controller"),
            Area.CENTER, List.of("rings", "vectors", "latency", "sweep"),
            Area.RIGHT, List.of("coalescing", "workload", "advisor"),
            Area.BOTTOM, List.of("runs", "event-log", "tasks", "plugins")));

    /**
     * For a projector: the player (caption, keys, slow motion) at hand on the left, and the whole height of
     * the middle for one stage at a time, the command path, the coalescing scene, the interrupt modes or the
     * seed's claims (the player brings forward the one a scenario is made for); bigger type, and the Lab views draw light on
     * black for contrast. Views not installed (yet) are skipped.
     */
    public static final BuiltInPerspective LAB = new BuiltInPerspective("lab", "Lab", 20, 1.4, Map.of(
            Area.LEFT, List.of("lab-player"),
            Area.CENTER, List.of("lab-path", "lab-coalescing", "lab-modes", "lab-claims"),
            Area.RIGHT, List.of(),
            Area.BOTTOM, List.of()));

    public static final BuiltInPerspective REPORT = new BuiltInPerspective("report", "Report", 30, 1.0, Map.of(
            // The runs table and its comparison need width: they share the bottom with the Event Log.
            Area.LEFT, List.of(),
            Area.CENTER, List.of("latency", "sweep"),
            Area.RIGHT, List.of("controller"),
            Area.BOTTOM, List.of("runs", "event-log")));

    public static List<BuiltInPerspective> all() {
        return List.of(TUNING, LAB, REPORT);
    }
}
