package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.QueueDepths;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.resultfile.FioFiles;

/**
 * A run's fio JSON+ against real fio 3.33 JSON+ (test resources fio/randrw.jsonplus.json): the same keys in
 * the same order in jobs[], the queue depth distributions from what the I/O loop counted.
 */
class FioJsonKeysTest {
    @TempDir
    Path dir;

    private static List<String> keys(JsonNode o) {
        List<String> k = new ArrayList<>();
        o.fieldNames().forEachRemaining(k::add);
        return k;
    }

    private JsonNode run(String... extra) throws IOException {
        Path saved = dir.resolve("run-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("run", "-d", "sim:tlc", "--save-run", saved.toString(), "-o", "fio-jsonplus"));
        args.addAll(List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).path("jobs").get(0);
    }

    @Test
    void jobsHaveEveryKeyFio333WritesInFiosOrder() throws IOException {
        JsonNode fio = FioFiles.json("randrw.jsonplus.json").path("jobs").get(0);
        JsonNode ours = run("--ios", "3000");
        List<String> ourKeys = keys(ours);
        ourKeys.remove("nvme_workbench"); // ours alone, after fio's
        assertThat(ourKeys).containsExactlyElementsOf(keys(fio));
        assertThat(keys(ours.path("read"))).containsExactlyElementsOf(keys(fio.path("read")));
        assertThat(keys(ours.path("sync"))).containsExactlyElementsOf(keys(fio.path("sync")));
        assertThat(keys(ours.path("sync").path("lat_ns"))).containsExactlyElementsOf(keys(fio.path("sync").path("lat_ns")));
        for (String k : List.of("iodepth_level", "iodepth_submit", "iodepth_complete", "latency_ns", "latency_us", "latency_ms")) {
            assertThat(keys(ours.path(k))).as(k).containsExactlyElementsOf(keys(fio.path(k)));
        }
        assertThat(ours.path("latency_depth").asInt()).isEqualTo(32);
        assertThat(ours.path("latency_percentile").asDouble()).isEqualTo(fio.path("latency_percentile").asDouble());
    }

    @Test
    void iodepthLevelComesFromTheDepthTheLoopSawAtEachDoorbell() throws IOException {
        // iodepth 1: every command rung alone at depth 1, every reap finds one, as fio's psync job shows.
        JsonNode one = run("--ios", "2000", "--iodepth", "1");
        assertThat(one.at("/iodepth_level/1").asDouble()).isEqualTo(100.0);
        assertThat(one.at("/iodepth_submit/4").asDouble()).isEqualTo(100.0);
        assertThat(one.at("/iodepth_complete/4").asDouble()).isEqualTo(100.0);
        // iodepth 32: after the first 32 the queue is refilled to 32 before each doorbell.
        JsonNode deep = run("--ios", "20000", "--iodepth", "32");
        assertThat(deep.at("/iodepth_level/32").asDouble()).isGreaterThan(90.0);
        assertThat(deep.at("/iodepth_level/>=64").asDouble()).isZero();
        double sum = 0;
        for (JsonNode v : deep.path("iodepth_level")) {
            sum += v.asDouble();
        }
        assertThat(sum).isCloseTo(100.0, within(0.5));
    }

    @Test
    void theCountsAreSavedWithTheRunAndReadBack() throws IOException {
        Path saved = dir.resolve("r.json");
        assertThat(CliRun.of("run", "--ios", "1000", "--save-run", saved.toString()).exit()).isZero();
        RunRecord r = RunStore.load(saved);
        assertThat(r.queueDepths().measured()).isTrue();
        long submitted = 0;
        for (long c : r.queueDepths().atSubmit()) {
            submitted += c;
        }
        assertThat(submitted).isEqualTo(1000);
        assertThat(RunRecordJson.read(RunRecordJson.write(r)).queueDepths()).isEqualTo(r.queueDepths());
    }

    @Test
    void fiosBucketsForDepthAndBatch() {
        // io_u.c io_u_mark_depth: 1 | 2-3 | 4-7 | 8-15 | 16-31 | 32-63 | 64+
        int[][] depth = {{1, 0}, {2, 1}, {3, 1}, {4, 2}, {7, 2}, {8, 3}, {15, 3}, {16, 4}, {31, 4}, {32, 5}, {63, 5}, {64, 6}, {1000, 6}};
        for (int[] d : depth) {
            assertThat(QueueDepths.depthBucket(d[0])).as("depth %d", d[0]).isEqualTo(d[1]);
        }
        // io_u.c __io_u_mark_map: 0 | 1-4 | 5-8 | 9-16 | 17-32 | 33-64 | 65+
        int[][] batch = {{0, 0}, {1, 1}, {4, 1}, {5, 2}, {8, 2}, {9, 3}, {16, 3}, {17, 4}, {32, 4}, {33, 5}, {64, 5}, {65, 6}};
        for (int[] b : batch) {
            assertThat(QueueDepths.batchBucket(b[0])).as("batch %d", b[0]).isEqualTo(b[1]);
        }
    }

    @Test
    void fiosOwnClat2csvReadsARunsJsonPlus() throws Exception {
        Path script = Path.of("/usr/bin/fio_jsonplus_clat2csv");
        Assumptions.assumeTrue(Files.isExecutable(script) || "true".equalsIgnoreCase(System.getenv("CI")),
                "fio_jsonplus_clat2csv is not installed (apt-get install fio); the check runs on CI.");
        Path in = dir.resolve("run.jsonplus.json");
        CliRun r = CliRun.of("run", "--ios", "3000", "-o", "fio-jsonplus", "--output", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Process gen = new ProcessBuilder(script.toString(), in.toString(), dir.resolve("clat.csv").toString())
                .redirectErrorStream(true).start();
        assertThat(gen.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).as(new String(gen.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isZero();
        Process val = new ProcessBuilder(script.toString(), in.toString(), dir.resolve("clat.csv").toString(), "--validate")
                .redirectErrorStream(true).start();
        assertThat(val.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(val.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(val.exitValue()).as(out).isZero();
        assertThat(out).contains("clat_job0.csv validated");
    }
}
