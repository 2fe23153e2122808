package org.nvmeworkbench.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The simulator's own trace of why a vector was signalled and when a command's media service started. */
class SimCauseAndMediaStartTest {

    @Test
    void thresholdAndTimerCausesComeFromTheSimulator() {
        try (ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("coalescing-threshold-vs-timer").withSpeed(0))) {
            r.runAll();
            Map<TripCause, Long> causes = r.coalescing().causeCounts(1);
            // THR 3 at iodepth 8 trips the threshold; the rerun's THR 31 / TIME 1 cannot gather 32, so the timer trips
            assertThat(causes.get(TripCause.THRESHOLD)).isPositive();
            assertThat(causes.get(TripCause.TIMER)).isPositive();
            assertThat(causes).doesNotContainKey(TripCause.COALESCING_OFF);
        }
    }

    @Test
    void anInterruptEventSaysWhatTrippedIt() throws Exception {
        try (ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("coalescing-threshold-vs-timer").withSpeed(0))) {
            r.pause();
            r.start();
            LabEvent e = r.gate().awaitParked(5_000);
            while (e != null && e.kind() != LabEvent.Kind.INTERRUPT_RAISED) {
                r.step();
                e = r.gate().awaitParked(5_000);
            }
            assertThat(e).isNotNull();
            assertThat(e.cause()).isEqualTo(TripCause.THRESHOLD);
            assertThat(e.value()).isEqualTo(4);
            assertThat(e.describe()).isEqualTo("Vector 1: the controller raises an interrupt carrying 4 completions (threshold reached).");
        }
    }

    @Test
    void coalescingOffSignalsEveryCompletionAtOnce() {
        try (ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("one-command-journey").withSpeed(0))) {
            r.runAll();
            assertThat(r.coalescing().causeCounts(1)).containsOnlyKeys(TripCause.COALESCING_OFF);
        }
    }

    @Test
    void executionStartsWhenTheMediaUnitIsFreeNotBeforeTheFetch() {
        try (ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("coalescing-threshold-vs-timer").withSpeed(0))) {
            r.runAll();
            List<CommandJourney> done = r.journeys().finishedJourneys();
            assertThat(done).isNotEmpty();
            boolean waited = false;
            for (CommandJourney j : done) {
                assertThat(j.at(JourneyStep.EXECUTES)).isGreaterThanOrEqualTo(j.at(JourneyStep.CONTROLLER_FETCHES));
                assertThat(j.at(JourneyStep.EXECUTES)).isLessThan(j.mediaEnd());
                waited |= j.at(JourneyStep.EXECUTES) > j.at(JourneyStep.CONTROLLER_FETCHES);
            }
            assertThat(waited).as("at iodepth 8 some read waits for its busy NAND unit").isTrue();
        }
    }
}
