package org.nvmeworkbench.ui.perspective;

import java.util.Map;

/**
 * What survives a restart: the perspective in use, the theme, and each perspective's layout.
 *
 * @param perspective the active perspective's id
 * @param theme       "light" or "dark"
 * @param layouts     perspective id to its layout as the user left it
 */
public record LayoutState(String perspective, String theme, Map<String, PerspectiveLayout> layouts) {
    public LayoutState {
        layouts = Map.copyOf(layouts);
    }
}
