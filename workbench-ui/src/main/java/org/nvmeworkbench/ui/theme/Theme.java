package org.nvmeworkbench.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;

/** The AtlantaFX themes the workbench offers, and the type size a perspective asks for. */
public enum Theme {
    LIGHT("light"),
    DARK("dark");

    /** The theme's base type size in px. */
    private static final double BASE_FONT = 14;
    /** The theme applied last; views that draw their own colours (charts, canvases) follow it. FX thread. */
    private static final javafx.beans.property.ObjectProperty<Theme> CURRENT =
            new javafx.beans.property.SimpleObjectProperty<>(Theme.class, "current", null);

    public static javafx.beans.property.ReadOnlyObjectProperty<Theme> current() {
        return CURRENT;
    }

    /** The theme applied last, light before any. */
    public static Theme now() {
        return CURRENT.get() == null ? LIGHT : CURRENT.get();
    }

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Theme of(String id) {
        return "dark".equalsIgnoreCase(id) ? DARK : LIGHT;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Sets the application-wide stylesheet; call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        CURRENT.set(this);
    }

    /** Scales every text of {@code root} (the Lab perspective reads from across a room). */
    public static void scaleType(Parent root, double scale) {
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * scale));
    }
}
