package org.nvmeworkbench.ui.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
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

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.spi.ViewContribution;

/**
 * Writes the jar a third party would drop into the plugin folder: sources compiled here, against the
 * published interfaces only, so its classes exist nowhere else and a test that finds them proves the
 * registry read the jar.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * @param jar       the jar to write
     * @param work      a scratch folder for the sources and classes
     * @param sources   simple class name to source, all in one package
     * @param service   the extension point's interface; its service file lists {@code providers}
     * @param providers binary names of the providers
     */
    public static void write(Path jar, Path work, Map<String, String> sources, Class<?> service, String... providers)
            throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
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
            out.putNextEntry(new JarEntry("META-INF/services/" + service.getName()));
            out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    /** What a third party compiles against: the spi, icons, core types and JavaFX. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(ViewContribution.class, AppIcon.class, RunRecord.class,
                javafx.scene.control.Label.class, javafx.scene.Node.class, javafx.beans.Observable.class)) {
            entries.add(location(c).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
