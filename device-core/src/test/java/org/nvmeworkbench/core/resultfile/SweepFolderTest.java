package org.nvmeworkbench.core.resultfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.cli.Main;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepResult;

class SweepFolderTest {

    /** Runs the CLI's sweep into {@code dir} and returns what it printed as JSON. */
    static JsonNode sweep(Path dir, String... extra) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "-d", "sim:tlc", "--thr", "0,7", "--time", "0,2",
                "--ios", "2000", "-o", "json", "--save-dir", dir.toString()));
        args.addAll(List.of(extra));
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aSavedSweepOpensWithTheRecommendationItPrinted(@TempDir Path dir) throws Exception {
        Path sweepDir = dir.resolve("lab7-sweep");
        JsonNode printed = sweep(sweepDir, "--slo-p99", "10ms");

        ResultListing l = ResultFiles.open(List.of(sweepDir));
        assertThat(l.problems()).isEmpty();
        ResultFile f = l.files().get(0);
        assertThat(f.kind()).isEqualTo(ResultKind.SWEEP_FOLDER);
        assertThat(f.runs()).hasSize(4);
        assertThat(f.runs().get(3).label()).isEqualTo("lab7-sweep THR 7, TIME 2, iodepth 32");
        SweepResult s = f.sweepResult().orElseThrow();
        assertThat(s.percentile()).isEqualTo(99);
        assertThat(s.targetNanos()).isEqualTo(10_000_000);
        assertThat(s.cost()).isEqualTo(SweepCost.INTERRUPTS_PER_SECOND);
        assertThat(s.grid().thresholds()).containsExactly(0, 7);
        assertThat(s.recommendation().meetsTarget()).isTrue();
        assertThat(s.recommendation().chosen().setting().threshold()).isEqualTo(printed.path("recommendation").path("thr").asInt());
        assertThat(s.recommendation().chosen().setting().time()).isEqualTo(printed.path("recommendation").path("time").asInt());
        assertThat(s.recommendation().explanation()).isEqualTo(printed.path("recommendation").path("explanation").asText());
        assertThat(f.runs().get(0).record().origin().file()).endsWith("thr0-time0-qd32.json");
    }

    @Test
    void anOlderSweepJsonWithoutFileNamesOpensByTheSettingsFileStems(@TempDir Path dir) throws Exception {
        Path sweepDir = dir.resolve("old");
        JsonNode printed = sweep(sweepDir, "--percentile", "99.9", "--slo", "1s", "--cost", "cpu");
        // What sweep.json held before format and points[].file were added: the -o json output.
        Files.writeString(sweepDir.resolve("sweep.json"), printed.toString());
        SweepResult s = ResultFiles.open(List.of(sweepDir)).files().get(0).sweepResult().orElseThrow();
        assertThat(s.percentile()).isEqualTo(99.9);
        assertThat(s.cost()).isEqualTo(SweepCost.IRQ_CPU_SHARE);
        assertThat(s.recommendation().explanation()).isEqualTo(printed.path("recommendation").path("explanation").asText());
    }

    @Test
    void aSweepFolderWithAPointMissingSaysWhich(@TempDir Path dir) throws Exception {
        Path sweepDir = dir.resolve("s");
        sweep(sweepDir);
        Files.delete(sweepDir.resolve("thr7-time0-qd32.json"));
        assertThat(ResultFiles.open(List.of(sweepDir)).problems()).containsExactly(sweepDir
                + " is an incomplete sweep folder: the run record of THR 7, TIME 0, iodepth 32 (thr7-time0-qd32.json) is missing.");
    }

    @Test
    void aFolderWithoutSweepJsonOpensAsItsResultsAndPassesOverOtherFiles(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        sweep(runs);
        Files.delete(runs.resolve("sweep.json"));
        Files.writeString(runs.resolve("notes.txt"), "what I ran\n");
        Files.copy(FioFiles.path("randread.json"), runs.resolve("zz-fio.json"));
        ResultListing l = ResultFiles.open(List.of(runs));
        assertThat(l.problems()).isEmpty();
        assertThat(l.files()).extracting(ResultFile::kind).containsExactly(ResultKind.RUN_RECORD, ResultKind.RUN_RECORD,
                ResultKind.RUN_RECORD, ResultKind.RUN_RECORD, ResultKind.FIO_JSON);
        assertThat(l.labels()).startsWith("runs/thr0-time0-qd32").endsWith("fio-3.33 runs/zz-fio");
    }

    @Test
    void aRunRecordOpensWithItsFileAsOrigin(@TempDir Path dir) throws Exception {
        Path runs = dir.resolve("runs");
        sweep(runs);
        Path one = runs.resolve("thr7-time2-qd32.json");
        ResultListing l = ResultFiles.open(List.of(one));
        assertThat(l.files().get(0).kind()).isEqualTo(ResultKind.RUN_RECORD);
        assertThat(l.labels()).containsExactly("thr7-time2-qd32");
        assertThat(l.records().get(0).origin().file()).isEqualTo(one.toAbsolutePath().toString());
        assertThat(l.records().get(0).features()).isEqualTo(RunStore.load(one).features());
        assertThat(l.records().get(0).interruptsMeasured()).isTrue();
    }
}
