package org.nvmeworkbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.host.CpuSet;
import org.nvmeworkbench.core.host.CpusAllowedPolicy;
import org.nvmeworkbench.core.host.InterruptAffinity;
import org.nvmeworkbench.core.host.NumaMemPolicy;
import org.nvmeworkbench.core.record.CoreShare;
import org.nvmeworkbench.core.record.HostCpuUse;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.sim.HostCpus;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/** The host model's per-core accounting, through real runs on the simulator. */
class CoreAccountingTest {
    private static final CpuPlacement SPLIT_0_3 = CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("0-3", "c"))
            .withPolicy(CpusAllowedPolicy.SPLIT).withIrqAffinity(InterruptAffinity.parse("0-3"));

    private static WorkloadSpec spec(CpuPlacement p) {
        return WorkloadSpec.defaults().withQueues(4).withIodepth(8).withLimits(0, 8_000)
                .withCoalescing(InterruptCoalescing.OFF).withPlacement(p);
    }

    private static RunRecord run(long seed, WorkloadSpec spec) {
        SimConfig config = SimConfig.builder().profile(MediaProfile.OPTANE).seed(seed).build();
        try (SimBench b = SimBench.attach(config, DriverOptions.DEFAULT.withIoQueues(4))) {
            return new WorkloadRunner().run(b.ctrl, spec, RunObserver.NONE);
        }
    }

    private static CoreShare core(HostCpuUse u, int cpu) {
        return u.cores().stream().filter(c -> c.cpu() == cpu).findFirst().orElseThrow();
    }

    @Test
    void eachVectorOnItsQueuesCoreTakesItsOwnInterruptsLocally() {
        RunRecord r = run(1, spec(SPLIT_0_3));
        HostCpuUse u = r.cpus();
        assertThat(u.cores()).extracting(CoreShare::cpu).containsExactly(0, 1, 2, 3);
        for (VectorCount v : r.vectors()) {
            CoreShare c = core(u, v.iv() - 1);
            assertThat(c.vectors()).containsExactly(v.iv());
            assertThat(c.queues()).containsExactly(v.iv());
            assertThat(c.interrupts()).isEqualTo(v.interrupts());
        }
        assertThat(u.remoteWakeups()).isZero();
        // local: delivery plus the handler's wake-up, nothing more (HostModel.DEFAULT: 1 us + 1 us)
        assertThat(u.handlerP99Nanos()).isEqualTo(2_000);
        // the cores' interrupt CPU adds up to the run's
        double sum = u.cores().stream().mapToDouble(CoreShare::irqCpuPct).sum();
        assertThat(sum).isCloseTo(r.hostIrqCpuPct(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void everyVectorOnOneCoreQueuesThereAndWakesTheOthersByIpi() {
        RunRecord spread = run(1, spec(SPLIT_0_3));
        RunRecord one = run(1, spec(SPLIT_0_3.withIrqAffinity(InterruptAffinity.parse("0"))));
        HostCpuUse u = one.cpus();
        CoreShare zero = core(u, 0);
        assertThat(zero.vectors()).containsExactly(1, 2, 3, 4);
        assertThat(zero.interrupts()).isEqualTo(one.totals().interrupts());
        for (int cpu = 1; cpu <= 3; cpu++) {
            CoreShare c = core(u, cpu);
            assertThat(c.interrupts()).isZero();
            assertThat(c.remoteWakeups()).isEqualTo(one.vectors().get(cpu).interrupts());
        }
        // the IPI (1.5 us) and two lines (2 x 100 ns) on top, plus waiting behind the other vectors on CPU 0
        assertThat(u.handlerMeanNanos()).isGreaterThan(spread.cpus().handlerMeanNanos() + 1_500 * 3 / 4.0);
        assertThat(zero.irqCpuPct()).isGreaterThan(3 * core(spread.cpus(), 0).irqCpuPct());
        assertThat(one.hostIrqCpuPct()).isGreaterThan(spread.hostIrqCpuPct());
    }

    @Test
    void theSameSeedGivesTheSamePerCoreFiguresAndAnotherSeedOthers() {
        CpuPlacement p = SPLIT_0_3.withIrqAffinity(InterruptAffinity.parse("0,1"));
        HostCpuUse a = run(5, spec(p)).cpus();
        HostCpuUse b = run(5, spec(p)).cpus();
        HostCpuUse c = run(6, spec(p).withSeed(6)).cpus();
        assertThat(a).isEqualTo(b);
        assertThat(a.cores()).isNotEqualTo(c.cores());
    }

    @Test
    void withoutAPlacementTheHostIsOneCpu() {
        RunRecord r = run(1, spec(CpuPlacement.NONE));
        HostCpuUse u = r.cpus();
        assertThat(u.placement()).isEmpty();
        assertThat(u.cores()).hasSize(1);
        CoreShare zero = u.cores().get(0);
        assertThat(zero.queues()).containsExactly(1, 2, 3, 4);
        assertThat(zero.interrupts()).isEqualTo(r.totals().interrupts());
        assertThat(zero.irqCpuPct()).isCloseTo(r.hostIrqCpuPct(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void memoryOnTheOtherNodeCostsTheReapingCore() {
        CpuPlacement local = SPLIT_0_3;
        long localReap = core(run(1, spec(local)).cpus(), 1).reapCpuNanos();
        long remoteReap = core(run(1, spec(local.withMemPolicy(NumaMemPolicy.parse("bind:1")))).cpus(), 1).reapCpuNanos();
        // HostCpus.DEFAULT: 60 ns more per completion reaped from the other node's memory
        assertThat(remoteReap).isGreaterThan(localReap);
        assertThat(HostCpus.DEFAULT.remoteMemoryNanos()).isEqualTo(60);
    }

    @Test
    void theLiveVectorSnapshotsNameTheirCore() {
        SimConfig config = SimConfig.builder().profile(MediaProfile.OPTANE).build();
        try (SimBench b = SimBench.attach(config, DriverOptions.DEFAULT.withIoQueues(4))) {
            WorkloadSpec s = spec(SPLIT_0_3.withIrqAffinity(InterruptAffinity.parse("5,6")));
            new WorkloadRunner().run(b.ctrl, s, RunObserver.NONE);
            assertThat(b.ctrl.snapshot().vectors())
                    .filteredOn(v -> v.iv() > 0).extracting(org.nvmeworkbench.core.telemetry.VectorSnapshot::cpu)
                    .containsExactly(5, 6, 5, 6);
            assertThat(b.sim.vectorCpu(0)).as("the admin vector stays on the one CPU").isZero();
        }
    }

    @Test
    void polledRunsKeepTheOneCpuAndSaySo() {
        RunRecord r = run(1, spec(SPLIT_0_3).withPolling(true));
        assertThat(r.featureNotes()).anyMatch(n -> n.contains("completions were polled"));
        assertThat(r.cpus().cores()).extracting(CoreShare::cpu).containsExactly(0);
    }

    @Test
    void aPlacementTheHostCannotHoldIsRefusedBeforeAnyIo() {
        WorkloadSpec s = spec(CpuPlacement.NONE.withCpusAllowed(CpuSet.parse("0-63", "c")));
        SimConfig config = SimConfig.builder().profile(MediaProfile.OPTANE).build();
        try (SimBench b = SimBench.attach(config, DriverOptions.DEFAULT.withIoQueues(4))) {
            List<String> problems = s.problems(b.ctrl);
            assertThat(problems).contains("cpus_allowed=0-63 names CPU 63, but the host has 16 CPUs (0-15).");
        }
    }
}
