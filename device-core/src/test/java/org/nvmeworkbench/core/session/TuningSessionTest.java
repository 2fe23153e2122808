package org.nvmeworkbench.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.sweep.OneOpenerSim;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** The tuning session without JavaFX: its apply policy in each state, runs, history, and what it says. */
class TuningSessionTest {
    private static final InterruptCoalescing THR7_TIME2 = new InterruptCoalescing(7, 2);
    private final List<String> said = new CopyOnWriteArrayList<>();
    private TuningSession session;
    private ExecutorService device;

    private TuningSession sameThread(Path runs) {
        TuningSession s = new TuningSession(DeviceCatalog.load(), new SameThreadTasks(), new RunHistory(runs));
        s.addListener(new SessionListener() {
            @Override
            public void said(String sentence) {
                said.add(sentence);
            }
        });
        return s;
    }

    /** Device work on its own thread, callbacks on it too: a run can be in progress while the test asks. */
    private TuningSession threaded() {
        device = Executors.newSingleThreadExecutor();
        SessionTasks tasks = new SessionTasks() {
            private volatile boolean stop;

            @Override
            public <T> void submit(String title, Work<T> work, Consumer<? super T> ok, Consumer<Throwable> failed) {
                stop = false;
                device.execute(() -> {
                    T v;
                    try {
                        v = work.run(new Progress() {
                            @Override
                            public void update(double fraction, String message) {
                            }

                            @Override
                            public boolean stopRequested() {
                                return stop;
                            }
                        });
                    } catch (Exception e) {
                        failed.accept(e);
                        return;
                    }
                    ok.accept(v);
                });
            }

            @Override
            public void cancelCurrent() {
                stop = true;
            }
        };
        TuningSession s = new TuningSession(DeviceCatalog.load(), tasks, RunHistory.inMemory());
        s.addListener(new SessionListener() {
            @Override
            public void said(String sentence) {
                said.add(sentence);
            }
        });
        return s;
    }

    @AfterEach
    void detach() throws Exception {
        if (session != null && session.isAttached()) {
            session.work().stop();
            session.detach().get(10, TimeUnit.SECONDS);
        }
        if (device != null) {
            device.shutdownNow();
        }
    }

    private static WorkloadSpec reads(long ios) {
        return WorkloadSpec.defaults().withQueues(1).withIodepth(8).withLimits(0, ios);
    }

