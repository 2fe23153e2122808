package org.nvmeworkbench.ui.perspective;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.PerspectiveContribution;

/**
 * The window's layout as a model (Eclipse e4's idea): perspectives are data, the user's changes to each
 * are kept apart from its default, and the renderer only draws {@link #layout()}. No nodes here.
 */
public final class LayoutModel {
    private final Map<String, PerspectiveContribution> perspectives = new LinkedHashMap<>();
    private final Map<String, PerspectiveLayout> changed = new HashMap<>();
    private final Set<String> knownViews;
    private final ReadOnlyStringWrapper perspective = new ReadOnlyStringWrapper(this, "perspective");
    private final ReadOnlyObjectWrapper<PerspectiveLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final StringProperty theme = new SimpleStringProperty(this, "theme", "light");

    /**
     * @param perspectives in menu order; the first is the default
     * @param knownViews   the ids of the installed views
     */
    public LayoutModel(List<PerspectiveContribution> perspectives, Set<String> knownViews) {
        if (perspectives.isEmpty()) {
            throw new IllegalArgumentException("At least one perspective is needed.");
        }
        for (PerspectiveContribution p : perspectives) {
            this.perspectives.put(p.id(), p);
        }
        this.knownViews = Set.copyOf(knownViews);
        select(perspectives.get(0).id());
    }

    public ReadOnlyStringProperty perspective() { return perspective.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PerspectiveLayout> layout() { return layout.getReadOnlyProperty(); }
    public StringProperty theme() { return theme; }

    public List<PerspectiveContribution> perspectives() {
        return List.copyOf(perspectives.values());
    }

    public PerspectiveContribution activePerspective() {
        return perspectives.get(perspective.get());
    }

    /** Switches perspective, keeping the changes the user made to each. Unknown ids are ignored. */
    public void select(String id) {
        if (!perspectives.containsKey(id)) {
            return;
        }
        perspective.set(id);
        layout.set(changed.getOrDefault(id, defaultLayout(id)));
    }

    public PerspectiveLayout defaultLayout(String id) {
        return new PerspectiveLayout(perspectives.get(id).layout()).retainAll(knownViews);
    }

    /** Opens {@code viewId} in {@code area}, or does nothing when it is already open. */
    public void open(String viewId, Area area) {
        if (knownViews.contains(viewId) && !layout.get().isOpen(viewId)) {
            change(layout.get().with(viewId, area));
        }
    }

    public void close(String viewId) {
        if (layout.get().isOpen(viewId)) {
            change(layout.get().without(viewId));
        }
    }

    public void move(String viewId, Area area) {
        if (knownViews.contains(viewId) && layout.get().areaOf(viewId) != area) {
            change(layout.get().with(viewId, area));
        }
    }

    /** Back to the perspective's default layout. */
    public void reset() {
        changed.remove(perspective.get());
        layout.set(defaultLayout(perspective.get()));
    }

    private void change(PerspectiveLayout l) {
        changed.put(perspective.get(), l);
        layout.set(l);
    }

    public LayoutState state() {
        Map<String, PerspectiveLayout> all = new HashMap<>();
        for (String id : perspectives.keySet()) {
            all.put(id, changed.getOrDefault(id, defaultLayout(id)));
        }
        return new LayoutState(perspective.get(), theme.get(), all);
    }

    /** Restores what {@link #state()} saved; views no longer installed are dropped. */
    public void restore(LayoutState s) {
        changed.clear();
        s.layouts().forEach((id, l) -> {
            if (perspectives.containsKey(id)) {
                changed.put(id, l.retainAll(knownViews));
            }
        });
        if ("dark".equals(s.theme()) || "light".equals(s.theme())) {
            theme.set(s.theme());
        }
        select(perspectives.containsKey(s.perspective()) ? s.perspective() : perspective.get());
        layout.set(changed.getOrDefault(perspective.get(), defaultLayout(perspective.get())));
    }
}
