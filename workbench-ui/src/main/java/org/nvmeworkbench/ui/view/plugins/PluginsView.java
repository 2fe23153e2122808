package org.nvmeworkbench.ui.view.plugins;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ListView;

import org.nvmeworkbench.ui.plugin.LoadedContribution;
import org.nvmeworkbench.ui.plugin.PluginProblem;
import org.nvmeworkbench.ui.plugin.PluginRegistry;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/**
 * Plugins: every provider that failed, with why, then every contribution in use (report exporters
 * included) and where it came from.
 */
public final class PluginsView implements WorkbenchView {
    private final ListView<String> list;

    public PluginsView(PluginRegistry registry) {
        list = new ListView<>(FXCollections.observableArrayList(lines(registry)));
        list.setId("plugins-list");
    }

    /** The list's lines: failures first, as they are what a user opens this view for. */
    public static List<String> lines(PluginRegistry registry) {
        List<String> lines = new ArrayList<>();
        for (PluginProblem p : registry.problems()) {
            lines.add("FAILED   " + p.extensionPoint() + "  " + p.provider() + ": " + p.why());
        }
        for (LoadedContribution c : registry.loaded()) {
            lines.add("loaded   " + c.extensionPoint() + "  " + c.id() + "  (" + c.source() + ")");
        }
        return lines;
    }

    @Override
    public Node node() {
        return list;
    }
}
