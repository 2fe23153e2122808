package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/** Apply with no run in flight: 09h is sent at once; the device's refusal (no I/O CQ between runs) is said in words. */
class CoalescingDisableBetweenRunsTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);

    @Test
    void cdIsSetAtOnceBetweenRunsThroughAShortLivedQueueAndKeptForTheNextRun() {
        session.draftSpec().set(WorkloadSpec.defaults().withQueues(1).withLimits(0, 2_000));
        session.attach("sim:tlc").join();
        AdminResult r = session.applyCoalescing(new InterruptCoalescing(7, 2), Set.of(1)).join();
        assertThat(r.ok()).isTrue();
        assertThat(session.message().get()).isEqualTo("Interrupt Coalescing set: THR 7 = signal after 8 completions, "
                + "TIME 2 = wait at most 200 us; IV 1 CD=1 (coalescing disabled).");
        assertThat(session.controller().get().coalescingDisabled(1)).as("the device has CD on IV 1 now").isTrue();
        assertThat(session.controller().get().ioQueuePairs()).as("the queue that bound IV 1 is gone").isEmpty();
        session.run(session.draftSpec().get()).join();
        assertThat(session.controller().get().coalescingDisabled(1)).as("the next run set CD on IV 1").isTrue();
        session.detach().join();
    }

    @Test
    void nothingIsSentWhenCdDoesNotChange() {
        session.attach("sim:tlc").join();
        session.applyCoalescing(new InterruptCoalescing(7, 2), Set.of()).join();
        assertThat(session.message().get()).isEqualTo("Interrupt Coalescing set: THR 7 = signal after 8 completions, "
                + "TIME 2 = wait at most 200 us.");
        session.detach().join();
    }
}
