package org.nvmeworkbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsLeavingNoTemporaryFile() throws Exception {
        Path file = dir.resolve("runs/run-1.json");
        RunStore.save(file, RunRecords.sample());
        RunStore.save(file, RunRecords.sample()); // replaces
        assertThat(RunStore.load(file)).isEqualTo(RunRecords.sample());
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("run-1.json");
        }
    }

    @Test
    void halfAFileIsRefusedInOneSentence() throws Exception {
        String json = RunRecordJson.write(RunRecords.sample());
        Path file = dir.resolve("cut.json");
        Files.write(file, json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RunStore.load(file))
                .isInstanceOf(RunRecordException.class)
                .hasMessageStartingWith(file + " cannot be loaded: it is not valid JSON")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> RunStore.load(file)).hasMessage("There is no run record at " + file + ".");
    }
}
