package org.nvmeworkbench.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorRatesTest {

    @Test
    void ratesArePerSecondOfDeviceTimeSinceThePreviousSnapshot() {
        VectorRates rates = new VectorRates();
        double[] r = new double[2];
        rates.update(1_000_000_000L, new long[] {10, 100}, r);
        assertThat(r).containsExactly(0.0, 0.0);
        rates.update(1_500_000_000L, new long[] {20, 600}, r);
        assertThat(r).containsExactly(20.0, 1000.0);
    }

    @Test
    void aClockThatDidNotMoveGivesZeroNotInfinity() {
        VectorRates rates = new VectorRates();
        double[] r = new double[1];
        rates.update(5, new long[] {1}, r);
        rates.update(5, new long[] {9}, r);
        assertThat(r[0]).isZero();
    }
}
