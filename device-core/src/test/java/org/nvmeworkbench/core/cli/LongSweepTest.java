package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

/** A long sweep is bounded: each point costs little memory, and a big grid says how long it will take. */
class LongSweepTest {
    @TempDir
    Path dir;

    @Test
    void aRunRecordHoldsItsLatencyInKilobytesNotHundreds() {
        Path saved = dir.resolve("r.json");
        assertThat(CliRun.of("run", "--ios", "2000", "--save-run", saved.toString()).exit()).isZero();
        RunRecord r = RunStore.load(saved);
        long bytes = r.latency().footprintBytes() + r.readLatency().footprintBytes() + r.writeLatency().footprintBytes();
        assertThat(bytes).isLessThan(64 * 1024);
    }

    @Test
    void aGridOfManyPointsSaysHowLongItWillTakeBeforeItsSecondPoint() {
        CliRun r = CliRun.of("sweep", "--thr", "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20", "--time",
                "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20", "--ios", "50", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("441 points").contains("will take about");
    }

    @Test
    void aSmallGridSaysNothingAboutTime() {
        CliRun r = CliRun.of("sweep", "--thr", "0,7", "--time", "0,1", "--ios", "100", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("will take about");
    }

    @Test
    void bigBenchRoundsAreRefusedInOneSentence() {
        CliRun r = CliRun.of("bench", "--rounds", "2147483647");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("at most");
    }
}
