package org.nvmeworkbench.ui.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines open the window, and with which results. */
class LaunchOptionsTest {

    @Test
    void existingFilesAndFoldersOpenInTheWindow(@TempDir Path dir) throws Exception {
        Path run = Files.writeString(dir.resolve("a.json"), "{}");
        var o = LaunchOptions.parse(run.toString(), dir.toString(), "--theme", "dark");
        assertThat(o).hasValueSatisfying(opts -> {
            assertThat(opts.files()).containsExactly(run, dir);
            assertThat(opts.theme()).isEqualTo("dark");
        });
    }

    @Test
    void aCommandOrAMissingFileIsTheCommandLinesToAnswer(@TempDir Path dir) {
        assertThat(LaunchOptions.parse("run", "--ios", "10")).isEmpty();
        assertThat(LaunchOptions.parse(dir.resolve("missing.json").toString())).isEmpty();
        assertThat(LaunchOptions.parse()).hasValueSatisfying(o -> assertThat(o.files()).isEmpty());
    }
}
