package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SimulationControlPacingTest {

    @Test
    void resumingOrSettingTheSameSpeedAgainDoesNotPostponeTheNextEvent() throws Exception {
        SimulationControl c = new SimulationControl(1e-3); // 20 us of device time take 20 ms
        CompletableFuture<Long> advanced = CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            c.beforeAdvance(0, 20_000);
            return System.nanoTime() - t0;
        });
        // A UI that says "go on" every few milliseconds, as the Lab's lockstep did once per frame.
        long end = System.nanoTime() + 2_000_000_000L;
        while (!advanced.isDone() && System.nanoTime() < end) {
            c.resume();
            c.setSpeed(1e-3);
            Thread.sleep(2);
        }
        assertThat(advanced.get(5, TimeUnit.SECONDS) / 1e6).as("ms until the event").isBetween(15.0, 500.0);
    }
}
