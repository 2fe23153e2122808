package org.nvmeworkbench.ui.lab.coalescing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.lab.Gathering;
import org.nvmeworkbench.core.lab.LabEvent;
import org.nvmeworkbench.core.lab.LabRun;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.lab.TripCause;

class CoalescingSceneViewModelTest {
    /** What LabSession.runner() is to the view: the loaded scenario's runner. */
    private final SimpleObjectProperty<ScenarioRunner> loaded = new SimpleObjectProperty<>();
    private CoalescingSceneViewModel vm;

    static ScenarioPlan thresholdVsTimer() {
        return ScenarioLibrary.shipped("coalescing-threshold-vs-timer").withSpeed(0);
    }

    /** Steps a paused runner until it stops at an event {@code until} accepts. */
    static LabEvent stepUntil(ScenarioRunner r, java.util.function.Predicate<LabEvent> until) throws InterruptedException {
        LabEvent e = r.gate().awaitParked(5000);
        for (int i = 0; i < 2000 && e != null && !until.test(e); i++) {
            r.step();
            e = r.gate().awaitParked(5000);
        }
        assertThat(e).as("the run stopped at the event looked for").isNotNull().matches(until::test);
        return e;
    }

    private ScenarioRunner loadPaused(ScenarioPlan plan) {
        vm = new CoalescingSceneViewModel(loaded, Runnable::run, Runnable::run);
        ScenarioRunner r = load(plan);
        r.pause();
        r.start();
        return r;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        unload();
    }

    private ScenarioRunner load(ScenarioPlan plan) {
        unload();
        ScenarioRunner r = new ScenarioRunner(plan);
        loaded.set(r);
        return r;
    }

    private void unload() {
        ScenarioRunner old = loaded.get();
        if (old != null) {
            loaded.set(null);
            old.close();
        }
    }

    @Test
    void laneShowsTheCompletionsGatheringAgainstThresholdAndTheTimerRunning() throws Exception {
        ScenarioRunner r = loadPaused(thresholdVsTimer());
        stepUntil(r, e -> e.kind() == LabEvent.Kind.CONTROLLER_WRITES_CQE && r.coalescing().gathering(1) != null
                && r.coalescing().gathering(1).pending() == 3);
        vm.frame();

        Gathering g = r.coalescing().gathering(1);
        VectorLane lane = vm.on().lanes().get(0);
        assertThat(lane.vector()).isEqualTo(1);
        assertThat(lane.pending()).isEqualTo(g.pending()).isEqualTo(3);
        assertThat(lane.threshold()).as("THR 3 is 4 completions").isEqualTo(4);
        assertThat(lane.windowNanos()).as("TIME 10 is 1 ms").isEqualTo(1_000_000L);
        long elapsed = r.simulator().nanoTime() - g.timerArmedAt();
        assertThat(lane.timerElapsed()).isEqualTo(elapsed).isPositive();
        assertThat(lane.timerFraction()).isEqualTo(elapsed / 1e6);
        assertThat(lane.timerText()).isEqualTo("timer " + VectorLane.micros(elapsed) + " / 1000 us");
        assertThat(lane.lastCause()).isNull();
    }

    @Test
    void thresholdTripShowsOneInterruptCarryingThemAll() throws Exception {
        ScenarioRunner r = loadPaused(thresholdVsTimer());
        stepUntil(r, e -> e.kind() == LabEvent.Kind.INTERRUPT_RAISED);
        vm.frame();

        VectorLane lane = vm.on().lanes().get(0);
        assertThat(lane.pending()).isZero();
        assertThat(lane.lastCause()).isEqualTo(TripCause.THRESHOLD);
        assertThat(lane.lastCarried()).isEqualTo(4);
        assertThat(lane.lastTripText()).isEqualTo("INTERRUPT carried 4: threshold reached");
        assertThat(lane.fresh()).isTrue();
        assertThat(lane.history()).hasSize(1);
        assertThat(vm.on().count(TripCause.THRESHOLD)).isEqualTo(1);
        assertThat(vm.on().causesText()).contains("threshold 1");
    }

