package org.nvmeworkbench.ui.perspective;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.ui.spi.Area;

class LayoutModelTest {
    private static final Set<String> VIEWS = Set.of("devices", "controller", "rings", "vectors", "latency", "coalescing",
            "workload", "runs", "tasks", "plugins");

    private LayoutModel model() {
        return new LayoutModel(java.util.List.copyOf(BuiltInPerspective.all()), VIEWS);
    }

    @Test
    void viewsOfPluginsThatAreNotInstalledAreLeftOut() {
        assertThat(model().layout().get().isOpen("event-log")).isFalse();
        assertThat(model().layout().get().views(Area.LEFT)).containsExactly("devices", "controller");
    }

    @Test
    void movingAViewTakesItOutOfItsOldArea() {
        LayoutModel m = model();
        m.move("rings", Area.LEFT);
        assertThat(m.layout().get().areaOf("rings")).isEqualTo(Area.LEFT);
        assertThat(m.layout().get().views(Area.CENTER)).doesNotContain("rings");
    }

    @Test
    void resetRestoresThePerspectivesDefaultButKeepsOtherPerspectivesChanges() {
        LayoutModel m = model();
        m.close("runs");
        // The Report perspective: the Lab's own views are not among this test's installed views.
        m.select("report");
        m.close("latency");
        m.reset();
        assertThat(m.layout().get().isOpen("latency")).isTrue();
        m.select("tuning");
        assertThat(m.layout().get().isOpen("runs")).isFalse();
    }

    @Test
    void layoutSurvivesARestart(@TempDir Path dir) throws Exception {
        LayoutModel m = model();
        m.select("lab");
        m.move("vectors", Area.RIGHT);
        m.theme().set("dark");
        LayoutStore store = new LayoutStore(dir.resolve("layout.json"));
        store.save(m.state());

        LayoutModel restored = model();
        restored.restore(store.load().orElseThrow());
        assertThat(restored.perspective().get()).isEqualTo("lab");
        assertThat(restored.theme().get()).isEqualTo("dark");
        assertThat(restored.layout().get().areaOf("vectors")).isEqualTo(Area.RIGHT);
    }

    @Test
    void aDamagedLayoutFileFallsBackToTheDefault(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("layout.json");
        Files.writeString(f, "{not json");
        assertThat(new LayoutStore(f).load()).isEmpty();
    }
}
