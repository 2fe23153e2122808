package org.nvmeworkbench.core.resultfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.report.SampleRuns;

/** Every way a file can fail gives one sentence naming it, and never stops the other files. */
class ResultFilesErrorsTest {

    @Test
    void aFileOfNoKnownKindSaysWhatItIsNot(@TempDir Path dir) throws Exception {
        Path x = dir.resolve("x.txt");
        Files.writeString(x, "hello\n");
        Path json = dir.resolve("other.json");
        Files.writeString(json, "{\"name\": \"not a result\"}\n");
        assertThat(ResultFiles.open(List.of(x, json)).problems()).containsExactly(
                x + " is not a run record, a sweep folder, fio JSON or an HdrHistogram log.",
                json + " is not a run record, a sweep folder, fio JSON or an HdrHistogram log.");
    }

    @Test
    void truncatedFioJsonIsNamedWithItsLineAndTheOthersStillOpen(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(FioFiles.path("psync-two-jobs.json"));
        Path cut = dir.resolve("cut.json");
        Files.write(cut, lines.subList(0, 60));
        ResultListing l = ResultFiles.open(List.of(cut, FioFiles.path("randread.json")));
        assertThat(l.problems()).containsExactly(cut + " is damaged fio JSON at line 60: it ends before the JSON does (cut off?).");
        assertThat(l.runs()).hasSize(1);
        assertThat(l.files().get(0).kind()).isEqualTo(ResultKind.NOT_OPENED);
    }

    @Test
    void aDamagedRunRecordIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        String json = RunRecordJson.write(SampleRuns.run(80_000, 0, 0, 20_000));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, json.replaceFirst("\"seed\" : 7,", "\"seed\" : 7,,"));
        int line = (int) json.substring(0, json.indexOf("\"seed\"")).lines().count();
        assertThat(ResultFiles.open(List.of(bad)).problems()).singleElement().asString()
                .startsWith(bad + " is damaged JSON (a run record) at line " + line + ": ").endsWith(".").doesNotContain("\n");
    }

    @Test
    void aNewerRunRecordSaysSoAsRunStoreDoes(@TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, RunRecordJson.write(SampleRuns.run(80_000, 0, 0, 20_000)).replaceFirst("\"version\" : 2", "\"version\" : 9"));
        assertThat(ResultFiles.open(List.of(newer)).problems()).containsExactly(newer
                + " cannot be loaded: it was written by a newer NVMe Workbench (run record version 9); this one reads version 2.");
    }

    @Test
    void aFileAboveTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(600L << 20); // sparse: costs no disk
        }
        assertThat(ResultFiles.open(List.of(big)).problems()).containsExactly(big
                + " is 600 MiB, more than the 512 MiB a result file may be, so it was not read.");
    }

    @Test
    void aMissingFileAndAnEmptyFolder(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("gone.json");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("README"), "nothing here\n");
        assertThat(ResultFiles.open(List.of(missing, empty)).problems()).containsExactly(
                missing + " does not exist.",
                empty + " holds nothing to open: no run record, sweep.json, fio JSON or HdrHistogram log.");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws Exception {
        Path locked = dir.resolve("locked.json");
        Files.copy(FioFiles.path("randread.json"), locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("root reads every file").isFalse();
        assertThat(ResultFiles.open(List.of(locked)).problems()).containsExactly(locked + " cannot be read: permission denied.");
    }

    @Test
    void openingWritesNothing(@TempDir Path dir) throws Exception {
        Path rec = dir.resolve("r.json");
        RunStore.save(rec, SampleRuns.run(80_000, 0, 0, 20_000));
        Path fio = Files.copy(FioFiles.path("randread.jsonplus.out"), dir.resolve("f.out"));
        FileTime t0 = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(rec, t0);
        Files.setLastModifiedTime(fio, t0);
        byte[] before = Files.readAllBytes(fio);
        ResultListing l = ResultFiles.open(List.of(rec, fio, dir));
        assertThat(l.problems()).isEmpty();
        assertThat(Files.getLastModifiedTime(rec)).isEqualTo(t0);
        assertThat(Files.getLastModifiedTime(fio)).isEqualTo(t0);
        assertThat(Files.readAllBytes(fio)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void theListingIsImmutable() {
        ResultListing l = ResultFiles.open(List.of(FioFiles.path("randread.json")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.files().clear()).isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.files().get(0).runs().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
