package org.nvmeworkbench.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Closing a scenario from another thread while its play thread drives the simulator (the Lab's unload). */
class ScenarioRunnerCloseTest {

    @Test
    void closingMidRunInSlowMotionEndsThePlayThreadFirst() throws Exception {
        ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("one-command-journey")); // 1 us per 100 ms
        CompletableFuture<List<LabRun>> done = r.start();
        long end = System.currentTimeMillis() + 5_000;
        while (r.live() == null && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        assertThat(r.live()).as("the workload runs, paced").isNotNull();
        long t0 = System.nanoTime();
        assertThat(r.closeWithin(5_000)).as("closed after the play thread ended").isTrue();
        assertThat((System.nanoTime() - t0) / 1e6).as("ms to close: the cancelled run goes on unpaced").isLessThan(3_000);
        assertThat(r.isPlaying()).isFalse();
        assertThat(done.get(1, TimeUnit.SECONDS).get(0).result().totals().ios()).isLessThan(8);
    }

    @Test
    void closingWhileStoppedAtTheGateLetsTheRunGo() throws Exception {
        ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("coalescing-threshold-vs-timer"));
        r.pause();
        r.start();
        assertThat(r.gate().awaitParked(5_000)).isNotNull();
        r.close();
        assertThat(r.isPlaying()).isFalse();
    }

    @Test
    void speedSetBeforeTheWorkloadLeavesTheBringUpUnpaced() throws Exception {
        ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("one-command-journey"));
        r.setSpeed(1e-6); // would take minutes of wall time if it paced the controller's enable
        assertThat(r.speed()).isEqualTo(1e-6);
        assertThat(r.control().speed()).as("not yet applied: no I/O runs").isZero();
        r.pause();
        r.start();
        assertThat(r.gate().awaitParked(5_000)).as("the first I/O event comes without waiting for pacing").isNotNull();
        assertThat(r.control().speed()).isEqualTo(1e-6);
        r.close();
    }
}
