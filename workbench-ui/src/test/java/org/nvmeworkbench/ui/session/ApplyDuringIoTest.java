package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.task.FxTaskExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Set Features 08h while a workload runs: asked first, then now, after the run, or not at all. */
@ExtendWith(ApplicationExtension.class)
class ApplyDuringIoTest {
    private static final InterruptCoalescing THR7_TIME2 = new InterruptCoalescing(7, 2);

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), executor, null);
    private CompletableFuture<?> run;

    @BeforeEach
    void attachAndStartARun() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> session.attach("sim:tlc")).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        // Paced at the wall clock: about a second of I/O in flight to answer the question in.
        WorkloadSpec spec = WorkloadSpec.defaults().withQueues(1).withIodepth(16).withLimits(1_000_000_000L, 0);
        WaitForAsyncUtils.asyncFx(() -> {
            session.simSpeed().set(1.0);
            run = session.run(spec);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, session::isRunning);
    }

    @AfterEach
    void detach() throws Exception {
        run.handle((v, t) -> null).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(session::detach).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        executor.shutdown();
    }

    private CompletableFuture<AdminResult> applyAnswering(SafetyPrompts.ApplyChoice choice) throws Exception {
        return applyAnswering(choice, null);
    }

    private CompletableFuture<AdminResult> applyAnswering(SafetyPrompts.ApplyChoice choice, java.util.Set<Integer> cd)
            throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            session.prompts().set(new SafetyPrompts() {
                @Override
                public CompletableFuture<Boolean> confirmWrites(WriteConfirmation q) {
                    throw new AssertionError("not asked in this test");
                }

                @Override
                public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion q) {
                    assertThat(q.question()).isEqualTo("Apply now, during I/O?");
                    assertThat(q.details()).contains("sim:tlc").contains("advises against");
                    return CompletableFuture.completedFuture(choice);
                }
            });
            return session.applyCoalescing(THR7_TIME2, cd);
        }).get(10, TimeUnit.SECONDS);
    }

    private long coalescingSets() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            session.sample();
            return session.adminLog().stream().filter(ApplyDuringIoTest::setsCoalescing).count();
        }).get(10, TimeUnit.SECONDS);
    }

    private static boolean setsCoalescing(AdminLogEntry e) {
        return e.opcode() == Opcodes.SET_FEATURES && (e.cdw10() & 0xFF) == FeatureId.INTERRUPT_COALESCING;
    }

    @Test
    void applyNowSetsTheFeatureWhileTheRunIsStillGoing() throws Exception {
        AtomicBoolean runningWhenSet = new AtomicBoolean();
        AdminResult r = applyAnswering(SafetyPrompts.ApplyChoice.APPLY_NOW)
                .whenComplete((v, t) -> runningWhenSet.set(session.isRunning()))
                .get(30, TimeUnit.SECONDS);
        assertThat(r.ok()).isTrue();
        assertThat(runningWhenSet).as("the run was still going when the device answered").isTrue();
        assertThat(session.message().get()).contains("during the run");
        assertThat(session.desiredCoalescing().get()).isEqualTo(THR7_TIME2);
    }

    @Test
    void applyNowSetsCoalescingDisableOnTheRunsVectorAtOnce() throws Exception {
        AdminResult r = applyAnswering(SafetyPrompts.ApplyChoice.APPLY_NOW, java.util.Set.of(1)).get(30, TimeUnit.SECONDS);
        assertThat(r.ok()).isTrue();
        assertThat(session.message().get()).contains("IV 1 CD=1 (coalescing disabled)").endsWith(", during the run.");
        AdminResult cd = WaitForAsyncUtils.asyncFx(() -> session.core().query("Get 09h", c ->
                c.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, 1)))
                .get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        assertThat(cd.dw0() & org.nvmeworkbench.core.spec.InterruptVectorConfig.CD_BIT).as("CD read back mid-run").isNotZero();
    }

    @Test
    void applyAfterThisRunWaitsForItsRecord() throws Exception {
        AdminResult r = applyAnswering(SafetyPrompts.ApplyChoice.AFTER_RUN).get(60, TimeUnit.SECONDS);
        assertThat(r.ok()).isTrue();
        assertThat(session.runs()).as("the run's record came before the Set Features").hasSize(1);
    }

    @Test
    void cancelChangesNothingAndSaysSo() throws Exception {
        CompletableFuture<AdminResult> f = applyAnswering(SafetyPrompts.ApplyChoice.CANCEL);
        assertThat(f).isCompletedExceptionally();
        Throwable why = f.handle((v, t) -> t instanceof CompletionException ? t.getCause() : t).get(10, TimeUnit.SECONDS);
        assertThat(why).isInstanceOf(CancellationException.class)
                .hasMessage("Interrupt Coalescing was not changed: applying during the run was cancelled.");
        run.get(60, TimeUnit.SECONDS);
        assertThat(coalescingSets()).isZero();
        assertThat(session.desiredCoalescing().get()).isNull();
    }
}
