package org.nvmeworkbench.ui.view.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.plugin.LoadedContribution;
import org.nvmeworkbench.ui.plugin.PluginJars;
import org.nvmeworkbench.ui.plugin.PluginRegistry;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.nvmeworkbench.ui.view.plugins.PluginsView;

/**
 * A report format from a jar in the plugin folder reaches File > Export through the plugin registry,
 * and writes; a broken one is listed with why and takes no built-in format with it.
 */
class PluginExporterTest {
    private static final ObservableList<RunRecord> RUNS = FXCollections.observableArrayList();

    /** A third party's format: each run's label and p99 latency, from the report model it is handed. */
    static final String P99_TSV = """
            package thirdparty;
            import java.io.IOException;
            import java.io.OutputStream;
            import java.nio.charset.StandardCharsets;
            import org.nvmeworkbench.core.report.ReportModel;
            public class P99Tsv implements org.nvmeworkbench.core.report.ReportExporter {
                public String formatId() { return "p99-tsv"; }
                public String fileExtension() { return "tsv"; }
                public String description() { return "p99 latency per run, tab separated"; }
                public void export(ReportModel m, OutputStream out) throws IOException {
                    StringBuilder b = new StringBuilder("run\\tp99_ns\\n");
                    for (int i = 0; i < m.size(); i++) {
                        b.append(m.labels().get(i)).append('\\t')
                         .append(m.runs().get(i).latency().valueAtPercentile(99)).append('\\n');
                    }
                    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            """;

    private static final String NO_LICENCE = """
            package thirdparty;
            public class Unlicensed implements org.nvmeworkbench.core.report.ReportExporter {
                public Unlicensed() { throw new IllegalStateException("no licence file"); }
                public String formatId() { return "unlicensed"; }
                public String fileExtension() { return "txt"; }
                public void export(org.nvmeworkbench.core.report.ReportModel m, java.io.OutputStream out) { }
            }
            """;

    private static final String HTML_TAKEOVER = """
            package thirdparty;
            public class OtherHtml implements org.nvmeworkbench.core.report.ReportExporter {
                public String formatId() { return "HTML"; }
                public String fileExtension() { return "htm"; }
                public void export(org.nvmeworkbench.core.report.ReportModel m, java.io.OutputStream out) { }
            }
            """;

    @TempDir
    Path tmp;

    @BeforeAll
    static void twoRunsOnTheSimulator() {
        WorkbenchSession s = new WorkbenchSession(new DeviceCatalog(List.of(new SimDeviceProvider())),
                new CurrentThreadTaskExecutor(), null);
        s.attach("sim:tlc").join();
        WorkloadSpec spec = WorkloadSpec.defaults().withQueues(1).withLimits(0, 3_000);
        s.run(spec).join();
        s.run(spec.withIodepth(8)).join();
        RUNS.setAll(s.runs());
        s.detach().join();
    }

    @Test
    void aFormatFromThePluginFolderIsOfferedAndWrites() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.write(folder.resolve("p99-tsv.jar"), tmp, Map.of("P99Tsv", P99_TSV), ReportExporter.class,
                "thirdparty.P99Tsv");
        PluginRegistry registry = PluginRegistry.load(List.of(), getClass().getClassLoader(), folder);

        ExportViewModel vm = new ExportViewModel(RUNS, List.copyOf(RUNS), registry.exporters(),
                new CurrentThreadTaskExecutor(), tmp);
        assertThat(vm.formats()).extracting(ReportExporter::formatId).contains("p99-tsv", "html", "pdf");
        ReportExporter tsv = vm.formats().stream().filter(e -> e.formatId().equals("p99-tsv")).findFirst().orElseThrow();
        vm.format().set(tsv);
        assertThat(vm.file().get()).isEqualTo(tmp.resolve("runs-1-2.tsv").toString());

        Path written = vm.export().join();

        assertThat(vm.failed().get()).isFalse();
        assertThat(Files.readAllLines(written)).containsExactly("run\tp99_ns",
                vm.label(RUNS.get(0)) + "\t" + RUNS.get(0).latency().valueAtPercentile(99),
                vm.label(RUNS.get(1)) + "\t" + RUNS.get(1).latency().valueAtPercentile(99));
        assertThat(registry.loaded()).contains(new LoadedContribution("ReportExporter", "p99-tsv", "p99-tsv.jar"));
        assertThat(PluginsView.lines(registry)).contains("loaded   ReportExporter  p99-tsv  (p99-tsv.jar)");
    }

    @Test
    void aBrokenExporterJarIsListedAsFailedAndTheBuiltInFormatsStay() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.write(folder.resolve("a-unlicensed.jar"), tmp, Map.of("Unlicensed", NO_LICENCE), ReportExporter.class,
                "thirdparty.Unlicensed");
        PluginJars.write(folder.resolve("b-html.jar"), tmp, Map.of("OtherHtml", HTML_TAKEOVER), ReportExporter.class,
                "thirdparty.OtherHtml");
        PluginJars.write(folder.resolve("c-p99-tsv.jar"), tmp, Map.of("P99Tsv", P99_TSV), ReportExporter.class,
                "thirdparty.P99Tsv");

        PluginRegistry registry = PluginRegistry.load(List.of(), getClass().getClassLoader(), folder);
        ExportViewModel vm = new ExportViewModel(RUNS, List.of(), registry.exporters(), new CurrentThreadTaskExecutor(), tmp);

        assertThat(vm.formats()).extracting(ReportExporter::formatId)
                .contains("csv", "fio-json", "fio-jsonplus", "hlog", "html", "pdf", "p99-tsv")
                .doesNotContain("unlicensed", "HTML");
        assertThat(vm.format().get().getClass().getName()).as("the built-in html stays the default")
                .isEqualTo("org.nvmeworkbench.core.report.HtmlExporter");
        assertThat(PluginsView.lines(registry)).contains(
                "FAILED   ReportExporter  thirdparty.Unlicensed: it could not be loaded: IllegalStateException (no licence file).",
                "FAILED   ReportExporter  thirdparty.OtherHtml: the format 'HTML' is already offered by another ReportExporter.");
        assertThat(registry.exporters().problems()).hasSize(2);
    }
}
