package org.nvmeworkbench.ui.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.spi.WorkbenchView;

class PluginRegistryTest {
    record View(String id, int order) implements ViewContribution {
        @Override public String title() { return id; }
        @Override public WorkbenchView create(WorkbenchContext c) { throw new UnsupportedOperationException(); }
    }

    record Broken() implements ViewContribution {
        @Override public String id() { throw new IllegalStateException("boom"); }
        @Override public String title() { return "broken"; }
        @Override public WorkbenchView create(WorkbenchContext c) { return null; }
    }

    @Test
    void contributionsAreOrderedByOrderThenId() {
        PluginRegistry r = PluginRegistry.load(List.of(new View("b", 5), new View("a", 5), new View("z", 1)),
                getClass().getClassLoader(), null);
        assertThat(r.views()).extracting(ViewContribution::id).startsWith("z", "a", "b");
    }

    @Test
    void aFailingProviderIsListedWithWhyAndTheOthersLoad() {
        PluginRegistry r = PluginRegistry.load(List.of(new Broken(), new View("a", 1)), getClass().getClassLoader(), null);
        assertThat(r.views()).extracting(ViewContribution::id).contains("a");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.why()).contains("boom"));
    }

    @Test
    void aDuplicateIdIsRefused() {
        PluginRegistry r = PluginRegistry.load(List.of(new View("a", 1), new View("a", 2)), getClass().getClassLoader(), null);
        assertThat(r.views()).hasSize(1);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.why()).contains("already taken"));
    }
}
