package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;

class SimulationControlTest {

    @Test
    void stepRunsExactlyOneEventWhilePaused() {
        TestHost h = TestHost.nullMedia().enable(16, 2).ioPair(1, 16, 1);
        h.settle();
        DmaRegion buf = h.sim.allocateDma(4096);
        h.read(1, 0, 1, buf);
        h.read(1, 1, 1, buf);
        h.ring(1);
        int before = h.sim.pendingEvents();
        assertThat(before).isEqualTo(1); // the fetch
        h.sim.control().pause();
        h.sim.control().step();
        h.sim.relax(1_000_000);
        assertThat(h.sim.pendingEvents()).isEqualTo(2); // fetched: two completions scheduled
        assertThat(h.sim.control().isPaused()).isTrue();
        h.sim.control().resume();
        h.settle();
        assertThat(h.reap(1)).hasSize(2);
    }

    @Test
    void speedOnePacesVirtualTimeToTheWallClock() {
        SimulatedController s = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).speed(1.0).build());
        long wall = System.nanoTime();
        s.relax(20_000_000); // 20 ms of virtual time with nothing to do
        assertThat(System.nanoTime() - wall).isGreaterThanOrEqualTo(15_000_000L);
        assertThat(s.nanoTime()).isEqualTo(20_000_000L);
        s.control().setSpeed(0);
        wall = System.nanoTime();
        // 1000 s of virtual time: paced, that would take 1000 s; unpaced it takes no time, so the bound
        // below tells the two apart on however busy a machine.
        s.relax(1_000_000_000_000L);
        assertThat(s.nanoTime()).isEqualTo(20_000_000L + 1_000_000_000_000L);
        assertThat(System.nanoTime() - wall).isLessThan(60_000_000_000L);
    }
}
