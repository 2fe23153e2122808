package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is one sentence with its reason and exit status 2, the same on every command. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void badInput(CliRun r, String says) {
        assertThat(r.exit()).as(r.err()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).as(r.err()).isTrue();
        assertThat(r.err()).contains(says);
    }

    @Test
    void anAbsentVfioDeviceIsBadInputOnEveryCommand() {
        String absent = "vfio:0000:99:00.0";
        badInput(CliRun.of("run", "-d", absent, "--ios", "10"), "0000:99:00.0");
        badInput(CliRun.of("identify", "-d", absent), "0000:99:00.0");
        badInput(CliRun.of("sweep", "-d", absent, "--thr", "0", "--time", "0"), "0000:99:00.0");
        badInput(CliRun.of("bench", "-d", absent, "--rounds", "1", "--warmups", "0", "--ios", "10"), "0000:99:00.0");
    }

    @Test
    void missingFilesAreBadInput() {
        badInput(CliRun.of("report", dir.resolve("none.json").toString()), "none.json");
        badInput(CliRun.of("run", "--job", dir.resolve("none.fio").toString()), "none.fio");
    }

    @Test
    void aJobFileThatIsNotTextSaysSo() throws Exception {
        Path bad = Files.write(dir.resolve("bad.fio"), new byte[] {'[', 'j', ']', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        badInput(CliRun.of("run", "--job", bad.toString()), "is not UTF-8 text");
    }

    @Test
    void aHugeJobFileIsRefusedUnread() throws Exception {
        Path big = dir.resolve("big.fio");
        Files.write(big, new byte[3 << 20]);
        badInput(CliRun.of("run", "--job", big.toString()), "KiB");
    }

    @Test
    void aZeroLatencyTargetIsRefused() {
        badInput(CliRun.of("sweep", "--thr", "0", "--time", "0", "--ios", "100", "--slo-p99", "0"), "must be above 0");
    }
}
