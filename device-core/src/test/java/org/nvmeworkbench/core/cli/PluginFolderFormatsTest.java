package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

/**
 * A report format from a jar in the user's plugin folder is offered by the CLI too (report, run -o),
 * as by the workbench's File > Export; a jar that cannot be read is named, and the built-ins stay.
 */
class PluginFolderFormatsTest {
    private static final String EXPORTER = """
            package thirdparty;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.nio.charset.StandardCharsets;
            import org.nvmeworkbench.core.report.ReportExporter;
            import org.nvmeworkbench.core.report.ReportModel;
            public final class P99Tsv implements ReportExporter {
                public String formatId() { return "p99-tsv"; }
                public String fileExtension() { return "tsv"; }
                public String description() { return "p99 per run, tab-separated"; }
                public void export(ReportModel m, OutputStream out) throws IOException {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < m.runs().size(); i++) {
                        b.append(m.labels().get(i)).append('\\t')
                         .append(m.runs().get(i).latency().valueAtPercentile(99)).append('\\n');
                    }
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            """;

    @TempDir
    Path home;
    private String before;

    @BeforeEach
    void useTheTempHome() {
        before = System.getProperty("nvmeworkbench.home");
        System.setProperty("nvmeworkbench.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("nvmeworkbench.home");
        } else {
            System.setProperty("nvmeworkbench.home", before);
        }
    }

    @Test
    void aPluginFolderFormatIsListedAndWritesTheRunsOwnFigures() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        writeExporterJar(plugins.resolve("p99-tsv.jar"));
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        Path saved = home.resolve("run.json");
        CliRun first = CliRun.of("run", "--ios", "2000", "--save-run", saved.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        RunRecord rec = RunStore.load(saved);

        CliRun list = CliRun.of("report", "--list-formats");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("p99-tsv", "html", "pdf");
        assertThat(list.err()).contains("broken.jar", "not a readable jar");

        CliRun r = CliRun.of("report", saved.toString(), "--format", "p99-tsv", "--label", "first");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("first\t" + rec.latency().valueAtPercentile(99) + "\n");

        CliRun run = CliRun.of("run", "--ios", "500", "-o", "p99-tsv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("(?s)[^\t]+\t\\d+\n");
    }

    @Test
    void reportWithoutRunsSaysWhatToGive() {
        CliRun r = CliRun.of("report", "--format", "html");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("Name one or more runs to report on").contains("fio JSON");
    }

    @Test
    void withoutThePluginTheFormatIsUnknown() {
        CliRun r = CliRun.of("run", "--ios", "100", "-o", "p99-tsv");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err()).contains("There is no output format 'p99-tsv'");
    }

    /** Compiled here against core only, so its class exists nowhere but in the jar. */
    private static void writeExporterJar(Path jar) throws Exception {
        Path work = Files.createTempDirectory(jar.getParent().getParent(), "build");
        Path src = Files.createDirectories(work.resolve("src/thirdparty")).resolve("P99Tsv.java");
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(src, EXPORTER);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-proc:none",
                "-d", classes.toString(), "-classpath", location(ReportExporter.class), src.toString());
        assertThat(rc).as("the plugin compiles").isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + ReportExporter.class.getName()));
            out.write("thirdparty.P99Tsv\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private static String location(Class<?> c) throws URISyntaxException {
        List<String> entries = List.of(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        return String.join(File.pathSeparator, entries);
    }
}
