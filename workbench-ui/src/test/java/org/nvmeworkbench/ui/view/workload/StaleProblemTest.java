package org.nvmeworkbench.ui.view.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/** A refusal in red goes away, here and in the status bar, once the field it was about is put right. */
class StaleProblemTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private final WorkloadViewModel vm = new WorkloadViewModel(session);

    @Test
    void fixingTheFieldClearsTheOutcomeAndTheStatusBarsSentence() {
        vm.blockSize().set("4q");
        assertThat(vm.problem().get()).startsWith("bs");
        vm.start();
        assertThat(vm.outcome().get()).isEqualTo(vm.problem().get());
        session.message().set(vm.outcome().get()); // as the session says a refusal

        vm.blockSize().set("4k");
        assertThat(vm.problem().get()).isEmpty();
        assertThat(vm.outcome().get()).isEmpty();
        assertThat(session.message().get()).isEmpty();
    }

    @Test
    void aSentenceAboutSomethingElseStaysInTheStatusBar() {
        vm.queues().set("0");
        vm.start();
        session.message().set("Attached sim.");
        vm.queues().set("2");
        assertThat(vm.outcome().get()).isEmpty();
        assertThat(session.message().get()).isEqualTo("Attached sim.");
    }
}
