package org.nvmeworkbench.ui.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabScenarioTest {

    @Test
    void labNamesAndFilesOpenTheLabWhileTuningDemoStaysTheTuningSession(@TempDir Path dir) throws Exception {
        assertThat(LabScenario.isLab("one-command-journey")).isTrue();
        assertThat(LabScenario.isLab("sixteen-queues-sixteen-vectors")).isTrue();
        assertThat(LabScenario.isLab(Scenario.TUNING_DEMO)).isFalse();
        assertThat(LabScenario.isLab("no-such-scenario")).as("an unknown name is the tuning launcher's to refuse").isFalse();
        assertThat(LabScenario.isLab("mine.json")).as("a scenario file, even a missing one (it says so)").isTrue();
        Path f = Files.writeString(dir.resolve("lecture"), "{}");
        assertThat(LabScenario.isLab(f.toString())).isTrue();
        assertThat(LabScenario.isLab(null)).isFalse();
    }

    @Test
    void anUnknownScenarioNamesTheOnesThereAre() {
        var f = Scenario.play("no-such-scenario", null, null, "sim");
        assertThat(f).isCompletedExceptionally();
        assertThat(f.handle((v, t) -> t.getMessage()).join()).contains("tuning-demo").contains("one-command-journey")
                .doesNotContain("\n");
    }
}
