package org.nvmeworkbench.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.ControllerReadout;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.SessionListener;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A window's session on an agent, the agent in a process of its own: the agent's session events, live rings and
 * vectors, the run so far, the Controller view's readout and the 08h policy with its question asked here.
 */
class FollowedAgentSessionTest {
    @TempDir
    static Path dir;
    private static AgentProcess agent;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = AgentProcess.agent(dir.resolve("agent-home"));
    }

    @AfterAll
    static void stopAgent() throws Exception {
        agent.close();
    }

    /** What a window would mirror. */
    private static final class Heard implements SessionListener {
        final List<ControllerState> states = new CopyOnWriteArrayList<>();
        final List<String> said = new CopyOnWriteArrayList<>();
        final List<RunRecord> runs = new CopyOnWriteArrayList<>();
        final List<AdminLogEntry> admin = new CopyOnWriteArrayList<>();
        volatile InterruptCoalescing desired;

        @Override
        public void stateChanged(ControllerState state, String device, NvmeController controller) {
            states.add(state);
        }

        @Override
        public void said(String sentence) {
            said.add(sentence);
        }

        @Override
        public void runAdded(RunRecord run) {
            runs.add(run);
        }

        @Override
        public void desiredFeaturesChanged(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
            desired = coalescing;
        }

        @Override
        public void adminLogged(List<AdminLogEntry> entries) {
            admin.addAll(entries);
        }
    }

    /** Answers the apply-during-I/O question with {@code choice} and remembers what it was asked. */
    private static final class Answers implements SafetyPrompts {
        final ApplyChoice choice;
        final List<Object> asked = new CopyOnWriteArrayList<>();

        Answers(ApplyChoice choice) {
            this.choice = choice;
        }

        @Override
        public CompletableFuture<Boolean> confirmWrites(WriteConfirmation question) {
            asked.add(question);
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion question) {
            asked.add(question);
            return CompletableFuture.completedFuture(choice);
        }
    }

    private RemoteTuning attach(String device, Heard heard) throws Exception {
        AgentClient.Options o = new AgentClient.Options(AgentIdentity.readToken(agent.tokenFile()), null,
                new KnownAgents(dir.resolve("known_agents")), null, "window@loopback");
        return RemoteTuning.attach(AgentAddress.parse("remote://127.0.0.1:" + agent.awaitPort() + "/" + device), o, 5, 16,
                heard, Runnable::run);
    }

    @Test
    void theWindowSeesTheRunLiveAndGetsItsRecordMarkedWithTheAgentsHost() throws Exception {
        Heard heard = new Heard();
        try (RemoteTuning t = attach("sim", heard)) {
            AdminResult set = t.applyCoalescing(new InterruptCoalescing(7, 2), null, 4, SafetyPrompts.UNATTENDED)
                    .get(30, TimeUnit.SECONDS);
            assertThat(set.ok()).isTrue();
            waitUntil(() -> new InterruptCoalescing(7, 2).equals(heard.desired), 10);
            assertThat(t.effective(WorkloadSpec.defaults()).coalescing()).isEqualTo(new InterruptCoalescing(7, 2));

            WorkloadSpec spec = WorkloadSpec.defaults().withQueues(4).withIodepth(8).withLimits(3_000_000_000L, 0);
            CompletableFuture<RunRecord> run = t.run(spec, SafetyPrompts.UNATTENDED, 1.0);
            TelemetrySnapshot[] live = new TelemetrySnapshot[1];
            waitUntil(() -> {
                TelemetrySnapshot s = t.sample();
                if (s != null && s.totalIos() > 0 && s.queues().size() == 4) {
                    live[0] = s;
                }
                return live[0] != null;
            }, 20);
            assertThat(live[0].vectors()).as("vectors 0..4 with counts").hasSize(5)
                    .anySatisfy(v -> assertThat(v.count()).isPositive());
            assertThat(live[0].queues()).allSatisfy(q -> assertThat(q.entries()).isPositive());
            waitUntil(() -> t.runSoFar() != null, 10);
            assertThat(t.runSoFar().latency().count()).as("the run so far carries its latency").isPositive();

            ControllerReadout during = t.readController().get(30, TimeUnit.SECONDS);
            assertThat(during.duringRun()).isTrue();
            assertThat(during.vectors()).as("09h read for each vector an I/O CQ uses").hasSize(4);

            RunRecord r = run.get(60, TimeUnit.SECONDS);
            assertThat(r.origin().host()).isEqualTo("127.0.0.1");
            assertThat(r.workload().coalescing()).isEqualTo(new InterruptCoalescing(7, 2).cdw11());
            waitUntil(() -> !heard.runs.isEmpty(), 10);
            assertThat(heard.runs.get(0).origin().host()).isEqualTo("127.0.0.1");
            assertThat(heard.runs.get(0).totals()).isEqualTo(r.totals());
            // The hold stream's sentence may come a moment after the record, which travels on the run's own stream.
            waitUntil(() -> heard.said.stream().anyMatch(s -> s.startsWith("Run finished:")), 10);
            assertThat(heard.states).contains(ControllerState.RUNNING, ControllerState.IDLE);
            waitUntil(() -> heard.admin.stream().anyMatch(e -> e.opcode() == 0x09 && e.cdw10() == FeatureId.INTERRUPT_COALESCING), 10);

            ControllerReadout idle = t.readController().get(30, TimeUnit.SECONDS);
            assertThat(idle.duringRun()).isFalse();
            assertThat(idle.features()).anySatisfy(f -> {
                assertThat(f.fid()).isEqualTo(FeatureId.INTERRUPT_COALESCING);
                assertThat(f.result().dw0() & 0xFFFF).isEqualTo(0x0207);
            });
        }
        assertThat(heard.states).endsWith(ControllerState.DETACHED);
    }

    @Test
    void applyingDuringARunAsksHereAndAfterTheRunWaitsForIt() throws Exception {
        Heard heard = new Heard();
        try (RemoteTuning t = attach("sim:null", heard)) {
            CompletableFuture<RunRecord> run = t.run(WorkloadSpec.defaults().withLimits(1_500_000_000L, 0),
                    SafetyPrompts.UNATTENDED, 1.0);
            waitUntil(t::isRunning, 20);
            Answers after = new Answers(SafetyPrompts.ApplyChoice.AFTER_RUN);
            AdminResult r = t.applyCoalescing(new InterruptCoalescing(3, 1), null, 1, after).get(60, TimeUnit.SECONDS);
            assertThat(after.asked).singleElement().isInstanceOf(ApplyDuringIoQuestion.class);
            assertThat(r.ok()).isTrue();
            assertThat(run.get(30, TimeUnit.SECONDS).completionsPerInterrupt())
                    .as("the Set Features waited for the run's end: coalescing stayed off through it").isEqualTo(1.0);
            assertThat(heard.said).anyMatch(s -> s.contains("will be set when the current run ends"));
        }
    }

    @Test
    void applyNowSetsItBetweenBatchesAndItsSentenceArrivesBeforeItsOutcome() throws Exception {
        Heard heard = new Heard();
        try (RemoteTuning t = attach("sim:tlc", heard)) {
            CompletableFuture<RunRecord> run = t.run(WorkloadSpec.defaults().withQueues(2).withLimits(3_000_000_000L, 0),
                    SafetyPrompts.UNATTENDED, 1.0);
            waitUntil(t::isRunning, 20);
            Answers now = new Answers(SafetyPrompts.ApplyChoice.APPLY_NOW);
            List<String> saidBeforeOutcome = new CopyOnWriteArrayList<>();
            AdminResult r = t.applyCoalescing(new InterruptCoalescing(15, 2), null, 2, now)
                    .whenComplete((x, e) -> saidBeforeOutcome.addAll(heard.said)).get(30, TimeUnit.SECONDS);
            assertThat(r.ok()).isTrue();
            assertThat(run).as("set while the run went on").isNotDone();
            assertThat(saidBeforeOutcome).anyMatch(s -> s.endsWith(", during the run."));
            assertThat(run.get(60, TimeUnit.SECONDS).completionsPerInterrupt()).as("coalesced for part of the run")
                    .isGreaterThan(1.5);
        }
    }

    @Test
    void aSweepOnTheAgentBringsEachPointBackMarkedWithItsHost() throws Exception {
        Heard heard = new Heard();
        try (RemoteTuning t = attach("sim:null", heard)) {
            List<SweepPoint> seen = new CopyOnWriteArrayList<>();
            SweepResult r = t.sweep(WorkloadSpec.defaults().withLimits(0, 2_000), new SweepGrid(List.of(0, 7), List.of(0),
                    List.of(8)), 99, 0, SweepCost.INTERRUPTS_PER_SECOND, seen::add, SafetyPrompts.UNATTENDED)
                    .get(120, TimeUnit.SECONDS);
            assertThat(r.points()).hasSize(2);
            assertThat(seen).hasSize(2).allSatisfy(p -> assertThat(p.record().origin().host()).isEqualTo("127.0.0.1"));
            assertThat(r.device()).isEqualTo("remote://127.0.0.1:" + agentPort() + "/sim:null");
            waitUntil(() -> heard.runs.size() == 2, 10);
        }
    }

    @Test
    void theWindowsCoalescingForTheNextRunsGoesOverWithTheAttach() throws Exception {
        Heard heard = new Heard();
        AgentClient.Options o = new AgentClient.Options(AgentIdentity.readToken(agent.tokenFile()), null,
                new KnownAgents(dir.resolve("known_agents")), null, "window@loopback");
        try (RemoteTuning t = RemoteTuning.attach(AgentAddress.parse("remote://127.0.0.1:" + agentPort() + "/sim:null"), o, 5, 4,
                new InterruptCoalescing(3, 1), Set.of(2), heard, Runnable::run)) {
            waitUntil(() -> new InterruptCoalescing(3, 1).equals(heard.desired), 10);
            RunRecord r = t.run(WorkloadSpec.defaults().withQueues(2).withLimits(0, 4_000), SafetyPrompts.UNATTENDED, 0)
                    .get(60, TimeUnit.SECONDS);
            assertThat(r.workload().coalescing()).isEqualTo(new InterruptCoalescing(3, 1).cdw11());
            assertThat(r.workload().cdVectors()).containsExactly(2);
        }
    }

    @Test
    void aRunCutShortWhenTheWindowWentAwayShowsWhenItComesBack() throws Exception {
        RemoteTuning gone = attach("sim:tlc", new Heard());
        gone.run(WorkloadSpec.defaults().withLimits(600_000_000_000L, 0), SafetyPrompts.UNATTENDED, 1.0);
        waitUntil(gone::isRunning, 20);
        Thread.sleep(500);
        gone.close(); // the window lets go mid-run: the run's record never reaches it
        Heard back = new Heard();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        RemoteTuning again = null;
        while (again == null) {
            try {
                again = attach("sim:tlc", back); // the agent releases the device once the run has drained
            } catch (AgentException held) {
                if (System.nanoTime() > deadline) {
                    throw held;
                }
                Thread.sleep(200);
            }
        }
        try (RemoteTuning t = again) {
            waitUntil(() -> !back.runs.isEmpty(), 10);
            assertThat(back.runs.get(0).notes()).anyMatch(n -> n.contains("cancelled"));
            assertThat(back.runs.get(0).origin().host()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aWriteIsAskedHereNamingHostAndDeviceAndNothingIsWrittenWithoutTheYes() throws Exception {
        Heard heard = new Heard();
        try (RemoteTuning t = attach("sim:optane", heard)) {
            Answers no = new Answers(SafetyPrompts.ApplyChoice.CANCEL);
            CompletableFuture<RunRecord> run = t.run(WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).withLimits(0, 100),
                    no, 0);
            assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasMessageContaining("nothing was written");
            assertThat(no.asked).singleElement().isInstanceOfSatisfying(WriteConfirmation.class,
                    q -> assertThat(q.device()).isEqualTo("remote://127.0.0.1:" + agentPort() + "/sim:optane"));
        }
    }

    private static int agentPort() {
        try {
            return agent.awaitPort();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not happen within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
