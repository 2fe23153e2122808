package org.nvmeworkbench.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** A run sent to an agent keeps its CPU placement, so the agent's host places it as asked. */
class WirePlacementTest {
    @Test
    void thePlacementCrossesTheWire() {
        CpuPlacement p = CpuPlacement.ofWords("0-7", "split", "0", "bind:0", "spread");
        WorkloadSpec s = WireWorkload.spec(WireWorkload.of(WorkloadSpec.defaults().withPlacement(p)));
        assertThat(s.placement()).isEqualTo(p);
        assertThat(WireWorkload.spec(WireWorkload.of(WorkloadSpec.defaults())).placement().given()).isFalse();
    }
}
