package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

/** run --fault KIND@WHEN: the simulator's faults on request, and the driver's recovery in the record's notes. */
class FaultOnRequestTest {
    @TempDir
    Path dir;

    @Test
    void aLostInterruptIsRecoveredAndTheNotesSaySo() throws Exception {
        Path saved = dir.resolve("r.json");
        CliRun r = CliRun.of("run", "--ios", "8000", "--iodepth", "1", "--fault", "lost-interrupt@5000", "--save-run", saved.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        RunRecord rec = RunStore.load(saved);
        assertThat(String.join(" ", rec.notes())).contains("lost-interrupt").contains("after 5000 I/O commands")
                .contains("without their interrupt");
        assertThat(r.out()).contains("lost-interrupt");
    }

    @Test
    void aLostInterruptAmongManyInFlightIsSaidToBeHarmless() {
        CliRun r = CliRun.of("run", "--ios", "20000", "--fault", "lost-interrupt@5000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 interrupt signal(s) were lost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"error-status@100", "lost-interrupt@100", "stuck-command@100", "masked-vector@100",
        "slow-command@100", "cfs@100", "lost-interrupt@1ms"})
    void everyKindCanBeAskedFor(String fault) {
        CliRun r = CliRun.of("run", "--ios", "3000", "--fault", fault);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        String kind = fault.substring(0, fault.indexOf('@'));
        assertThat(r.out() + r.err()).contains(kind);
    }

    @Test
    void severalFaultsMayBeGiven() {
        CliRun r = CliRun.of("run", "--ios", "5000", "--fault", "error-status@100", "--fault", "slow-command@200");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("error-status").contains("slow-command");
    }

    @Test
    void anUnknownFaultIsBadInput() {
        CliRun r = CliRun.of("run", "--ios", "100", "--fault", "meltdown@3");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("Unknown fault 'meltdown'");
    }

    @Test
    void aRealDeviceIsNeverFaultedOnPurpose() throws Exception {
        Files.createDirectories(dir);
        CliRun r = CliRun.of("run", "-d", "vfio:0000:99:00.0", "--ios", "100", "--fault", "cfs@1");
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("--fault");
    }
}
