package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the output goes must never be clobbered: device nodes and pipes are written through, symlinks
 * followed, folders refused, and inputs never overwritten. Device nodes are private copies made with mknod in
 * a temporary folder, never /dev itself.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path node(String name, String major, String minor) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mknod needs root");
        Path p = dir.resolve(name);
        Process pr = new ProcessBuilder("mknod", p.toString(), "c", major, minor).inheritIO().start();
        Assumptions.assumeTrue(pr.waitFor() == 0, "mknod failed");
        return p;
    }

    private static boolean isDevice(Path p) throws Exception {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    @Test
    void aNullDeviceIsWrittenThroughNotReplaced() throws Exception {
        Path nul = node("null", "1", "3");
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", nul.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(isDevice(nul)).isTrue();
    }

    @Test
    void aFullDeviceFailsInOneSentenceAndStaysADevice() throws Exception {
        Path full = node("full", "1", "7");
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", full.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.REFUSED);
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("Could not write " + full + ": no space left on device.");
        assertThat(isDevice(full)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("full");
        }
    }

    @Test
    void aSavedRunToADeviceNodeKeepsTheNode() throws Exception {
        Path nul = node("null", "1", "3");
        CliRun r = CliRun.of("run", "--ios", "200", "--save-run", nul.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(isDevice(nul)).isTrue();
    }

    @Test
    void aRunThatCannotBeSavedStillPrintsItsResults() throws Exception {
        Path full = node("full", "1", "7");
        CliRun r = CliRun.of("run", "--ios", "200", "--save-run", full.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.REFUSED);
        assertThat(r.out()).contains("IOPS=");
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("Could not write " + full + ": no space left on device.");
    }

    @Test
    void aFifoIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("pipe");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", fifo.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(read.get(10, TimeUnit.SECONDS)).contains("Interrupt Coalescing");
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    }

    @Test
    void aSymlinkIsFollowedAndItsTargetReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target.getFileName());
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", link.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("Interrupt Coalescing");
    }

    @Test
    void aSymlinkToAFileNotYetThereCreatesTheTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("new.txt"));
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", link.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("new.txt"))).contains("Interrupt Coalescing");
    }

    @Test
    void aFolderIsRefusedInOneSentence() {
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", dir.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(dir + " is a folder");
    }

    @Test
    void aDashIsStdout() {
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Interrupt Coalescing");
        assertThat(Files.exists(Path.of("-"))).isFalse();
    }

    @Test
    void aReportNeverOverwritesItsInput() throws Exception {
        Path run = dir.resolve("run.json");
        assertThat(CliRun.of("run", "--ios", "200", "--save-run", run.toString()).exit()).isZero();
        byte[] before = Files.readAllBytes(run);
        CliRun r = CliRun.of("report", run.toString(), "--output", dir.resolve(".").resolve("run.json").toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(r.err()).contains("is also an input");
        assertThat(Files.readAllBytes(run)).isEqualTo(before);
    }

    @Test
    void runRefusesTheSameFileForOutputAndSaveRunEvenThroughAHardLink() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "keep");
        Path b = Files.createLink(dir.resolve("b.json"), a);
        CliRun r = CliRun.of("run", "--ios", "200", "--output", a.toString(), "--save-run", b.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(Files.readString(a)).isEqualTo("keep");
        CliRun same = CliRun.of("run", "--ios", "200", "--output", dir.resolve("c.json").toString(),
                "--save-run", dir.resolve("sub/../c.json").toString());
        assertThat(same.exit()).isEqualTo(CliFailure.USAGE);
    }

    @Test
    void runNeverOverwritesItsJobFile() throws Exception {
        Path job = Files.writeString(dir.resolve("job.fio"), "[j]\nrw=randread\nnumber_ios=200\n");
        CliRun r = CliRun.of("run", "--job", job.toString(), "--output", job.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(Files.readString(job)).startsWith("[j]");
    }

    @Test
    void aFailingStdoutIsOneSentenceAndExitOne() throws Exception {
        Path full = node("full", "1", "7");
        StringWriter err = new StringWriter();
        int code;
        try (FileOutputStream f = new FileOutputStream(full.toFile())) {
            code = Main.execute(new PrintWriter(f, true), new PrintWriter(err, true), "get-feature", "-f", "8");
        }
        assertThat(code).isEqualTo(CliFailure.REFUSED);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("Could not write to standard output");
    }

    @Test
    void aStaleTemporaryFileOfADeadWriterIsRemoved() throws Exception {
        Path out = dir.resolve("out.txt");
        Path stale = Files.writeString(dir.resolve(".out.txt.nvme-workbench-999999999-1.tmp"), "half");
        Path foreign = Files.writeString(dir.resolve(".out.txt.someone-else.tmp"), "theirs");
        CliRun r = CliRun.of("get-feature", "-f", "8", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(stale).doesNotExist();
        assertThat(foreign).exists();
    }
}
