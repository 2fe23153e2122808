package org.nvmeworkbench.ui.view.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.session.ControllerReadout;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

class ControllerViewModelTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private final ControllerViewModel vm = new ControllerViewModel(session);

    @BeforeEach
    void attach() {
        session.simSpeed().set(0);
        session.attach("sim:tlc").join();
    }

    @AfterEach
    void detach() {
        session.detach().join();
    }

    @Test
    void withoutAnIoQueueItSaysThat09hNeedsOne() {
        vm.load();
        assertThat(vm.text().get())
                .contains("get-feature:0x08 (Interrupt Coalescing)")
                .contains("needs an I/O completion queue bound to that vector")
                .contains("No run has read 09h back yet.");
    }

    @Test
    void afterARunItShowsThatRunsReadBackFromItsRecord() {
        session.applyCoalescing(new InterruptCoalescing(7, 2), Set.of(1)).join();
        session.run(WorkloadSpec.defaults().withQueues(2).withIodepth(4).withLimits(0, 400)).join();
        vm.load();
        assertThat(vm.text().get())
                .contains("As read back by run #1 (sim:tlc")
                .contains("Interrupt Vector (IV): 1")
                .contains("Coalescing Disable (CD): True")
                .contains("Interrupt Vector (IV): 2")
                .contains("Coalescing Disable (CD): False")
                .contains("Aggregation Threshold (THR): 8 (the field holds 7, 0's based: signal after 8 completions)");
    }

    @Test
    void withAnIoQueueEachBoundVectorIsAskedNow() {
        NvmeController c = session.controller().get();
        IoQueuePair q = c.createIoQueuePair(1, 16, 1);
        try {
            assertThat(ControllerViewModel.vectorConfiguration(ControllerReadout.read(c, false), null, 0))
                    .contains("== Feature 09h (Interrupt Vector Configuration), per vector, read now ==")
                    .contains("IV 1 (I/O CQ 1):")
                    .contains("  Coalescing Disable (CD): False");
        } finally {
            c.deleteIoQueuePair(q);
        }
    }
}
