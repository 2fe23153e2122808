package org.nvmeworkbench.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.core.sim.SimulatedController;

class LabScenarioTest {

    private static ScenarioPlan fast(String name) {
        return ScenarioLibrary.shipped(name).withSpeed(0);
    }

    @Test
    void steppingShowsTheSimulatorsStateAtEachStep() throws Exception {
        try (ScenarioRunner r = new ScenarioRunner(fast("one-command-journey"))) {
            SimulatedController sim = r.simulator();
            r.pause();
            CompletableFuture<List<LabRun>> done = r.start();
            List<LabEvent.Kind> seen = new ArrayList<>();
            int cqTailBefore = -1;
            for (int i = 0; i < 32; i++) {
                LabEvent e = r.gate().awaitParked(5_000);
                assertThat(e).as("event %d", i).isNotNull();
                seen.add(e.kind());
                switch (e.kind()) {
                    case HOST_WRITES_SQE:
                        // Written in host memory only: the device's tail has not moved yet.
                        assertThat(sim.sqTail(1)).isNotEqualTo((int) e.value());
                        cqTailBefore = sim.cqTail(1);
                        break;
                    case SQ_TAIL_DOORBELL:
                        assertThat(e.value()).as("commands the doorbell covered").isEqualTo(1);
                        assertThat(sim.sqHead(1)).as("an entry waits to be fetched").isNotEqualTo(sim.sqTail(1));
                        break;
                    case CONTROLLER_FETCHES:
                        assertThat(sim.sqHead(1)).isEqualTo(sim.sqTail(1)).isEqualTo((int) e.value());
                        break;
                    case CONTROLLER_WRITES_CQE:
                        assertThat(sim.cqTail(1)).isEqualTo((int) e.value())
                                .isEqualTo((cqTailBefore + 1) % sim.cqSize(1));
                        break;
                    case INTERRUPT_RAISED:
                        assertThat(e.value()).as("coalescing off: one completion per interrupt").isEqualTo(1);
                        assertThat(e.vector()).isEqualTo(1);
                        break;
                    case CQ_HEAD_DOORBELL:
                        assertThat(sim.cqHead(1)).isEqualTo(sim.cqTail(1));
                        break;
                    default:
                        break;
                }
                assertThat(r.caption()).isNotNull();
                r.step();
            }
            r.resume();
            List<LabRun> runs = done.get(20, TimeUnit.SECONDS);
            // The driver resubmits the slot as it consumes the CQE, before it rings the CQ head doorbell.
            assertThat(seen.subList(0, 9)).containsExactly(LabEvent.Kind.HOST_WRITES_SQE, LabEvent.Kind.SQ_TAIL_DOORBELL,
                    LabEvent.Kind.CONTROLLER_FETCHES, LabEvent.Kind.EXECUTES, LabEvent.Kind.CONTROLLER_WRITES_CQE,
                    LabEvent.Kind.INTERRUPT_RAISED, LabEvent.Kind.HOST_CONSUMES_CQE, LabEvent.Kind.HOST_WRITES_SQE,
                    LabEvent.Kind.CQ_HEAD_DOORBELL);
            assertThat(runs.get(0).result().totals().ios()).isEqualTo(8);
            assertThat(r.journeys().finishedCount()).isEqualTo(8);
        }
    }

