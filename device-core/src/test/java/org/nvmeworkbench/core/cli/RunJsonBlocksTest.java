package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonBlocksTest {
    @Test
    void runJsonAndTheSavedRecordWriteTheSameDeviceAndWorkloadBlocks(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("r.json");
        CliRun r = CliRun.of("run", "-d", "sim:tlc", "--ios", "500", "--coalesce", "7,2", "--save-run", saved.toString(), "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode record = new ObjectMapper().readTree(Files.readString(saved));
        assertThat(r.json().get("device")).isEqualTo(record.get("device"));
        assertThat(r.json().get("workload")).isEqualTo(record.get("workload"));
        JsonNode w = record.get("workload");
        assertThat(w.path("coalescing").asInt()).isEqualTo(0x0207);
        assertThat(w.path("coalesce").path("thr").asInt()).isEqualTo(7);
        assertThat(w.path("coalesce").path("time").asInt()).isEqualTo(2);
        assertThat(record.get("device").path("max_queue_entries").asInt()).isPositive();
    }
}
