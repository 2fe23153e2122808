package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** fio's CPU words on the command line: they take effect, run -o json lists the cores, bad values are a sentence. */
class RunCpuPlacementTest {
    @Test
    void cpusAllowedSplitGivesOnePerCoreEntryPerQueue() {
        CliRun r = CliRun.of("run", "-d", "sim:optane", "--queues", "4", "--ios", "2000", "--cpus_allowed", "0-3",
                "--cpus_allowed_policy", "split", "--irq-affinity", "0-3", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode cpus = r.json().path("host_cpus");
        assertThat(cpus.path("placement").asText()).isEqualTo("cpus_allowed=0-3 cpus_allowed_policy=split irq_affinity=0-3");
        JsonNode per = cpus.path("per_core");
        assertThat(per.isArray()).isTrue();
        assertThat(per.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(per.get(i).path("cpu").asInt()).isEqualTo(i);
            assertThat(per.get(i).path("queues").get(0).asInt()).isEqualTo(i + 1);
            assertThat(per.get(i).path("interrupts").asLong()).isPositive();
        }
        assertThat(cpus.path("interrupt_to_handler_ns").path("p99").asLong()).isPositive();
    }

    @Test
    void theTextOutputNamesEachCore() {
        CliRun r = CliRun.of("run", "-d", "sim:optane", "--queues", "2", "--ios", "1000", "--cpus_allowed", "2,9",
                "--cpus_allowed_policy", "split", "--irq-affinity", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("CPU 0 (node 0)").contains("CPU 9 (node 1)").contains("interrupt to handler: mean");
    }

    @Test
    void badCpuWordsAreOneSentenceAndAUsageExit() {
        CliRun bad = CliRun.of("run", "-d", "sim", "--ios", "10", "--cpus_allowed", "0-x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.oneLineError()).as(bad.err()).isTrue();
        assertThat(bad.err()).contains("cpus_allowed=0-x is not a list such as 0-3,6");
        CliRun tooMany = CliRun.of("run", "-d", "sim", "--ios", "10", "--cpus_allowed", "0-99");
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.err()).contains("names CPU 99, but the host has 16 CPUs");
        CliRun policy = CliRun.of("run", "-d", "sim", "--ios", "10", "--cpus_allowed_policy", "spread");
        assertThat(policy.err()).contains("cpus_allowed_policy=spread is not shared or split.");
    }
}