    @Test
    void aStepIsNotPacedAndThePacingComesBackWhereItStops() throws Exception {
        // One microsecond of device time per thousand seconds: a paced step over a 70 us media read
        // would take most of a day, so only an unpaced one reaches the next event in time.
        try (ScenarioRunner r = new ScenarioRunner(ScenarioLibrary.shipped("one-command-journey").withSpeed(1e-12))) {
            r.pause();
            CompletableFuture<List<LabRun>> done = r.start();
            LabEvent e = r.gate().awaitParked(10_000);
            while (e != null && e.kind() != LabEvent.Kind.EXECUTES) {
                r.step();
                e = r.gate().awaitParked(10_000);
            }
            assertThat(e).as("reached the media read").isNotNull();
            long before = r.simulator().nanoTime();
            r.step();
            LabEvent next = r.gate().awaitParked(10_000);
            assertThat(next).as("the step over the media read arrived").isNotNull();
            assertThat(next.kind()).isEqualTo(LabEvent.Kind.CONTROLLER_WRITES_CQE);
            assertThat(r.simulator().nanoTime() - before).as("device time the step covered").isGreaterThan(10_000);
            assertThat(r.control().speed()).as("paced again where it stopped").isEqualTo(1e-12);
            r.close();
            done.handle((v, t) -> null).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void journeysPassEveryStepInOrderWithMonotonicTimes() {
        try (ScenarioRunner r = new ScenarioRunner(fast("coalescing-threshold-vs-timer"))) {
            r.journeys().followNext();
            r.runAll();
            List<CommandJourney> js = r.journeys().finishedJourneys();
            assertThat(js).isNotEmpty();
            for (CommandJourney j : js) {
                long prev = 0;
                for (JourneyStep s : JourneyStep.values()) {
                    if (s == JourneyStep.INTERRUPT_RAISED && !j.reached(s)) {
                        // Reaped while the host was awake for an earlier signal, before its own was raised.
                        assertThat(j.interruptSeq()).isEqualTo(-1);
                        continue;
                    }
                    assertThat(j.reached(s)).as("%s reached %s", j, s).isTrue();
                    assertThat(j.at(s)).as("%s at %s", j, s).isGreaterThanOrEqualTo(prev);
                    prev = j.at(s);
                }
                assertThat(j.mediaEnd()).isBetween(j.mediaStart(), j.at(JourneyStep.CONTROLLER_WRITES_CQE));
            }
            CommandJourney followed = r.journeys().followed();
            assertThat(followed.qid()).isEqualTo(1);
            assertThat(followed.currentStep()).isEqualTo(JourneyStep.CQ_HEAD_DOORBELL);
        }
    }

    @Test
    void fourthCompletionTripsThrThreeAndOneInterruptCarriesFour() {
        try (ScenarioRunner r = new ScenarioRunner(fast("coalescing-threshold-vs-timer"))) {
            r.runAll();
            List<Gathering> g = r.coalescing().timeline(1);
            Gathering first = g.get(0);
            assertThat(first.cause()).isEqualTo(TripCause.THRESHOLD);
            assertThat(first.threshold()).isEqualTo(4);
            assertThat(first.carried()).isEqualTo(4);
            assertThat(first.pending()).isEqualTo(4);
            assertThat(first.trippedAt()).isEqualTo(first.completionTimes().get(3));
            assertThat(first.deadline() - first.timerArmedAt()).isEqualTo(1_000_000L);
            // The rerun (THR 31, TIME 1) cannot gather 32 at iodepth 8: the timer trips, 100 us after arming.
            Gathering timed = g.stream().filter(x -> x.cause() == TripCause.TIMER && x.threshold() == 32).findFirst()
                    .orElseThrow();
            assertThat(timed.trippedAt()).isEqualTo(timed.deadline());
            assertThat(timed.deadline() - timed.timerArmedAt()).isEqualTo(100_000L);
            assertThat(timed.timerArmedAt()).isEqualTo(timed.completionTimes().get(0));
            assertThat(timed.carried()).isEqualTo(timed.pending()).isLessThan(32);
        }
    }

    @Test
    void everyShippedScenarioLoads() {
        for (String name : ScenarioLibrary.shippedNames()) {
            ScenarioPlan p = ScenarioLibrary.shipped(name);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.captions()).isNotEmpty();
        }
        assertThat(ScenarioLibrary.shipped("sixteen-queues-sixteen-vectors").scenario().summary())
                .contains("article's claims");
    }

    @Test
    void aMalformedScenarioIsOneSentenceNamingTheLineOrField() {
        String unknown = "{\n  \"name\": \"x\",\n  \"workload\": { \"iodepht\": 1 }\n}";
        assertThatThrownBy(() -> ScenarioLibrary.parse(unknown.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.json, line 3").hasMessageContaining("'iodepht'");
        String badSize = "{ \"name\": \"x\", \"workload\": { \"bs\": \"4q\" }, \"speed\": 0 }";
        assertThatThrownBy(() -> ScenarioLibrary.parse(badSize.getBytes(StandardCharsets.UTF_8), "bad.json"))
                .hasMessageStartingWith("Scenario bad.json: workload.bs: ");
        assertThatThrownBy(() -> ScenarioLibrary.parse("{ \"name\": ".getBytes(StandardCharsets.UTF_8), "cut.json"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("cut.json, line 1");
        assertThatThrownBy(() -> ScenarioLibrary.shipped("nope")).hasMessageContaining("one-command-journey");
    }

    @Test
    void pinUsesOneVectorAndMsixOnePerQueue() {
        ScenarioPlan p = fast("why-msi-x");
        p = p.withWorkload(p.workload().withLimits(0, 800));
        List<InterruptModeComparison.ModeFigures> figs = InterruptModeComparison.run(p);
        assertThat(figs).extracting(InterruptModeComparison.ModeFigures::mode)
                .containsExactly(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX);
        assertThat(figs.get(0).vectorsUsed()).containsExactly(0);
        assertThat(figs.get(2).vectorsUsed()).containsExactly(1, 2, 3, 4);
        for (InterruptModeComparison.ModeFigures f : figs) {
            assertThat(f.interruptsPerSecond()).isPositive();
            assertThat(f.hostDuties()).isNotBlank();
        }
    }

    @Test
    void sixteenQueuesOnSixteenVectorsGiveSixteenCompletionsPerInterrupt() {
        ScenarioPlan p = fast("sixteen-queues-sixteen-vectors");
        p = p.withWorkload(p.workload().withLimits(0, 16 * 16 * 24));
        CoalescingComparison c = CoalescingComparison.run(p);
        assertThat(c.scene().vectors()).hasSize(16);
        for (int v : c.scene().vectors()) {
            for (Gathering g : c.scene().timeline(v)) {
                if (g.cause() == TripCause.THRESHOLD) {
                    assertThat(g.carried()).isEqualTo(16);
                }
            }
            assertThat(c.scene().causeCounts(v).getOrDefault(TripCause.THRESHOLD, 0L)).isPositive();
        }
        assertThat(c.withCoalescing().result().completionsPerInterrupt()).isGreaterThan(14.0);
        assertThat(c.withoutCoalescing().result().completionsPerInterrupt()).isEqualTo(1.0);
        assertThat(c.describe()).startsWith("The model gives: interrupt response");
        System.getLogger("lab").log(System.Logger.Level.INFO, c.describe());
    }
}
