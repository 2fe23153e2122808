package org.nvmeworkbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged run record is refused in one sentence naming the file and the field, never believed. */
class RunRecordValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path damaged(java.util.function.Consumer<ObjectNode> damage) throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(RunRecordJson.write(RunRecords.sample()));
        damage.accept(o);
        Path f = dir.resolve("run.json");
        Files.writeString(f, JSON.writeValueAsString(o));
        return f;
    }

    private void refused(Path f, String field) {
        assertThatThrownBy(() -> RunStore.load(f)).isInstanceOf(RunRecordException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining(field)
                .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
    }

    @Test
    void aCountThatIsNotANumberIsRefused() throws Exception {
        refused(damaged(o -> ((ObjectNode) o.get("totals")).put("ios", "many")), "totals.ios");
    }

    @Test
    void aNegativeCountIsRefused() throws Exception {
        refused(damaged(o -> ((ObjectNode) o.get("totals")).put("ios", -5)), "totals.ios");
    }

    @Test
    void aNegativeDurationIsRefused() throws Exception {
        refused(damaged(o -> o.put("duration_ns", -1)), "duration_ns");
    }

    @Test
    void readsAndWritesMustAddUpToTheIos() throws Exception {
        refused(damaged(o -> ((ObjectNode) o.get("totals")).put("reads", 1)), "totals.reads");
    }

    @Test
    void theHistogramMustCountEveryIo() throws Exception {
        refused(damaged(o -> {
            ObjectNode t = (ObjectNode) o.get("totals");
            long ios = t.get("ios").asLong() + 10;
            t.put("ios", ios).put("reads", ios).put("writes", 0);
        }), "latency_ns.all");
    }

    @Test
    void anIntactRecordLoads() throws Exception {
        assertThat(RunStore.load(damaged(o -> { })).totals().ios()).isPositive();
    }
}
