package org.nvmeworkbench.icons;

import org.kordamp.ikonli.javafx.FontIcon;

/** Makes the node that shows an {@link AppIcon}; each call returns a new node (a node has one parent). */
public final class Icons {
    private Icons() {
    }

    /** A glyph {@code size} pixels high, coloured by the theme's text colour (style class app-icon). */
    public static FontIcon node(AppIcon icon, int size) {
        FontIcon f = new FontIcon(icon.glyph());
        f.setIconSize(size);
        f.getStyleClass().add("app-icon");
        return f;
    }
}
