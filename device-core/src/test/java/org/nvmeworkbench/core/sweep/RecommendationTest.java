package org.nvmeworkbench.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.record.WorkloadSettings;

/** On hand-built points whose p99 and interrupt rate are known exactly. */
class RecommendationTest {
    /** A one-second run whose every latency is {@code p99Micros} (HdrHistogram reports it a hair above) and which took {@code irqs} interrupts. */
    static SweepPoint point(int thr, int time, long p99Micros, long irqs, double cpuPct) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        h.recordValueWithCount(p99Micros * 1_000, 1_000);
        int cdw11 = thr | time << 8;
        RunRecord r = new RunRecord("t", Instant.EPOCH, 1_000_000_000L, 1, DeviceIdentity.named("sim", "", "", ""),
                new WorkloadSettings("randread", 4096, 32, 1, 0, 1_000, 50, false, false, cdw11, List.of()),
                new FeatureReadback(cdw11, List.of(), -1), new RunTotals(1_000, 1_000, 0, 4_096_000, 0, irqs),
                LatencyHistogram.of(h), null, null, List.of(), 1_000.0 / irqs, cpuPct, List.of());
        return new SweepPoint(new SweepSetting(thr, time, 32), r);
    }

    // p99 (us) / interrupts per second
    static final SweepPoint OFF = point(0, 0, 120, 100_000, 9.0);
    static final SweepPoint T3 = point(3, 1, 150, 30_000, 3.0);
    static final SweepPoint T7 = point(7, 1, 190, 14_000, 1.5);
    static final SweepPoint T7_SLOW = point(7, 2, 260, 12_500, 1.4);
    static final SweepPoint WASTEFUL = point(1, 1, 170, 60_000, 6.0); // dominated by T3
    static final List<SweepPoint> POINTS = List.of(OFF, T3, T7, T7_SLOW, WASTEFUL);

    @Test
    void picksTheFewestInterruptsAmongThoseMeetingTheTarget() {
        Recommendation r = Recommendation.choose(POINTS, 99, 200_000, SweepCost.INTERRUPTS_PER_SECOND);
        assertThat(r.chosen()).isSameAs(T7);
        assertThat(r.meetsTarget()).isTrue();
        assertThat(r.explanation()).startsWith("THR 7, TIME 1, iodepth 32 (THR 7 = signal after 8 completions, TIME 1 = wait at most 100 us)")
                .contains("meets p99 <= 200 us at 190 us with 14,000 interrupts/s, the least of the 4 of 5 settings that meet it")
                .contains("coalescing off at the same iodepth costs 100,000 interrupts/s (7.1x)");
    }

    @Test
    void aTighterTargetMovesTheChoiceTowardsLessCoalescing() {
        assertThat(Recommendation.choose(POINTS, 99, 160_000, SweepCost.INTERRUPTS_PER_SECOND).chosen()).isSameAs(T3);
        assertThat(Recommendation.choose(POINTS, 99, 1_000_000, SweepCost.INTERRUPTS_PER_SECOND).chosen()).isSameAs(T7_SLOW);
    }

    @Test
    void cpuShareCanBeTheCost() {
        assertThat(Recommendation.choose(POINTS, 99, 200_000, SweepCost.IRQ_CPU_SHARE).chosen()).isSameAs(T7);
    }

    @Test
    void whenNothingMeetsTheTargetItSaysSoAndOffersTheFastest() {
        Recommendation r = Recommendation.choose(POINTS, 99, 100_000, SweepCost.INTERRUPTS_PER_SECOND);
        assertThat(r.meetsTarget()).isFalse();
        assertThat(r.chosen()).isSameAs(OFF);
        assertThat(r.explanation()).startsWith("No setting meets p99 <= 100 us: the lowest p99 is 120 us (THR 0, TIME 0, iodepth 32).")
                .contains("Relax the target");
    }

    @Test
    void withoutATargetItDescribesTheFront() {
        Recommendation r = Recommendation.choose(POINTS, 99, 0, SweepCost.INTERRUPTS_PER_SECOND);
        assertThat(r.chosen()).isNull();
        assertThat(r.explanation()).contains("the 4 setting(s) on the Pareto front");
    }

    @Test
    void paretoFrontDropsDominatedSettingsCheapestFirst() {
        assertThat(ParetoFront.of(POINTS, SweepCost.INTERRUPTS_PER_SECOND, 99)).containsExactly(T7_SLOW, T7, T3, OFF);
    }
}
