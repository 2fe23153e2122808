package org.nvmeworkbench.ui.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.spi.ViewContribution;

/**
 * Plugins dropped into the user's plugin folder: a jar compiled here, against the published interfaces
 * only, whose classes exist nowhere else, so a pass proves the registry read the jar.
 */
class PluginJarTest {
    private static final String SERVICE = "META-INF/services/" + ViewContribution.class.getName();

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
    void aMissingPluginFolderIsNoProblem() {
        PluginRegistry r = PluginRegistry.load(List.of(), getClass().getClassLoader(), tmp.resolve("absent"));
        assertThat(r.problems()).isEmpty();
    }

    /** Compiles {@code sources} against the published interfaces and packs them with a service file. */
    private void pluginJar(Path jar, Map<String, String> sources, String provider) throws IOException {
        Path src = Files.createTempDirectory(tmp, "src");
        Path classes = Files.createTempDirectory(tmp, "classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-classpath", classPath()));
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey() + ".java");
            Files.writeString(f, e.getValue());
            args.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("tests run on a JDK").isNotNull();
        assertThat(javac.run(null, null, null, args.toArray(new String[0]))).as("plugin source compiles").isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(SERVICE));
            write(out, provider + "\n");
            out.closeEntry();
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What a third party compiles against: the spi, icons, core types and JavaFX. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(ViewContribution.class, AppIcon.class, RunRecord.class,
                javafx.scene.control.Label.class, javafx.scene.Node.class, javafx.beans.Observable.class)) {
            entries.add(Path.of(location(c)).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static java.net.URI location(Class<?> c) {
        try {
            return c.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
