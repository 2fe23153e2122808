package org.nvmeworkbench.ui.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.spi.ActionSpec;

/** Builds menu items and toolbar buttons from actions; both stay bound to the action's enabled state. */
public final class ActionFactory {
    /** Menus in the order they appear; a menu an action names that is not here comes after them. */
    public static final List<String> MENU_ORDER = List.of("File", "Device", "Run", "Window", "Help");

    private ActionFactory() {
    }

    public static MenuItem menuItem(ActionSpec a) {
        MenuItem m = new MenuItem(a.text(), a.icon() == null ? null : Icons.node(a.icon(), 16));
        m.setId("menu-" + a.id());
        if (a.accelerator() != null) {
            m.setAccelerator(KeyCombination.keyCombination(a.accelerator()));
        }
        m.disableProperty().bind(javafx.beans.binding.Bindings.not(a.enabled()));
        m.setOnAction(e -> a.handler().run());
        return m;
    }

    public static Button button(ActionSpec a) {
        Button b = new Button(null, a.icon() == null ? null : Icons.node(a.icon(), 18));
        if (a.icon() == null) {
            b.setText(a.text());
        }
        b.setId("tool-" + a.id());
        b.setTooltip(new Tooltip(a.text() + (a.accelerator() == null ? "" : " (" + a.accelerator() + ")")));
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(a.enabled()));
        b.setOnAction(e -> a.handler().run());
        b.getStyleClass().add("flat");
        return b;
    }

    /** The menus, in {@link #MENU_ORDER}, each with its actions in registry order. */
    public static List<Menu> menus(List<ActionSpec> actions) {
        Map<String, Menu> menus = new LinkedHashMap<>();
        for (String name : MENU_ORDER) {
            menus.put(name, new Menu(name));
        }
        for (ActionSpec a : actions) {
            menus.computeIfAbsent(a.menu(), Menu::new).getItems().add(menuItem(a));
        }
        return new ArrayList<>(menus.values());
    }
}