    @Test
    void offTwinIsHeldAtTheMainRunsDeviceTime() throws Exception {
        ScenarioRunner r = loadPaused(thresholdVsTimer());
        stepUntil(r, e -> e.kind() == LabEvent.Kind.INTERRUPT_RAISED);
        long tMain = r.simulator().nanoTime();
        ScenarioRunner twin = vm.twin();
        for (int i = 0; i < 500 && twin.simulator().nanoTime() < tMain; i++) {
            vm.frame();
            twin.gate().awaitParked(2000);
        }
        vm.frame();

        assertThat(twin.gate().isPaused()).as("the twin pauses with the main run").isTrue();
        assertThat(twin.simulator().nanoTime()).isGreaterThanOrEqualTo(tMain).isLessThan(tMain + 50_000);
        assertThat(vm.off().nowNanos()).isEqualTo(twin.simulator().nanoTime());
        assertThat(vm.off().count(TripCause.COALESCING_OFF)).as("every completion signalled at once")
                .isEqualTo(vm.off().totalSignals()).isGreaterThanOrEqualTo(3);
        assertThat(vm.off().lanes().get(0).threshold()).isEqualTo(1);
        assertThat(vm.off().lanes().get(0).timerText()).startsWith("no timer");
    }

    @Test
    void figuresAppearWhenBothRunsFinishAndMatchTheTwinsOwnRun() throws Exception {
        vm = new CoalescingSceneViewModel(loaded, Runnable::run, Runnable::run);
        ScenarioRunner r = load(thresholdVsTimer());
        r.start();
        long end = System.currentTimeMillis() + 8000;
        vm.frame();
        assertThat(vm.onFigures()).isEmpty();
        assertThat(vm.figuresNote()).isEqualTo("Figures appear when both runs have finished.");
        while (!vm.finished() && System.currentTimeMillis() < end) {
            vm.frame();
            Thread.sleep(2);
        }
        vm.frame();

        assertThat(vm.finished()).isTrue();
        assertThat(vm.status()).isEqualTo("Both runs finished.");
        List<CoalescingFigures.Row> on = vm.onFigures();
        assertThat(on).extracting(CoalescingFigures.Row::run)
                .containsExactly("as set (first run)", "THR 31, TIME 1: the timer trips");
        assertThat(on.get(0).completionsPerInterruptText()).isEqualTo("4.0");
        assertThat(on.get(1).completionsPerInterrupt()).as("the timer trips before 32 gather").isLessThan(8.1);
        LabRun twin = new OffSideLockstepProbe(vm).offRuns().get(0);
        assertThat(vm.offFigures()).as("the full-speed figures are the paced twin's own")
                .isEqualTo(CoalescingFigures.Row.of("coalescing off", twin));
        assertThat(vm.offFigures().completionsPerInterruptText()).isEqualTo("1.0");
        assertThat(vm.on().features()).as("the last run's rule").startsWith("THR 31 = signal after 32");
    }

    @Test
    void lanesKeepTheRunsRuleAfterTheDeviceResetsItsFeatures() throws Exception {
        vm = new CoalescingSceneViewModel(loaded, Runnable::run, Runnable::run);
        ScenarioRunner r = load(thresholdVsTimer().withCoalescing(new org.nvmeworkbench.core.spec.InterruptCoalescing(3, 10)));
        vm.frame();
        assertThat(vm.on().features()).as("before the run: the plan's").startsWith("THR 3 = signal after 4");
        r.start().get(8, java.util.concurrent.TimeUnit.SECONDS);
        vm.frame();

        assertThat(vm.on().features()).startsWith("THR 3 = signal after 4");
        assertThat(vm.on().lanes().get(0).threshold()).isEqualTo(4);
        assertThat(vm.on().lanes().get(0).timerText()).endsWith("/ 1000 us");
    }

    @Test
    void loadingAnotherScenarioReplacesTheTwin() throws Exception {
        ScenarioRunner r = loadPaused(thresholdVsTimer());
        r.gate().awaitParked(5000);
        vm.frame();
        ScenarioRunner first = vm.twin();
        assertThat(first).isNotNull();

        load(thresholdVsTimer());

        assertThat(vm.twin()).isNotSameAs(first);
        assertThat(first.gate().awaitParked(10)).as("the old twin is released").isNull();
        assertThat(vm.on().lanes()).isEmpty();
        unload();
        assertThat(vm.twin()).isNull();
        assertThat(vm.status()).startsWith("No scenario loaded");
    }

    /** Reads the twin's runs through the package's lockstep (what the view model keeps private). */
    private record OffSideLockstepProbe(CoalescingSceneViewModel vm) {
        List<LabRun> offRuns() {
            return vm.lockstepForTest().offRuns();
        }
    }
}
