package org.nvmeworkbench.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.RunRecord;

/** The Lab's "A lost interrupt": a fault in the scenario file, and the driver's recovery in the run's notes. */
class LostInterruptScenarioTest {
    @Test
    void theShippedScenarioLosesAnInterruptAndTheDriverPollsForIt() throws Exception {
        ScenarioPlan plan = ScenarioLibrary.shipped("a-lost-interrupt");
        assertThat(plan.scenario().faults()).containsExactly("lost-interrupt@2");
        try (ScenarioRunner runner = new ScenarioRunner(plan.withSpeed(0))) {
            RunRecord r = runner.runAll().get(0).result();
            assertThat(String.join(" ", r.notes())).contains("without their interrupt");
            assertThat(runner.simulator().firedFaults()).hasSize(1);
        }
    }

    @Test
    void aFaultThatIsNotOneIsOneSentence() {
        String bad = "{ \"name\": \"x\", \"workload\": { \"number_ios\": 4 }, \"faults\": [\"meltdown@3\"] }";
        assertThatThrownBy(() -> ScenarioLibrary.parse(bad.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("faults[0]").hasMessageContaining("meltdown");
    }

    @Test
    void aHundredThousandQueuesIsOneSentence() {
        String bad = "{ \"name\": \"x\", \"workload\": { \"queues\": 100000, \"number_ios\": 4 } }";
        assertThatThrownBy(() -> ScenarioLibrary.parse(bad.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("workload.queues")
                .hasMessageContaining("100000");
    }
}
