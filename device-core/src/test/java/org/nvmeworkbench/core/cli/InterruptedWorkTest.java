package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C as a user presses it: a real SIGINT to a separate JVM running the command line, since a signal
 * handler cannot be tried inside the test's own JVM without ending it.
 */
class InterruptedWorkTest {
    @TempDir
    Path dir;

    private record Ended(int exit, String out, String err) {
    }

    private Ended interrupt(int signals, long afterMillis, String... args) throws Exception {
        Assumptions.assumeTrue(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute(), "needs kill");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Thread.sleep(afterMillis);
        for (int i = 0; i < signals; i++) {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            Thread.sleep(50);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not end after SIGINT");
        }
        return new Ended(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anInterruptedRunPrintsAndSavesWhatItMeasured() throws Exception {
        Path saved = dir.resolve("x.json");
        Ended e = interrupt(1, 3000, "run", "--runtime", "3000s", "--save-run", saved.toString());
        assertThat(e.exit()).as(e.err()).isEqualTo(130);
        assertThat(e.out()).contains("IOPS=").contains("Interrupted by Ctrl-C");
        assertThat(e.err()).contains("Interrupted: stopping");
        assertThat(Files.readString(saved)).contains("Interrupted by Ctrl-C");
    }

    @Test
    void aSecondInterruptQuitsAtOnce() throws Exception {
        Path saved = dir.resolve("x.json");
        Ended e = interrupt(2, 3000, "run", "--runtime", "3000s", "--save-run", saved.toString());
        assertThat(e.exit()).isEqualTo(130);
        assertThat(saved).doesNotExist();
    }

    @Test
    void anInterruptedSweepKeepsItsFinishedPoints() throws Exception {
        Path points = dir.resolve("points");
        Ended e = interrupt(1, 4000, "sweep", "--thr", "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15", "--time", "0,1,2,3",
                "--ios", "300000", "--save-dir", points.toString());
        assertThat(e.exit()).as(e.err()).isEqualTo(130);
        try (var files = Files.list(points)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("thr")).count()).isPositive();
        }
        assertThat(points.resolve("sweep.json")).exists();
        assertThat(e.out()).contains(" of 64 points");
    }
}
