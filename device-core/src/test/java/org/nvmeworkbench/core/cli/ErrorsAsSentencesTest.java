package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java's Errors reach the user as one sentence with what to do, never a stack trace. */
class ErrorsAsSentencesTest {
    @TempDir
    Path dir;

    @Test
    void everyErrorKindHasASentence() {
        assertThat(Main.errorSentence(new OutOfMemoryError("Direct buffer memory"))).contains("--queues")
                .contains("MaxDirectMemorySize").doesNotContain("\n");
        assertThat(Main.errorSentence(new StackOverflowError())).contains("plugin");
        assertThat(Main.errorSentence(new NoClassDefFoundError("com/example/Missing"))).contains("com/example/Missing")
                .contains("plugin");
    }

    @Test
    void directBufferExhaustionOnManyQueuesIsOneSentence() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxDirectMemorySize=2m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--queues", "64", "--ios", "1000"));
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(dir.resolve("out").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String e = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(e).isEqualTo(CliFailure.REFUSED);
        assertThat(e.strip().lines()).as(e).hasSize(1);
        assertThat(e).contains("direct memory").doesNotContain("\tat ");
    }
}
