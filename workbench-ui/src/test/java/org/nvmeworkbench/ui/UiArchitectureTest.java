package org.nvmeworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The UI's layering, checked on the sources (design.md, "Plugins"; style.md pattern 2): the extension
 * interfaces never reach into the workbench's internals, plugins use only what a third party could,
 * and views leave device work and decisions to their view models.
 */
class UiArchitectureTest {
    private static final Path UI = Path.of("src/main/java/org/nvmeworkbench/ui");
    private static final Path PLUGINS = Path.of("../plugins");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** What a plugin may import: the spi, icons, JavaFX, the JDK, and core's public packages. */
    private static final List<String> PLUGIN_MAY_USE = List.of("java.", "javax.", "javafx.", "org.nvmeworkbench.ui.spi.",
            "org.nvmeworkbench.icons.", "org.nvmeworkbench.core.spec.", "org.nvmeworkbench.core.record.",
            "org.nvmeworkbench.core.telemetry.", "org.nvmeworkbench.core.workload.", "org.nvmeworkbench.core.driver.",
            "org.nvmeworkbench.core.device.", "org.nvmeworkbench.core.report.");

    /** Calls that talk to the device or run the session's logic: a view model's job, never a view's. */
    private static final List<String> NOT_IN_VIEWS = List.of("NvmeController", "getFeature(", "setFeature(",
            "adminCommand(", "onDevice(", ".query(", "applyCoalescing(", "WorkloadSpec.defaults(");

    @Test
    void theSpiNeverImportsWorkbenchInternals() {
        for (Path f : javaFiles(UI.resolve("spi"))) {
            assertThat(imports(f)).as(f.toString())
                    .noneMatch(i -> i.startsWith("org.nvmeworkbench.ui.") && !i.startsWith("org.nvmeworkbench.ui.spi."));
        }
    }

    @Test
    void pluginsImportOnlyTheSpiCorePublicPackagesJavafxAndIcons() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(PLUGINS)) {
            for (Path m : modules.filter(Files::isDirectory).toList()) {
                files.addAll(javaFiles(m.resolve("src/main/java")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).as("plugin sources found under " + PLUGINS.toAbsolutePath()).isNotEmpty();
        for (Path f : files) {
            assertThat(imports(f)).as(f.toString())
                    .allMatch(i -> PLUGIN_MAY_USE.stream().anyMatch(i::startsWith) || i.startsWith(ownPackage(f)));
        }
    }

    @Test
    void viewsLeaveDeviceWorkToTheirViewModels() {
        List<Path> views = new ArrayList<>(javaFiles(UI.resolve("view")).stream()
                .filter(f -> f.getFileName().toString().endsWith("View.java")).toList());
        assertThat(views).as("view classes found").hasSizeGreaterThan(5);
        for (Path f : views) {
            String code = read(f);
            for (String call : NOT_IN_VIEWS) {
                assertThat(code).as(f + " uses " + call + "; move it to its view model").doesNotContain(call);
            }
        }
    }

    private static String ownPackage(Path f) {
        Matcher m = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE).matcher(read(f));
        return m.find() ? m.group(1) + "." : "\u0000";
    }

    private static List<String> imports(Path f) {
        List<String> l = new ArrayList<>();
        Matcher m = IMPORT.matcher(read(f));
        while (m.find()) {
            l.add(m.group(1));
        }
        return l;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
