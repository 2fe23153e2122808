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

/** Plugins: every contribution in use and where it came from, and every provider skipped with why. */
public final class PluginsView implements WorkbenchView {
    private final ListView<String> list;

    public PluginsView(PluginRegistry registry) {
        List<String> lines = new ArrayList<>();
        for (PluginProblem p : registry.problems()) {
            lines.add("SKIPPED  " + p.extensionPoint() + "  " + p.provider() + ": " + p.why());
        }
        for (LoadedContribution c : registry.loaded()) {
            lines.add("loaded   " + c.extensionPoint() + "  " + c.id() + "  (" + c.source() + ")");
        }
        list = new ListView<>(FXCollections.observableArrayList(lines));
        list.setId("plugins-list");
    }

    @Override
    public Node node() {
        return list;
    }
}
