package org.nvmeworkbench.core.workload;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.TimeSample;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.VectorCount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySource;

class WorkloadRunnerTest {
    private static final InterruptCoalescing THR7_LONG = new InterruptCoalescing(7, 255);

    private static WorkloadSpec spec(int iodepth, long ios) {
        return WorkloadSpec.defaults().withIodepth(iodepth).withLimits(0, ios);
    }

    private static RunRecord run(SimBench b, WorkloadSpec spec) {
        return new WorkloadRunner().run(b.ctrl, spec, RunObserver.NONE);
    }

    @Test
    void thresholdSevenSignalsEveryEightCompletions() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, spec(32, 8_000).withCoalescing(THR7_LONG));
            assertThat(r.totals().ios()).isEqualTo(8_000);
            assertThat(r.completionsPerInterrupt()).isCloseTo(8.0, within(0.01));
            assertThat(r.features().coalescing() & 0xFFFF).isEqualTo(0xFF07);
            assertThat(r.featureNotes()).isEmpty();
        }
    }

    @Test
    void coalescingOffSignalsEveryCompletion() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, spec(32, 5_000).withCoalescing(InterruptCoalescing.OFF));
            assertThat(r.totals().interrupts()).isEqualTo(5_000);
            assertThat(r.completionsPerInterrupt()).isEqualTo(1.0);
            assertThat(r.features().interruptCoalescing().describe()).startsWith("coalescing off");
        }
    }

    @Test
    void aggregationTimeAddsAboutOneHundredMicrosecondsAtDepthOne() {
        try (SimBench b = SimBench.attach("null")) {
            long off = run(b, spec(1, 2_000).withCoalescing(InterruptCoalescing.OFF)).readLatency()
                    .valueAtPercentile(50);
            long timed = run(b, spec(1, 2_000).withCoalescing(new InterruptCoalescing(255, 1))).readLatency()
                    .valueAtPercentile(50);
            assertThat(timed - off).isBetween(90_000L, 110_000L);
        }
    }

    @Test
    void coalescingDisableOnOneVectorTurnsItOffThereAlone() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, spec(32, 16_000).withQueues(2).withCoalescing(THR7_LONG).withCdVectors(Set.of(2)));
            assertThat(r.vectors()).hasSize(2);
            VectorCount v1 = r.vectors().get(0);
            VectorCount v2 = r.vectors().get(1);
            assertThat(v1.iv()).isEqualTo(1);
            assertThat(v2.iv()).isEqualTo(2);
            assertThat(v1.completionsPerInterrupt()).isCloseTo(8.0, within(0.01));
            assertThat(v2.completionsPerInterrupt()).isEqualTo(1.0);
            assertThat(r.features().vectors()).extracting(FeatureReadback.VectorFeature::coalescingDisabled)
                    .containsExactly(false, true);
        }
    }

    @Test
    void anErrorCompletionIsSignalledAtOnce() {
        try (SimBench b = SimBench.attach("null")) {
            b.sim.faults().inject("error-status@3");
            RunRecord r = run(b, spec(1, 6).withCoalescing(new InterruptCoalescing(255, 255)));
            assertThat(r.totals().errors()).isEqualTo(1);
            // Good completions wait out the 25.5 ms timer alone; the error one is signalled at once.
            assertThat(r.readLatency().min()).isLessThan(1_000_000L);
            assertThat(r.readLatency().max()).isGreaterThan(25_000_000L);
            assertThat(r.notes()).anyMatch(n -> n.contains("completed with an error"));
        }
    }

    @Test
    void aStuckCommandIsAbortedAndReported() {
        try (SimBench b = SimBench.attach("null")) {
            b.sim.faults().inject("stuck-command@10");
            RunRecord r = run(b, spec(4, 100));
            assertThat(r.notes()).anyMatch(n -> n.contains("sent Abort"));
            assertThat(r.totals().errors()).isEqualTo(1);
            assertThat(b.ctrl.adminLog().entries()).anyMatch(e -> e.opcode() == 0x08);
            assertThat(r.totals().ios()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void aLostInterruptIsRecoveredByPollingAfterTheRecheckInterval() {
        try (SimBench b = SimBench.attach("null")) {
            b.sim.faults().inject("lost-interrupt@20");
            RunRecord r = run(b, spec(1, 50).withCoalescing(InterruptCoalescing.OFF));
            assertThat(r.totals().ios()).isEqualTo(50);
            assertThat(r.notes()).anyMatch(n -> n.contains("without their interrupt"));
            assertThat(r.readLatency().max()).isGreaterThanOrEqualTo(100_000_000L);
        }
    }

    @Test
    void theSameSeedGivesTheSameHistogram() {
        RunRecord a;
        RunRecord c;
        try (SimBench b = SimBench.attach("tlc")) {
            a = run(b, spec(16, 5_000).withSeed(42));
        }
        try (SimBench b = SimBench.attach("tlc")) {
            c = run(b, spec(16, 5_000).withSeed(42));
        }
        assertThat(c.readLatency()).isEqualTo(a.readLatency());
        assertThat(c.durationNanos()).isEqualTo(a.durationNanos());
        assertThat(c.totals().interrupts()).isEqualTo(a.totals().interrupts());
    }

    @Test
    void pollingTakesNoInterrupts() {
        try (SimBench b = SimBench.attach("optane")) {
            RunRecord r = run(b, spec(8, 2_000).withPolling(true));
            assertThat(r.totals().ios()).isEqualTo(2_000);
            assertThat(r.totals().interrupts()).isZero();
            assertThat(r.completionsPerInterrupt()).isZero();
        }
    }

    @Test
    void mixedWorkloadsRecordReadsAndWritesApart() {
        try (SimBench b = SimBench.attach("null")) {
            RunRecord r = run(b, spec(8, 4_000).withRw(ReadWrite.RANDRW).withRwmixread(70).withAllowWrites(true));
            long reads = r.readLatency().count();
            long writes = r.writeLatency().count();
            assertThat(reads + writes).isEqualTo(4_000);
            assertThat((double) reads / 4_000).isCloseTo(0.7, within(0.03));
        }
    }

    @Test
    void aRuntimeLimitEndsTheRunOnTheDeviceClock() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, spec(32, 0).withLimits(1_500_000_000L, 0));
            assertThat(r.durationNanos()).isBetween(1_500_000_000L, 1_510_000_000L);
            // A sample per 100 ms slice: 15 full ones; the few microseconds past 1.5 s that the last
            // commands took to drain are too short to be a sample of their own.
            List<TimeSample> t = r.timeSeries();
            assertThat(t.size()).isEqualTo(15);
            assertThat(t.get(0).atNanos()).isEqualTo(100_000_000L);
            assertThat(t.get(14).atNanos()).isEqualTo(1_500_000_000L);
            assertThat(t.get(5).iops()).isCloseTo(r.iops(), within(r.iops() * 0.1));
            assertThat(t.get(5).p99Nanos()).isGreaterThan(t.get(5).p50Nanos());
            long sampled = 0;
            for (int i = 0; i < 15; i++) {
                sampled += Math.round(t.get(i).iops() / 10);
            }
            assertThat(sampled).as("the samples' I/Os add up to the run's").isCloseTo(r.totals().ios(), within(r.totals().ios() / 100));
        }
    }

    @Test
    void cancellingStopsIssuingAndStillGivesAResult() {
        try (SimBench b = SimBench.attach("tlc")) {
            List<TelemetrySnapshot> seen = new ArrayList<>();
            RunObserver obs = new RunObserver() {
                TelemetrySource live;
                int ticks;

                @Override
                public void started(TelemetrySource source) {
                    live = source;
                }

                @Override
                public void progress(double fraction) {
                    if (ticks++ == 2) {
                        seen.add(live.snapshot());
                    }
                }

                @Override
                public boolean cancelled() {
                    return ticks > 3;
                }
            };
            RunRecord r = new WorkloadRunner().run(b.ctrl, spec(32, 0).withLimits(60_000_000_000L, 0), obs);
            assertThat(r.durationNanos()).isLessThan(1_000_000_000L);
            assertThat(r.notes()).anyMatch(n -> n.contains("cancelled"));
            assertThat(seen).hasSize(1);
            TelemetrySnapshot s = seen.get(0);
            assertThat(s.state()).isEqualTo(RunState.RUNNING);
            assertThat(s.queues()).hasSize(1);
            assertThat(s.queues().get(0).entries()).isEqualTo(33);
            assertThat(s.queues().get(0).inFlight()).isBetween(1, 32);
            assertThat(s.totalIos()).isPositive();
            assertThat(s.p99Nanos()).isGreaterThanOrEqualTo(s.p50Nanos()).isPositive();
            assertThat(s.vectors()).extracting(v -> v.iv()).containsExactly(0, 1);
            assertThat(b.ctrl.ioQueuePairs()).as("the run deleted its queues").isEmpty();
        }
    }

    @Test
    void aRefusedFeatureIsNotedInWordsAndTheRunGoesOn() {
        assertThat(WorkloadRunner.refusal("Interrupt Coalescing", StatusCode.FEATURE_NOT_CHANGEABLE))
                .isEqualTo("the device does not let you change Interrupt Coalescing (Feature Not Changeable); "
                        + "the run uses the device's own values");
    }

    @Test
    void theControllerAtRestStillShowsTheVectorsARunUsedWithTheirCounts() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, spec(32, 2_000).withQueues(2));
            assertThat(b.ctrl.ioQueuePairs()).as("the run deleted its queues").isEmpty();
            var vectors = b.ctrl.snapshot().vectors();
            assertThat(vectors).extracting(v -> v.iv()).containsExactly(0, 1, 2);
            long counted = vectors.stream().filter(v -> v.iv() > 0).mapToLong(v -> v.count()).sum();
            assertThat(counted).isEqualTo(r.totals().interrupts());
            assertThat(vectors).allSatisfy(v -> assertThat(v.ratePerSecond()).isZero());
        }
    }

    @Test
    void aRunShorterThanOneSliceStillHasOneSampleStampedWithItsEnd() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, spec(32, 2_000));
            assertThat(r.durationNanos()).isLessThan(100_000_000L);
            assertThat(r.timeSeries().size()).isEqualTo(1);
            assertThat(r.timeSeries().get(0).atNanos()).isEqualTo(r.durationNanos());
            assertThat(r.timeSeries().get(0).iops()).isCloseTo(r.iops(), within(r.iops() * 0.01));
        }
    }

    @Test
    void liveIopsInTheFirstSecondIsTheRateSoFarNotAFractionOfIt() {
        try (SimBench b = SimBench.attach("tlc")) {
            TelemetrySource[] live = new TelemetrySource[1];
            List<Double> early = new ArrayList<>();
            RunRecord r = new WorkloadRunner().run(b.ctrl, WorkloadSpec.defaults().withLimits(1_000_000_000L, 0),
                    new RunObserver() {
                        @Override
                        public void started(TelemetrySource source) {
                            live[0] = source;
                        }

                        @Override
                        public void progress(double fraction) {
                            // Called after each 100 ms slice is published; keep the first three.
                            if (early.size() < 3 && fraction < 1.0) {
                                early.add(live[0].snapshot().iops());
                            }
                        }
                    });
            assertThat(early).hasSize(3);
            for (double iops : early) {
                assertThat(iops).isCloseTo(r.iops(), within(r.iops() * 0.2));
            }
        }
    }

    @Test
    void liveRecordGrowsDuringTheRunAndEndsEqualToTheRecord() {
        try (SimBench b = SimBench.attach("tlc")) {
            List<RunRecord> midRun = new ArrayList<>();
            LiveRecord[] live = new LiveRecord[1];
            RunRecord r = new WorkloadRunner().run(b.ctrl, spec(32, 0).withLimits(500_000_000L, 0).withQueues(4),
                    new RunObserver() {
                        @Override
                        public void started(TelemetrySource source, LiveRecord record) {
                            live[0] = record;
                        }

                        @Override
                        public void progress(double fraction) {
                            RunRecord soFar = live[0].soFar();
                            if (soFar != null && (midRun.isEmpty() || midRun.get(midRun.size() - 1) != soFar)) {
                                midRun.add(soFar);
                            }
                        }
                    });
            assertThat(midRun).isNotEmpty();
            RunRecord first = midRun.get(0);
            assertThat(first.totals().ios()).isPositive().isLessThan(r.totals().ios());
            assertThat(first.latency().count()).isEqualTo(first.totals().ios());
            assertThat(first.timeSeries()).isNotEmpty().hasSizeLessThan(r.timeSeries().size());
            assertThat(r.timeSeries()).startsWith(first.timeSeries().toArray(new TimeSample[0]));

            RunRecord last = live[0].soFar();
            assertThat(last.latency()).isEqualTo(r.latency());
            assertThat(last.latency().valueAtPercentile(99)).isEqualTo(r.latency().valueAtPercentile(99));
            assertThat(last.totals().ios()).isEqualTo(r.totals().ios());
            assertThat(last.totals().interrupts()).isEqualTo(r.totals().interrupts());
            assertThat(last.durationNanos()).isEqualTo(r.durationNanos());
            assertThat(last.timeSeries()).isEqualTo(r.timeSeries());
        }
    }
}
