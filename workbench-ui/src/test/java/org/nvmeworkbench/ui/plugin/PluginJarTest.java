package org.nvmeworkbench.ui.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.ui.spi.ViewContribution;

/** Plugins dropped into the user's plugin folder, as jars {@link PluginJars} compiles here. */
class PluginJarTest {
    @TempDir
    Path tmp;

    private static final String GOOD = """
            package thirdparty;
            public class JarView implements org.nvmeworkbench.ui.spi.ViewContribution {
                public String id() { return "jar-view"; }
                public String title() { return "From a jar"; }
                public org.nvmeworkbench.ui.spi.WorkbenchView create(org.nvmeworkbench.ui.spi.WorkbenchContext c) {
                    return () -> new javafx.scene.control.Label("from a jar");
                }
            }
            """;

    private static final String THROWING = """
            package thirdparty;
            public class BrokenView implements org.nvmeworkbench.ui.spi.ViewContribution {
                public BrokenView() { throw new IllegalStateException("no licence file"); }
                public String id() { return "broken"; }
                public String title() { return "Broken"; }
                public org.nvmeworkbench.ui.spi.WorkbenchView create(org.nvmeworkbench.ui.spi.WorkbenchContext c) {
                    return null;
                }
            }
            """;

    @Test
    void aJarInThePluginFolderContributesItsView() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(folder.resolve("good-plugin.jar"), Map.of("JarView", GOOD), "thirdparty.JarView");

        PluginRegistry r = PluginRegistry.load(List.of(), getClass().getClassLoader(), folder);

        assertThat(r.view("jar-view")).isNotNull();
        assertThat(r.view("jar-view").title()).isEqualTo("From a jar");
        assertThat(r.loaded()).contains(new LoadedContribution("ViewContribution", "jar-view", "good-plugin.jar"));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aJarWhoseProviderThrowsIsListedAsFailedWithWhy() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(folder.resolve("a-good.jar"), Map.of("JarView", GOOD), "thirdparty.JarView");
        pluginJar(folder.resolve("b-broken.jar"), Map.of("BrokenView", THROWING), "thirdparty.BrokenView");

        PluginRegistry r = PluginRegistry.load(List.of(), getClass().getClassLoader(), folder);

        assertThat(r.view("jar-view")).as("the good jar still loads").isNotNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.extensionPoint()).isEqualTo("ViewContribution");
            assertThat(p.provider()).isEqualTo("thirdparty.BrokenView");
            assertThat(p.why()).contains("could not be loaded").contains("no licence file");
        });
    }

    @Test
    void aFileThatIsNotAJarIsListedAsFailedAndTheOthersLoad() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        pluginJar(folder.resolve("a-good.jar"), Map.of("JarView", GOOD), "thirdparty.JarView");
        // A download cut short: the name of a jar, not the contents of one.
        Files.write(folder.resolve("b-truncated.jar"), new byte[] {'P', 'K', 3, 4, 0, 0});

        PluginRegistry r = PluginRegistry.load(List.of(), getClass().getClassLoader(), folder);

        assertThat(r.view("jar-view")).isNotNull();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.extensionPoint()).isEqualTo("plugin folder");
            assertThat(p.provider()).isEqualTo("b-truncated.jar");
            assertThat(p.why()).startsWith("it is not a readable jar (").endsWith("), so it was not loaded.");
        });
    }

    @Test
    void aMissingPluginFolderIsNoProblem() {
        PluginRegistry r = PluginRegistry.load(List.of(), getClass().getClassLoader(), tmp.resolve("absent"));
        assertThat(r.problems()).isEmpty();
    }

    private void pluginJar(Path jar, Map<String, String> sources, String provider) throws IOException {
        PluginJars.write(jar, tmp, sources, ViewContribution.class, provider);
    }
}
