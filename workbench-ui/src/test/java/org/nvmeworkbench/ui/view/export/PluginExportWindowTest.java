package org.nvmeworkbench.ui.view.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.plugin.PluginJars;
import org.nvmeworkbench.ui.shell.WorkbenchAssembly;
import org.nvmeworkbench.ui.shell.WorkbenchOnStage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window on a home whose plugin folder holds a report format: File > Export offers it and writes. */
@ExtendWith(ApplicationExtension.class)
class PluginExportWindowTest {
    @TempDir
    static Path home;

    private WorkbenchAssembly assembly;

    @Start
    void start(Stage stage) throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginJars.write(plugins.resolve("p99-tsv.jar"), Files.createDirectories(home.resolve("build")),
                Map.of("P99Tsv", PluginExporterTest.P99_TSV), ReportExporter.class, "thirdparty.P99Tsv");
        assembly = WorkbenchOnStage.show(stage, home);
    }

    @AfterEach
    void stop() throws Exception {
        WorkbenchOnStage.close(assembly);
    }

    @Test
    @SuppressWarnings("unchecked")
    void fileExportOffersAndWritesThePluginFolderFormat(FxRobot robot) throws Exception {
        var session = assembly.session();
        AtomicReference<CompletableFuture<RunRecord>> run = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> session.attach("sim:tlc")).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> run.set(session.run(WorkloadSpec.defaults().withQueues(1).withLimits(0, 3_000))))
                .get(10, TimeUnit.SECONDS);
        RunRecord r = run.get().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> pluginsList = robot.lookup("#plugins-list").queryAs(ListView.class);
        assertThat(new java.util.ArrayList<Object>(pluginsList.getItems())).as("the Plugins view")
                .contains("loaded   ReportExporter  p99-tsv  (p99-tsv.jar)");

        robot.clickOn((javafx.scene.Node n) -> "tool-file.export".equals(n.getId()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> assembly.workbench().exportDialog() != null);
        ChoiceBox<ReportExporter> format = robot.lookup("#export-format").queryAs(ChoiceBox.class);
        ReportExporter tsv = format.getItems().stream().filter(e -> e.formatId().equals("p99-tsv")).findFirst()
                .orElseThrow(() -> new AssertionError("p99-tsv is not offered: " + format.getItems()));
        Path report = home.resolve("p99.tsv");
        robot.interact(() -> {
            format.setValue(tsv);
            robot.lookup("#export-file").queryAs(TextField.class).setText(report.toString());
        });
        robot.clickOn("#export-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(report));

        assertThat(Files.readAllLines(report)).hasSize(2).last().asString()
                .endsWith("\t" + r.latency().valueAtPercentile(99));
        robot.clickOn("#export-close");
    }
}