    @Test
    void betweenRunsTheValueIsSetAtOnceAndKeptForTheNextRun() {
        session = sameThread(null);
        session.attach("sim:tlc").join();
        AdminResult r = session.applyCoalescing(THR7_TIME2, null, 1).join();
        assertThat(r.ok()).isTrue();
        assertThat(said).last().isEqualTo("Interrupt Coalescing set: THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us.");
        assertThat(session.controller().getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).dw0() & 0xFFFF)
                .isEqualTo(THR7_TIME2.cdw11());
        RunRecord run = session.work().run(reads(2_000)).join();
        assertThat(run.workload().coalescing()).as("the next run asks for the desired value").isEqualTo(THR7_TIME2.cdw11());
        assertThat(run.completionsPerInterrupt()).isEqualTo(8.0);
    }

    @Test
    void cdBetweenRunsGoesThroughAShortLivedQueueOnTheVector() {
        session = sameThread(null);
        session.attach("sim:tlc").join();
        session.applyCoalescing(THR7_TIME2, Set.of(2), 2).join();
        assertThat(said).last().isEqualTo("Interrupt Coalescing set: THR 7 = signal after 8 completions, TIME 2 = wait "
                + "at most 200 us; IV 2 CD=1 (coalescing disabled).");
        assertThat(session.controller().getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, 2).dw0()
                & (1 << 16)).as("CD on IV 2, read back from the device").isNotZero();
        assertThat(session.controller().ioQueuePairs()).isEmpty();
    }

    @Test
    void aDeviceThatRefuses08hIsSaidInTheSpecsWords() {
        OneOpenerSim fixed = new OneOpenerSim(true);
        session = new TuningSession(fixed.catalog(), new SameThreadTasks(), RunHistory.inMemory());
        session.addListener(new SessionListener() {
            @Override
            public void said(String sentence) {
                said.add(sentence);
            }
        });
        session.attach("vfio:0000:00:04.0").join();
        AdminResult r = session.applyCoalescing(THR7_TIME2, null, 1).join();
        assertThat(r.ok()).isFalse();
        assertThat(said).last().isEqualTo(FeatureText.failure("set-feature", FeatureId.INTERRUPT_COALESCING,
                StatusCode.FEATURE_NOT_CHANGEABLE));
    }

    @Test
    void detachedOrSweepingItRefusesInOneSentence() {
        session = sameThread(null);
        assertThatThrownBy(() -> session.applyCoalescing(THR7_TIME2, null, 1).join()).hasRootCauseMessage(SessionWords.NO_DEVICE);
        assertThatThrownBy(() -> session.work().run(reads(10)).join()).hasRootCauseMessage(SessionWords.NO_DEVICE);
        assertThatThrownBy(() -> session.work().rerun().join()).hasRootCauseMessage(SessionWords.NOTHING_TO_RERUN);
        assertThat(said).containsExactly(SessionWords.NO_DEVICE, SessionWords.NO_DEVICE, SessionWords.NOTHING_TO_RERUN);
    }

    @Test
    void duringASweepApplyIsRefused() throws Exception {
        session = threaded();
        session.attach("sim:tlc").get(10, TimeUnit.SECONDS);
        CompletableFuture<?> sweep = session.work().sweep(reads(200_000), new SweepGrid(List.of(0, 7), List.of(0, 1), List.of(8)),
                99, 0, SweepCost.INTERRUPTS_PER_SECOND, null);
        waitUntil(() -> session.work().sweeping() && session.isRunning());
        assertThatThrownBy(() -> session.applyCoalescing(THR7_TIME2, null, 1).join())
                .hasRootCauseMessage(SessionWords.APPLY_DURING_SWEEP);
        session.work().stop();
        sweep.get(30, TimeUnit.SECONDS);
    }

    @Test
    void duringARunTheUserIsAskedAndApplyNowTakesEffectBetweenBatches() throws Exception {
        session = threaded();
        session.attach("sim:tlc").get(10, TimeUnit.SECONDS);
        session.work().setSimSpeed(1.0); // paced: the run lasts long enough to be asked during it
        List<ApplyDuringIoQuestion> asked = new CopyOnWriteArrayList<>();
        session.setPrompts(answering(SafetyPrompts.ApplyChoice.APPLY_NOW, asked));
        CompletableFuture<RunRecord> run = session.work().run(reads(0).withLimits(1_000_000_000L, 0));
        waitUntil(session::isRunning);
        AdminResult r = session.applyCoalescing(THR7_TIME2, null, 1).get(10, TimeUnit.SECONDS);
        assertThat(r.ok()).isTrue();
        assertThat(asked).singleElement().satisfies(q -> assertThat(q.value()).isEqualTo(THR7_TIME2));
        waitUntil(() -> said.contains("Interrupt Coalescing set: THR 7 = signal after 8 completions, TIME 2 = wait at most "
                + "200 us, during the run."));
        session.work().stop();
        run.get(10, TimeUnit.SECONDS);
    }

    @Test
    void duringARunCancelChangesNothingAndAfterRunWaitsForIt() throws Exception {
        session = threaded();
        session.attach("sim:tlc").get(10, TimeUnit.SECONDS);
        session.work().setSimSpeed(1.0);
        session.setPrompts(answering(SafetyPrompts.ApplyChoice.CANCEL, new CopyOnWriteArrayList<>()));
        CompletableFuture<RunRecord> run = session.work().run(reads(0).withLimits(1_000_000_000L, 0));
        waitUntil(session::isRunning);
        assertThat(session.applyCoalescing(THR7_TIME2, null, 1).handle((v, t) -> t).get(10, TimeUnit.SECONDS))
                .satisfiesAnyOf(t -> assertThat(t).isInstanceOf(CancellationException.class),
                        t -> assertThat(t).hasCauseInstanceOf(CancellationException.class));
        assertThat(said).contains("Interrupt Coalescing was not changed: applying during the run was cancelled.");
        assertThat(session.desiredCoalescing()).isNull();

        session.setPrompts(answering(SafetyPrompts.ApplyChoice.AFTER_RUN, new CopyOnWriteArrayList<>()));
        CompletableFuture<AdminResult> after = session.applyCoalescing(THR7_TIME2, null, 1);
        assertThat(said).contains("Interrupt Coalescing (THR 7 = signal after 8 completions, TIME 2 = wait at most 200 us) "
                + "will be set when the current run ends.");
        session.work().stop();
        run.get(10, TimeUnit.SECONDS);
        assertThat(after.get(10, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(session.desiredCoalescing()).isEqualTo(THR7_TIME2);
    }

    @Test
    void afterAControllerResetTheDriverSetsTheDesiredValueAgain() {
        session = sameThread(null);
        session.attach("sim:tlc").join();
        session.applyCoalescing(THR7_TIME2, Set.of(1), 1).join();
        session.controller().recover();
        assertThat(session.controller().getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0).dw0() & 0xFFFF)
                .as("08h returns to 0 on a reset; the driver sets it again").isEqualTo(THR7_TIME2.cdw11());
    }

    @Test
    void writesNeedConsentAndRunsAreKeptOnDisk(@TempDir Path dir) {
        session = sameThread(dir);
        session.attach("sim:tlc").join();
        WorkloadSpec write = reads(500).withRw(ReadWrite.RANDWRITE);
        assertThatThrownBy(() -> session.work().run(write).join()).hasCauseInstanceOf(CancellationException.class);
        assertThat(said).last().isEqualTo("The randwrite run was not started: writing to sim:tlc was not confirmed, so "
                + "nothing was written.");
        session.setPrompts(SafetyPrompts.consent(true));
        session.work().run(write).join();
        session.work().rerun().join();
        assertThat(session.runs()).hasSize(2);
        TuningSession again = sameThread(dir);
        assertThat(again.runs()).extracting(r -> r.workload().rw()).containsExactly("randwrite", "randwrite");
    }

    private static SafetyPrompts answering(SafetyPrompts.ApplyChoice choice, List<ApplyDuringIoQuestion> asked) {
        return new SafetyPrompts() {
            @Override
            public CompletableFuture<Boolean> confirmWrites(WriteConfirmation question) {
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion question) {
                asked.add(question);
                return CompletableFuture.completedFuture(choice);
            }
        };
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the condition did not hold within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
