package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

class MainRunTest {
    @TempDir
    Path dir;

    @Test
    void thresholdSevenSignalsEveryEightCompletions() {
        CliRun r = CliRun.of("run", "--ios", "20000", "--coalesce", "7,255", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("ios").asLong()).isEqualTo(20000);
        assertThat(j.get("completions_per_interrupt").asDouble()).isEqualTo(8.0);
        assertThat(j.at("/interrupts/total").asLong()).isEqualTo(2500);
        assertThat(j.at("/interrupts/per_vector/0/iv").asInt()).isEqualTo(1);
        assertThat(j.at("/interrupts/per_vector/0/count").asLong()).isEqualTo(2500);
        assertThat(j.at("/features/08h/thr").asInt()).isEqualTo(7);
        assertThat(j.at("/features/08h/time").asInt()).isEqualTo(255);
        assertThat(j.at("/features/08h/meaning").asText()).isEqualTo("THR 7 = signal after 8 completions, TIME 255 = wait at most 25.5 ms");
        assertThat(j.at("/workload/rw").asText()).isEqualTo("randread");
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        assertThat(j.at("/device/spec").asText()).isEqualTo("sim");
    }

    @Test
    void latencyJsonUsesFiosPercentileKeysInOrder() {
        JsonNode lat = CliRun.of("run", "--ios", "5000", "-o", "json").json().get("lat_ns");
        JsonNode p = lat.get("percentiles");
        assertThat(p.fieldNames()).toIterable().startsWith("1.000000", "5.000000", "10.000000")
                .contains("99.000000", "99.500000", "99.990000", "99.999000", "99.999900").hasSize(19);
        assertThat(p.get("50.000000").asLong()).isBetween(lat.get("min").asLong(), p.get("99.000000").asLong());
        assertThat(lat.get("max").asLong()).isGreaterThanOrEqualTo(p.get("99.999900").asLong());
        assertThat(lat.get("stdev").asDouble()).isPositive();
    }

    @Test
    void withCoalescingOffEveryCompletionIsAnInterrupt() {
        JsonNode j = CliRun.of("run", "--ios", "3000", "-o", "json").json();
        assertThat(j.get("completions_per_interrupt").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/features/08h/enabled").asBoolean()).isFalse();
    }

    @Test
    void textReadsLikeFiosSummaryAndStatesTheFeatureMeaning() {
        CliRun r = CliRun.of("run", "--ios", "4000", "--coalesce", "7,2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("rw=randread, bs=(R) 4096B-4096B")
                .containsPattern("  read: IOPS=[0-9.]+k, BW=[0-9.]+MiB/s \\([0-9.]+MB/s\\)")
                .containsPattern("     lat \\(usec\\): min=\\d+, max=\\d+, avg=[0-9.]+, stdev=[0-9.]+")
                .contains("    clat percentiles (usec):\n     |  1.00th=[")
                .contains("interrupts: 500 total, 8.00 completions per interrupt, host irq cpu ")
                .contains("IV 1: 500 interrupts, 4000 completions, 8.00 per interrupt")
                .contains("08h: THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us");
    }

    @Test
    void aVectorWithCoalescingDisabledSignalsEveryCompletion() {
        JsonNode j = CliRun.of("run", "--queues", "2", "--cd-vectors", "2", "--coalesce", "7,255", "--ios", "4000", "-o", "json").json();
        assertThat(j.at("/features/09h/1/iv").asInt()).isEqualTo(2);
        assertThat(j.at("/features/09h/1/cd").asBoolean()).isTrue();
        JsonNode iv2 = j.at("/interrupts/per_vector/1");
        assertThat(iv2.get("iv").asInt()).isEqualTo(2);
        assertThat(iv2.get("count").asLong()).isEqualTo(iv2.get("completions").asLong());
        JsonNode iv1 = j.at("/interrupts/per_vector/0");
        // THR 7: one interrupt per 8 completions; the run's last partial batch is signalled by TIME.
        long completions = iv1.get("completions").asLong();
        assertThat(iv1.get("count").asLong()).isEqualTo((completions + 7) / 8);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        JsonNode a = CliRun.of("run", "--ios", "2000", "--seed", "9", "-o", "json").json();
        JsonNode b = CliRun.of("run", "--ios", "2000", "--seed", "9", "-o", "json").json();
        assertThat(a.get("lat_ns")).isEqualTo(b.get("lat_ns"));
    }

    @Test
    void saveRunWritesARecordThatLoadsBack() {
        Path file = dir.resolve("run.json");
        CliRun r = CliRun.of("run", "--ios", "2000", "--coalesce", "3,1", "--save-run", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        RunRecord rec = RunStore.load(file);
        assertThat(rec.totals().ios()).isEqualTo(2000);
        assertThat(rec.latency().count()).isEqualTo(2000);
        assertThat(rec.features().interruptCoalescing().threshold()).isEqualTo(3);
        assertThat(rec.device().lbaSize()).isEqualTo(512);
    }

    @Test
    void outputFileGetsTheJsonAndStdoutStaysEmpty() throws Exception {
        Path file = dir.resolve("out/result.json");
        CliRun r = CliRun.of("run", "--ios", "1000", "-o", "json", "--output", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).contains("\"completions_per_interrupt\"");
    }

    @Test
    void writesNeedAllowWrites() {
        CliRun r = CliRun.of("run", "--rw", "randwrite", "--ios", "100");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("--allow-writes");
        assertThat(CliRun.of("run", "--rw", "randwrite", "--ios", "100", "--allow-writes").exit()).isZero();
    }

    @Test
    void badWorkloadsAreOneSentenceUsageErrors() {
        CliRun bs = CliRun.of("run", "--bs", "1000", "--ios", "10");
        assertThat(bs.exit()).isEqualTo(2);
        assertThat(bs.err().strip()).isEqualTo("The block size 1000 B is not a multiple of the namespace's 512 B logical block.");
        CliRun depth = CliRun.of("run", "--iodepth", "5000", "--ios", "10");
        assertThat(depth.exit()).isEqualTo(2);
        assertThat(depth.err()).contains("iodepth 5000 is more than a queue of this controller can hold");
        CliRun size = CliRun.of("run", "--bs", "4q");
        assertThat(size.exit()).isEqualTo(2);
        assertThat(size.oneLineError()).isTrue();
        assertThat(size.err()).contains("'4q' is not a size").contains("--help");
    }

    @Test
    void unknownDevicesAndProfilesAreUsageErrors() {
        CliRun dev = CliRun.of("run", "-d", "bogus");
        assertThat(dev.exit()).isEqualTo(2);
        assertThat(dev.err().strip()).startsWith("Unknown device 'bogus'");
        CliRun profile = CliRun.of("run", "--profile", "qlc");
        assertThat(profile.exit()).isEqualTo(2);
        assertThat(profile.oneLineError()).isTrue();
        assertThat(profile.err()).contains("qlc").contains("tlc");
    }
}
