package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.resultfile.ResultListing;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.nvmeworkbench.ui.view.runs.ComparisonTable;

/** Results made elsewhere land in Runs beside the session's own, marked by origin; bad files are said, the rest open. */
class ResultOpenerTest {
    /** Real fio 3.33 output through the kernel, checked in with the command that made it (device-core's README there). */
    private static final Path FIO_JSON_PLUS = Path.of("../device-core/src/test/resources/fio/randrw.jsonplus.json");

    private final WorkbenchSession session = new WorkbenchSession(DeviceCatalog.load(), new CurrentThreadTaskExecutor(), null);
    private final ResultOpener opener = new ResultOpener(session, new CurrentThreadTaskExecutor());

    @Test
    void aFioRunAndAWorkbenchRunOpenSideBySideAndBadFilesAreSaidInOneSentenceEach(@TempDir Path dir) throws Exception {
        session.attach("sim:tlc").join();
        RunRecord own = session.run(WorkloadSpec.defaults().withLimits(0, 2_000)).join();
        Path saved = dir.resolve("own.json");
        RunStore.save(saved, own);
        Path junk = Files.writeString(dir.resolve("notes.txt"), "not a result\n");
        byte[] fioBefore = Files.readAllBytes(FIO_JSON_PLUS);

        ResultListing listing = opener.open(List.of(FIO_JSON_PLUS, junk, dir.resolve("missing.json"), saved)).join();

        assertThat(listing.problems()).hasSize(2);
        List<RunRecord> fio = session.runs().stream().filter(r -> r.origin().source() == RunOrigin.Source.FIO).toList();
        assertThat(fio).as("fio's read and write directions, one run each").hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.interruptsMeasured()).isFalse();
                    assertThat(r.origin().file()).endsWith("randrw.jsonplus.json");
                });
        assertThat(session.runs()).as("the saved copy of a run already in Runs is not added twice").hasSize(3);
        assertThat(session.message().get()).startsWith("Opened 3 runs from 2 files (1 already in Runs).")
                .contains(listing.problems().get(0)).contains(listing.problems().get(1));
        assertThat(Files.readAllBytes(FIO_JSON_PLUS)).as("nothing is written into an opened file").isEqualTo(fioBefore);

        ComparisonTable t = ComparisonTable.of(session.runs(), List.of(own, fio.get(0)));
        assertThat(t.figures()).filteredOn(r -> r.name().equals("host CPU on interrupts (%)")).singleElement()
                .satisfies(r -> assertThat(r.cell(1).value()).isEqualTo(ComparisonTable.NOT_MEASURED));
        assertThat(t.settings()).filteredOn(r -> r.name().equals("measured by")).singleElement()
                .satisfies(r -> assertThat(r.cell(1).value()).startsWith("fio-3."));
        session.detach().join();
    }

    @Test
    void aSweepFolderGivesItsResultToTheSweepView(@TempDir Path dir) {
        int code = org.nvmeworkbench.core.cli.Main.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "sweep", "--thr", "0,7", "--time", "0,1", "--ios",
                "2000", "--slo-p99", "300us", "--save-dir", dir.toString());
        assertThat(code).isZero();
        ResultListing listing = opener.open(List.of(dir)).join();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.files()).extracting(f -> f.kind().name()).containsExactly("SWEEP_FOLDER");
        assertThat(opener.openedSweep().get()).isNotNull()
                .satisfies(r -> assertThat(r.points()).hasSize(4))
                .satisfies(r -> assertThat(r.recommendation().chosen()).isNotNull());
        assertThat(session.runs()).hasSize(4);
    }
}
