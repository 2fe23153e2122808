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

    public Path file() {
        return file;
    }

    public Optional<LayoutState> load() {
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || root.path("version").asInt(0) != VERSION) {
                LOG.warning(file + " is not a version " + VERSION + " layout; using the default layout.");
                return Optional.empty();
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
