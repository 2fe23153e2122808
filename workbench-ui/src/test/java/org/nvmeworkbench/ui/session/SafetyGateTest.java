package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/** Writes run only after a confirmation naming the device; a refusal says so in words. */
class SafetyGateTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private final List<WriteConfirmation> asked = new ArrayList<>();
    private final WorkloadSpec randwrite = WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).withQueues(1)
            .withIodepth(4).withLimits(0, 200);

    @BeforeEach
    void attach() {
        session.simSpeed().set(0);
        session.attach("sim:tlc").join();
    }

    @AfterEach
    void detach() {
        session.detach().join();
    }

    private void answer(boolean yes) {
        session.prompts().set(new SafetyPrompts() {
            @Override
            public CompletableFuture<Boolean> confirmWrites(WriteConfirmation q) {
                asked.add(q);
                return CompletableFuture.completedFuture(yes);
            }

            @Override
            public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion q) {
                throw new AssertionError("not asked in this test");
            }
        });
    }

    private boolean queuesWereCreated() {
        session.sample();
        return session.adminLog().stream().anyMatch(e -> e.opcode() == Opcodes.CREATE_IO_SQ);
    }

    @Test
    void aCancelledConfirmationStartsNothingAndSaysSo() {
        answer(false);
        CompletableFuture<?> run = session.run(randwrite);
        assertThat(run).isCompletedExceptionally();
        assertThat(run.handle((v, t) -> t instanceof CompletionException ? t.getCause() : t).join())
                .isInstanceOf(CancellationException.class);
        assertThat(asked).singleElement().satisfies(q -> assertThat(q.device()).isEqualTo("sim:tlc"));
        assertThat(session.message().get()).contains("sim:tlc").contains("nothing was written");
        assertThat(session.runs()).isEmpty();
        assertThat(queuesWereCreated()).isFalse();
    }

    @Test
    void aConfirmedWriteRunsAndIsAskedAgainOnRerun() {
        answer(true);
        session.run(randwrite).join();
        assertThat(session.runs()).singleElement().satisfies(r -> assertThat(r.workload().rw()).isEqualTo("randwrite"));
        session.rerun().join();
        assertThat(asked).hasSize(2);
        assertThat(session.runs()).hasSize(2);
    }

    @Test
    void withNoOneToAskWritesAreRefused() {
        assertThat(session.run(randwrite)).isCompletedExceptionally();
        assertThat(session.runs()).isEmpty();
        assertThat(session.message().get()).contains("not confirmed");
    }

    @Test
    void readsAreNeverAsked() {
        answer(false);
        session.run(randwrite.withRw(ReadWrite.RANDREAD)).join();
        assertThat(asked).isEmpty();
        assertThat(session.runs()).hasSize(1);
    }

    @Test
    void applyingWhileIdleSetsTheFeatureWithoutAsking() {
        answer(false);
        assertThat(session.applyCoalescing(new InterruptCoalescing(7, 2), null).join().ok()).isTrue();
        assertThat(session.message().get()).startsWith("Interrupt Coalescing set");
    }
}
