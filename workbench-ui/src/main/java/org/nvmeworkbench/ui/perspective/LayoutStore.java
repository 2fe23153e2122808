package org.nvmeworkbench.ui.perspective;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.record.AtomicFile;
import org.nvmeworkbench.ui.spi.Area;

/**
 * Reads and writes {@code layout.json} (temp file + rename, so a crash never leaves half a file). A
 * file that cannot be read is logged and ignored: the default layout is always a good answer.
 */
public final class LayoutStore {
    private static final Logger LOG = Logger.getLogger(LayoutStore.class.getName());
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public LayoutStore(Path file) {
        this.file = file;
    }

    private volatile String problem;

    public Path file() {
        return file;
    }

    /** Why the last {@link #load} did not use the file (it was damaged and set aside), for the status bar; or null. */
    public String problem() {
        return problem;
    }

    public Optional<LayoutState> load() {
        problem = null;
        try {
            JsonNode root;
            try {
                root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | java.nio.charset.CharacterCodingException e) {
                return damaged("it is not valid JSON");
            }
            if (root == null || root.path("version").asInt(0) != VERSION) {
                LOG.warning(file + " is not a version " + VERSION + " layout; using the default layout.");
                return Optional.empty();
            }
            String damage = damage(root);
            if (damage != null) {
                return damaged(damage);
            }
            Map<String, PerspectiveLayout> layouts = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("layouts").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                EnumMap<Area, List<String>> areas = new EnumMap<>(Area.class);
                for (Area a : Area.values()) {
                    List<String> ids = new ArrayList<>();
                    for (JsonNode id : e.getValue().path(a.name())) {
                        ids.add(id.asText());
                    }
                    areas.put(a, ids);
                }
                layouts.put(e.getKey(), new PerspectiveLayout(areas));
            }
            return Optional.of(new LayoutState(root.path("perspective").asText(""), root.path("theme").asText("light"), layouts));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, file + " could not be read; using the default layout: " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    private Optional<LayoutState> damaged(String why) {
        problem = org.nvmeworkbench.ui.session.DamagedStateFile.setAside(file, why);
        LOG.warning(problem);
        return Optional.empty();
    }

    /**
     * What makes a layout unbelievable, naming the field, or null: wrong types, or a view placed twice in one
     * perspective (which once gave three Runs tabs and lost the other views, then was saved back that way).
     */
    static String damage(JsonNode root) {
        if (!root.path("perspective").isMissingNode() && !root.get("perspective").isTextual()) {
            return "\"perspective\" is not text";
        }
        if (root.has("theme") && !(root.get("theme").isTextual() && List.of("light", "dark").contains(root.get("theme").asText()))) {
            return "\"theme\" is not light or dark";
        }
        JsonNode layouts = root.path("layouts");
        if (!layouts.isMissingNode() && !layouts.isObject()) {
            return "\"layouts\" is not an object";
        }
        Iterator<Map.Entry<String, JsonNode>> it = layouts.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                return "\"layouts." + e.getKey() + "\" is not an object";
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Area a : Area.values()) {
                JsonNode ids = e.getValue().get(a.name());
                if (ids == null) {
                    continue;
                }
                String where = "\"layouts." + e.getKey() + "." + a.name() + "\"";
                if (!ids.isArray()) {
                    return where + " is not a list of views";
                }
                for (JsonNode id : ids) {
                    if (!id.isTextual()) {
                        return where + " holds " + id + ", not a view id";
                    }
                    if (!seen.add(id.asText())) {
                        return "the view " + id.asText() + " is placed twice in " + "\"layouts." + e.getKey() + "\"";
                    }
                }
            }
        }
        return null;
    }

    public void save(LayoutState state) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("perspective", state.perspective());
        root.put("theme", state.theme());
        ObjectNode layouts = root.putObject("layouts");
        state.layouts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode l = layouts.putObject(e.getKey());
            for (Area a : Area.values()) {
                ArrayNode ids = l.putArray(a.name());
                e.getValue().views(a).forEach(ids::add);
            }
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, JSON.writeValueAsBytes(root));
    }
}
