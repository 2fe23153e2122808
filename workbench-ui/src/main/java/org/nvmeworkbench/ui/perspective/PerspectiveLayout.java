package org.nvmeworkbench.ui.perspective;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.nvmeworkbench.ui.spi.Area;

/** Which views sit in which area, in tab order: the layout of one perspective as data. Immutable. */
public record PerspectiveLayout(Map<Area, List<String>> areas) {

    public PerspectiveLayout {
        EnumMap<Area, List<String>> copy = new EnumMap<>(Area.class);
        for (Area a : Area.values()) {
            List<String> ids = areas == null ? null : areas.get(a);
            copy.put(a, ids == null ? List.of() : List.copyOf(ids));
        }
        areas = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> views(Area area) {
        return areas.get(area);
    }

    /** The area showing {@code viewId}, or null when it is closed. */
    public Area areaOf(String viewId) {
        for (Map.Entry<Area, List<String>> e : areas.entrySet()) {
            if (e.getValue().contains(viewId)) {
                return e.getKey();
            }
        }
        return null;
    }

    public boolean isOpen(String viewId) {
        return areaOf(viewId) != null;
    }

    public PerspectiveLayout without(String viewId) {
        EnumMap<Area, List<String>> m = new EnumMap<>(Area.class);
        for (Map.Entry<Area, List<String>> e : areas.entrySet()) {
            List<String> l = new ArrayList<>(e.getValue());
            l.remove(viewId);
            m.put(e.getKey(), l);
        }
        return new PerspectiveLayout(m);
    }

    /** {@code viewId} as the last tab of {@code area}, taken out of wherever it was. */
    public PerspectiveLayout with(String viewId, Area area) {
        PerspectiveLayout base = without(viewId);
        EnumMap<Area, List<String>> m = new EnumMap<>(base.areas);
        List<String> l = new ArrayList<>(m.get(area));
        l.add(viewId);
        m.put(area, l);
        return new PerspectiveLayout(m);
    }

    /** Only the views in {@code known}, so a layout saved with a plugin that is gone still opens. */
    public PerspectiveLayout retainAll(java.util.Set<String> known) {
        EnumMap<Area, List<String>> m = new EnumMap<>(Area.class);
        for (Map.Entry<Area, List<String>> e : areas.entrySet()) {
            m.put(e.getKey(), e.getValue().stream().filter(known::contains).toList());
        }
        return new PerspectiveLayout(m);
    }
}
