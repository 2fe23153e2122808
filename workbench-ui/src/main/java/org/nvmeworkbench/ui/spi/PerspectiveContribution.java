package org.nvmeworkbench.ui.spi;

import java.util.List;
import java.util.Map;

/** Extension point: a named arrangement of views, as data (areas to view ids). */
public interface PerspectiveContribution extends Contribution {

    String title();

    /** The default layout: view ids per area, in tab order. Ids of views that are not installed are skipped. */
    Map<Area, List<String>> layout();

    /** Type size relative to the theme's, e.g. 1.4 for a perspective meant for a projector. */
    default double fontScale() {
        return 1.0;
    }
}
