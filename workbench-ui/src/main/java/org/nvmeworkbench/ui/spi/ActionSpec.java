package org.nvmeworkbench.ui.spi;

import java.util.Objects;

import javafx.beans.value.ObservableBooleanValue;

import org.nvmeworkbench.icons.AppIcon;

/**
 * An action as data: the menu bar and the toolbar are built from these.
 *
 * @param id          unique, e.g. {@code run.start}
 * @param text        menu text
 * @param icon        its icon, or null
 * @param accelerator a key combination in JavaFX's notation (e.g. {@code Shortcut+R}), or null
 * @param menu        the top-level menu it goes in (File, Device, Run, Window, Help or a new one)
 * @param toolbar     whether it also gets a toolbar button
 * @param enabled     when it can be used
 * @param handler     what it does; called on the FX thread
 */
public record ActionSpec(String id, String text, AppIcon icon, String accelerator, String menu, boolean toolbar,
                         ObservableBooleanValue enabled, Runnable handler) {
    public ActionSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(menu, "menu");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(handler, "handler");
    }
}
