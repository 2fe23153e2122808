package org.nvmeworkbench.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuPlacementTest {
    private static final HostTopology HOST = new HostTopology(16, 2, 0);
    private static final int[] QIDS = {1, 2, 3, 4};
    private static final int[] VECTORS = {1, 2, 3, 4};

    private static CorePlan place(CpuPlacement p) {
        return p.resolve(HOST, QIDS, VECTORS);
    }

    @Test
    void spreadPutsVectorsEvenlyOverTheHostAsLinuxDoes() {
        CorePlan plan = place(CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("0-3", "c")));
        // 4 vectors on 16 CPUs: every fourth CPU
        assertThat(new int[] {plan.vectorCpu(1), plan.vectorCpu(2), plan.vectorCpu(3), plan.vectorCpu(4)})
                .containsExactly(0, 4, 8, 12);
        assertThat(plan.vectorCpu(0)).isEqualTo(-1);
        assertThat(plan.vectorCpu(99)).isEqualTo(-1);
    }

    @Test
    void splitGivesEachQueueItsOwnCpuAndWrapsRoundTheSet() {
        CorePlan plan = CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("2,5", "c")).withPolicy(CpusAllowedPolicy.SPLIT)
                .resolve(HOST, QIDS, VECTORS);
        assertThat(new int[] {plan.queueCpu(1), plan.queueCpu(2), plan.queueCpu(3), plan.queueCpu(4)})
                .containsExactly(2, 5, 2, 5);
    }

    @Test
    void sharedWakesTheThreadWhereTheInterruptIsWhenThatCpuIsAllowed() {
        CpuPlacement p = CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("0-7", "c")).withPolicy(CpusAllowedPolicy.SHARED);
        CorePlan plan = place(p);
        // vectors on 0, 4 (allowed: reaped there), 8, 12 (not allowed: reaped on the queue's home, CPU 2 and 3)
        assertThat(new int[] {plan.reaperCpu(1), plan.reaperCpu(2), plan.reaperCpu(3), plan.reaperCpu(4)})
                .containsExactly(0, 4, 2, 3);
        CorePlan split = place(p.withPolicy(CpusAllowedPolicy.SPLIT));
        assertThat(split.reaperCpu(2)).isEqualTo(1);
    }

    @Test
    void oneCoreTakesEveryVectorAndAListGoesRoundItself() {
        CorePlan one = place(CpuPlacement.NONE.withIrqAffinity(InterruptAffinity.parse("3")));
        assertThat(new int[] {one.vectorCpu(1), one.vectorCpu(2), one.vectorCpu(3), one.vectorCpu(4)})
                .containsExactly(3, 3, 3, 3);
        assertThat(InterruptAffinity.parse("3").oneCore()).isTrue();
        CorePlan list = place(CpuPlacement.NONE.withIrqAffinity(InterruptAffinity.parse("6,9")));
        assertThat(new int[] {list.vectorCpu(1), list.vectorCpu(2), list.vectorCpu(3), list.vectorCpu(4)})
                .containsExactly(6, 9, 6, 9);
    }

    @Test
    void numaCpuNodesKeepOnlyThoseNodesCpus() {
        CorePlan plan = place(CpuPlacement.NONE.withNumaCpuNodes(CpuSet.parse("1", "n")).withPolicy(CpusAllowedPolicy.SPLIT));
        assertThat(plan.queueCpu(1)).isEqualTo(8);
        assertThat(plan.queueCpu(4)).isEqualTo(11);
        assertThatThrownBy(() -> place(CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("0-3", "c"))
                .withNumaCpuNodes(CpuSet.parse("1", "n")))).hasMessage(
                "No CPU is both in cpus_allowed=0-3 and on numa_cpu_nodes=1.");
    }

    @Test
    void memoryFollowsThePolicy() {
        CpuPlacement split = CpuPlacement.NONE.withPolicy(CpusAllowedPolicy.SPLIT)
                .withCpusAllowed(CpuSet.parse("8-11", "c"));
        assertThat(place(split).queueNode(1)).isEqualTo(1); // default: where the reaping CPU is
        assertThat(place(split.withMemPolicy(NumaMemPolicy.parse("bind:0"))).queueNode(1)).isEqualTo(0);
        CorePlan inter = place(split.withMemPolicy(NumaMemPolicy.parse("interleave:0-1")));
        assertThat(new int[] {inter.queueNode(1), inter.queueNode(2), inter.queueNode(3)}).containsExactly(0, 1, 0);
    }

    @Test
    void cpusOrNodesTheHostLacksAreOneSentence() {
        assertThatThrownBy(() -> place(CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("0-31", "c"))))
                .hasMessage("cpus_allowed=0-31 names CPU 31, but the host has 16 CPUs (0-15).");
        assertThatThrownBy(() -> place(CpuPlacement.NONE.withIrqAffinity(InterruptAffinity.parse("16"))))
                .hasMessageContaining("irq_affinity=16 names CPU 16");
        assertThatThrownBy(() -> place(CpuPlacement.NONE.withMemPolicy(NumaMemPolicy.parse("bind:2"))))
                .hasMessageContaining("names node 2, but the host has 2 NUMA node(s)");
    }

    @Test
    void fioWordsParseAndBadOnesAreOneSentence() {
        assertThat(CpusAllowedPolicy.parse("Split")).isEqualTo(CpusAllowedPolicy.SPLIT);
        assertThatThrownBy(() -> CpusAllowedPolicy.parse("both")).hasMessage("cpus_allowed_policy=both is not shared or split.");
        assertThat(NumaMemPolicy.parse("prefer:1")).hasToString("prefer:1");
        assertThat(NumaMemPolicy.parse("interleave:all")).hasToString("interleave:all");
        assertThatThrownBy(() -> NumaMemPolicy.parse("prefer:0-1")).hasMessageContaining("prefer takes exactly one node");
        assertThatThrownBy(() -> NumaMemPolicy.parse("local:0")).hasMessageContaining("local takes no node list");
        assertThatThrownBy(() -> NumaMemPolicy.parse("bind")).hasMessageContaining("bind needs a node list");
        assertThatThrownBy(() -> InterruptAffinity.parse("everywhere")).hasMessageContaining("is not spread or a CPU list");
        assertThat(CpuPlacement.NONE.given()).isFalse();
        assertThat(CpuPlacement.NONE.withPolicy(CpusAllowedPolicy.SPLIT).withCpusAllowed(CpuSet.parse("0-3", "c")).describe())
                .isEqualTo("cpus_allowed=0-3 cpus_allowed_policy=split");
    }

    @Test
    void wordsAsTypedMakeAPlacementAndTypedOnesOverrideAJobs() {
        CpuPlacement job = CpuPlacement.ofWords("0-7", "split", null, "", null);
        assertThat(job.describe()).isEqualTo("cpus_allowed=0-7 cpus_allowed_policy=split");
        CpuPlacement typed = job.with(CpuPlacement.ofWords("8-15", null, "1", "local", "spread"));
        assertThat(typed.describe()).isEqualTo(
                "cpus_allowed=8-15 cpus_allowed_policy=split numa_cpu_nodes=1 numa_mem_policy=local irq_affinity=spread");
        assertThat(CpuPlacement.ofWords(" ", null, null, null, "").given()).isFalse();
        assertThatThrownBy(() -> CpuPlacement.ofWords(null, null, "x", null, null)).hasMessageContaining("numa_cpu_nodes=x");
    }
}
