package org.nvmeworkbench.ui.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.perspective.LayoutModel;
import org.nvmeworkbench.ui.perspective.PerspectiveLayout;
import org.nvmeworkbench.ui.plugin.PluginRegistry;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/**
 * The window's four areas of tabbed views, drawn from the {@link LayoutModel}: which view instances are
 * open, their tabs with the move/close menu, which tab is in front per perspective, and the split panes
 * that give only non-empty areas room. Split out of {@link Workbench}, which keeps menus, toolbar and
 * dialogs. FX thread.
 */
final class WorkbenchAreas {
    private static final Logger LOG = Logger.getLogger(WorkbenchAreas.class.getName());

    private final WorkbenchSession session;
    private final PluginRegistry plugins;
    private final LayoutModel layout;
    /** Called after each render (the workbench saves the layout). */
    private final Runnable afterRender;
    private final Map<Area, TabPane> areas = new EnumMap<>(Area.class);
    private final Map<String, WorkbenchView> open = new HashMap<>();
    private final Map<String, Tab> tabs = new HashMap<>();
    /** Per perspective, the tab the user brought to the front of each area, so a perspective comes back as left. */
    private final Map<String, Map<Area, String>> front = new HashMap<>();
    private final SplitPane horizontal = new SplitPane();
    private final SplitPane vertical = new SplitPane();
    private boolean rendering;

    WorkbenchAreas(WorkbenchSession session, PluginRegistry plugins, LayoutModel layout, Runnable afterRender) {
        this.session = session;
        this.plugins = plugins;
        this.layout = layout;
        this.afterRender = afterRender;
        for (Area a : Area.values()) {
            TabPane t = new TabPane();
            t.setId("area-" + a.name().toLowerCase());
            t.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
            t.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                if (!rendering && now != null) {
                    front.computeIfAbsent(layout.perspective().get(), p -> new EnumMap<>(Area.class)).put(a, now.getId());
                }
            });
            areas.put(a, t);
        }
        vertical.setOrientation(Orientation.VERTICAL);
    }

    Node node() {
        return horizontal;
    }

    /** The open instance of a view, or null. */
    WorkbenchView view(String id) {
        return open.get(id);
    }

    /** Opens view {@code id} where it belongs (if it is not open) and brings its tab to the front. */
    void show(String id) {
        for (ViewContribution v : plugins.views()) {
            if (v.id().equals(id)) {
                layout.open(id, v.defaultArea());
            }
        }
        Tab t = tabs.get(id);
        if (t != null && t.getTabPane() != null) {
            t.getTabPane().getSelectionModel().select(t);
        }
    }

    /** Closes every view (they unsubscribe). */
    void dispose() {
        for (WorkbenchView v : open.values()) {
            v.close();
        }
        open.clear();
        tabs.clear();
    }

    /** Draws the active perspective's layout: its views' tabs in their areas, only the non-empty areas. */
    void render() {
        rendering = true;
        try {
            PerspectiveLayout l = layout.layout().get();
            Set<String> wanted = new HashSet<>();
            for (Area a : Area.values()) {
                List<Tab> content = new ArrayList<>();
                for (String id : l.views(a)) {
                    Tab t = tab(id);
                    if (t != null) {
                        content.add(t);
                        wanted.add(id);
                    }
                }
                areas.get(a).getTabs().setAll(content);
            }
            // A view that another perspective still holds is only put aside, as Eclipse does: a visit to the Lab
            // must not cost the Tuning views their state (a sweep's result, the selection in Runs, the rate
            // history of the vectors), which lives in the view instances. Closed is what no perspective holds.
            Set<String> held = heldByAnyPerspective();
            for (String id : new ArrayList<>(open.keySet())) {
                if (!wanted.contains(id) && !held.contains(id)) {
                    open.remove(id).close();
                    tabs.remove(id);
                }
            }
            for (Area a : Area.values()) {
                bringToFront(a);
            }
            arrange(l);
        } finally {
            rendering = false;
        }
        afterRender.run();
    }

    /** The views open in some perspective's layout, the active one's included. */
    private Set<String> heldByAnyPerspective() {
        Set<String> held = new HashSet<>();
        for (PerspectiveLayout l : layout.state().layouts().values()) {
            for (Area a : Area.values()) {
                held.addAll(l.views(a));
            }
        }
        return held;
    }

    /** Selects the tab the user last had in front of {@code a} in this perspective, if it is there. */
    private void bringToFront(Area a) {
        String id = front.getOrDefault(layout.perspective().get(), Map.of()).get(a);
        TabPane pane = areas.get(a);
        for (Tab t : pane.getTabs()) {
            if (t.getId().equals(id)) {
                pane.getSelectionModel().select(t);
            }
        }
    }

    /** Only non-empty areas take space. */
    private void arrange(PerspectiveLayout l) {
        vertical.getItems().clear();
        if (!l.views(Area.CENTER).isEmpty()) {
            vertical.getItems().add(areas.get(Area.CENTER));
        }
        if (!l.views(Area.BOTTOM).isEmpty()) {
            vertical.getItems().add(areas.get(Area.BOTTOM));
        }
        if (vertical.getItems().isEmpty()) {
            vertical.getItems().add(new EmptyState("Every view is closed: use Window > Show view, or Reset perspective."));
        }
        horizontal.getItems().clear();
        if (!l.views(Area.LEFT).isEmpty()) {
            horizontal.getItems().add(areas.get(Area.LEFT));
        }
        horizontal.getItems().add(vertical);
        if (!l.views(Area.RIGHT).isEmpty()) {
            horizontal.getItems().add(areas.get(Area.RIGHT));
        }
        if (vertical.getItems().size() == 2) {
            vertical.setDividerPositions(0.6);
        }
        int n = horizontal.getItems().size();
        if (n == 3) {
            horizontal.setDividerPositions(0.19, 0.76);
        } else if (n == 2) {
            horizontal.setDividerPositions(l.views(Area.LEFT).isEmpty() ? 0.72 : 0.3);
        }
    }

    private Tab tab(String id) {
        Tab existing = tabs.get(id);
        if (existing != null) {
            return existing;
        }
        ViewContribution c = plugins.view(id);
        if (c == null) {
            return null;
        }
        WorkbenchView v;
        try {
            v = c.create(session);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "View " + id + " could not be created: " + e.getMessage(), e);
            session.message().set("The view " + c.title() + " could not be opened: " + e.getMessage());
            return null;
        }
        Tab t = new Tab(c.title(), v.node());
        t.setId("tab-" + id);
        t.setGraphic(Icons.node(c.icon(), 14));
        t.setOnClosed(e -> {
            if (!rendering) {
                layout.close(id);
            }
        });
        ContextMenu menu = new ContextMenu();
        for (Area a : Area.values()) {
            MenuItem move = new MenuItem("Move to " + a.title());
            move.setOnAction(e -> layout.move(id, a));
            menu.getItems().add(move);
        }
        MenuItem close = new MenuItem("Close");
        close.setOnAction(e -> layout.close(id));
        menu.getItems().addAll(new SeparatorMenuItem(), close);
        t.setContextMenu(menu);
        open.put(id, v);
        tabs.put(id, t);
        return t;
    }
}
