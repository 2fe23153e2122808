package org.nvmeworkbench.ui.view.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportExporters;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

class ExportViewModelTest {
    private static final ObservableList<RunRecord> RUNS = FXCollections.observableArrayList();

    @TempDir
    Path dir;

    private final ReportExporters exporters = ReportExporters.load();

    @BeforeAll
    static void twoRunsOnTheSimulator() {
        WorkbenchSession s = new WorkbenchSession(new DeviceCatalog(List.of(new SimDeviceProvider())),
                new CurrentThreadTaskExecutor(), null);
        s.attach("sim:tlc").join();
        WorkloadSpec spec = WorkloadSpec.defaults().withQueues(1).withLimits(0, 3_000);
        s.run(spec).join();
        s.run(spec.withIodepth(4)).join();
        RUNS.setAll(s.runs());
        s.detach().join();
    }

    private ExportViewModel vm(List<RunRecord> preselected) {
        return new ExportViewModel(RUNS, preselected, exporters, new CurrentThreadTaskExecutor(), dir);
    }

    @Test
    void startsWithTheLastRunAsHtmlWhenNothingIsSelected() {
        ExportViewModel vm = vm(List.of());
        assertThat(vm.selected()).containsExactly(RUNS.get(1));
        assertThat(vm.format().get().formatId()).isEqualTo("html");
        assertThat(vm.file().get()).isEqualTo(dir.resolve("run-2.html").toString());
        assertThat(vm.canExport().get()).isTrue();
    }

    @Test
    void offersEveryFormatOfTheExporterSpi() {
        assertThat(vm(List.of()).formats()).extracting(ReportExporter::formatId)
                .contains("html", "csv", "fio-json", "fio-jsonplus", "hlog", "pdf");
    }

    @Test
    void aPdfIsWrittenWhole() throws Exception {
        ExportViewModel vm = vm(List.of(RUNS.get(0), RUNS.get(1)));
        vm.format().set(exporters.find("pdf").orElseThrow());
        Path written = vm.export().join();
        assertThat(written.getFileName().toString()).isEqualTo("runs-1-2.pdf");
        byte[] pdf = Files.readAllBytes(written);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(pdf, pdf.length - 8, 8, java.nio.charset.StandardCharsets.US_ASCII)).contains("%%EOF");
    }

    @Test
    void changingTheFormatChangesTheFileExtension() {
        ExportViewModel vm = vm(List.of(RUNS.get(0), RUNS.get(1)));
        vm.format().set(exporters.find("csv").orElseThrow());
        assertThat(vm.file().get()).isEqualTo(dir.resolve("runs-1-2.csv").toString());
    }

    @Test
    void aSuggestedNameFollowsTheSelection() {
        ExportViewModel vm = vm(List.of(RUNS.get(0)));
        vm.selected().setAll(RUNS);
        assertThat(vm.file().get()).isEqualTo(dir.resolve("runs-1-2.html").toString());
        vm.file().set(dir.resolve("mine.html").toString());
        vm.selected().setAll(RUNS.get(1));
        assertThat(vm.file().get()).as("a name the user typed is kept").isEqualTo(dir.resolve("mine.html").toString());
    }

    @Test
    void writesTheHtmlReportWithTheRunsP99() throws Exception {
        ExportViewModel vm = vm(List.of(RUNS.get(0)));
        Path written = vm.export().join();
        String html = Files.readString(written);
        String p99 = Figures.latency(RUNS.get(0).latency().valueAtPercentile(99));
        assertThat(written).isEqualTo(dir.resolve("run-1.html"));
        assertThat(html).contains("<html").contains(p99);
        assertThat(vm.outcome().get()).isEqualTo("Wrote the html report of 1 run to " + written + ".");
        assertThat(vm.failed().get()).isFalse();
    }

    @Test
    void severalRunsAreComparedOldestFirst() {
        ExportViewModel vm = vm(List.of(RUNS.get(1), RUNS.get(0)));
        ReportModel m = vm.model();
        assertThat(m.runs()).containsExactly(RUNS.get(0), RUNS.get(1));
        assertThat(m.labels().get(0)).startsWith("#1 ");
    }

    @Test
    void aMissingFolderIsOneSentenceAndNothingStarts() {
        ExportViewModel vm = vm(List.of());
        vm.file().set(dir.resolve("nowhere").resolve("r.html").toString());
        assertThat(vm.problem().get()).isEqualTo("The folder " + dir.resolve("nowhere") + " does not exist.");
        assertThat(vm.canExport().get()).isFalse();
        vm.selected().clear();
        assertThat(vm.problem().get()).isEqualTo("Select at least one run to export.");
    }

    @Test
    void aFailingExporterLeavesNoFileAndSaysWhy() {
        ReportExporter broken = new ReportExporter() {
            @Override
            public String formatId() {
                return "broken";
            }

            @Override
            public String fileExtension() {
                return "txt";
            }

            @Override
            public void export(ReportModel model, OutputStream out) throws IOException {
                out.write(1);
                throw new IOException("disk on fire");
            }
        };
        ExportViewModel vm = new ExportViewModel(RUNS, List.of(), new ReportExporters(List.of(broken), List.of()),
                new CurrentThreadTaskExecutor(), dir);
        assertThat(vm.export()).isCompletedExceptionally();
        assertThat(vm.outcome().get()).isEqualTo("The broken exporter failed: disk on fire.");
        assertThat(vm.failed().get()).isTrue();
        assertThat(dir.resolve("run-2.txt")).doesNotExist();
    }

    @Test
    void anExporterMissingAClassSaysWhichAndLeavesNoFile() {
        // What a plugin built against a library the workbench does not ship does at its first use.
        ReportExporter unlinked = new ReportExporter() {
            @Override
            public String formatId() {
                return "xlsx";
            }

            @Override
            public String fileExtension() {
                return "xlsx";
            }

            @Override
            public void export(ReportModel model, OutputStream out) {
                throw new NoClassDefFoundError("org/apache/poi/ss/usermodel/Workbook");
            }
        };
        ExportViewModel vm = new ExportViewModel(RUNS, List.of(), new ReportExporters(List.of(unlinked), List.of()),
                new CurrentThreadTaskExecutor(), dir);
        assertThat(vm.export()).isCompletedExceptionally();
        assertThat(vm.outcome().get()).isEqualTo("The xlsx exporter failed: NoClassDefFoundError "
                + "(org/apache/poi/ss/usermodel/Workbook); its plugin may need rebuilding.");
        assertThat(dir.resolve("run-2.xlsx")).doesNotExist();
    }
}
