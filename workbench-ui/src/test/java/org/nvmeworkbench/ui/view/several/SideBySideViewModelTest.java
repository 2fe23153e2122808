package org.nvmeworkbench.ui.view.several;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.nvmeworkbench.ui.view.runs.RunSelection;

class SideBySideViewModelTest {
    private final WorkbenchSession session = new WorkbenchSession(new DeviceCatalog(List.of(new SimDeviceProvider())),
            new CurrentThreadTaskExecutor(), null);
    private final RunSelection selection = new RunSelection(session.runs());
    private final SideBySideViewModel vm = new SideBySideViewModel(session, selection, Runnable::run, Runnable::run);

    @Test
    void oneWorkloadRunsOnEachDeviceAndTheRunsAreSelectedSideBySide() throws Exception {
        session.draftSpec().set(WorkloadSpec.defaults().withLimits(0, 3_000).withSeed(9));
        List<RunRecord> r = vm.run(List.of("sim:null", "sim:optane")).get();
        assertThat(r).extracting(x -> x.device().spec()).containsExactly("sim:null", "sim:optane");
        assertThat(r).allSatisfy(x -> assertThat(x.totals().ios()).isEqualTo(3_000));
        assertThat(r.get(1).latency().valueAtPercentile(50)).as("the optane profile is slower than null media")
                .isGreaterThan(r.get(0).latency().valueAtPercentile(50));
        assertThat(session.runs()).containsExactlyElementsOf(r);
        assertThat(selection.runs()).containsExactlyElementsOf(r);
        assertThat(vm.outcome().get()).isEqualTo("Ran randread on 2 of 2 devices side by side; Runs compares them.");
    }

    @Test
    void theCoalescingEditorsValueGoesWithTheWorkload() throws Exception {
        session.draftSpec().set(WorkloadSpec.defaults().withLimits(0, 2_000));
        session.restoreDesired(new org.nvmeworkbench.core.spec.InterruptCoalescing(7, 2), null);
        List<RunRecord> r = vm.run(List.of("sim:null", "sim:tlc")).get();
        assertThat(r).allSatisfy(x -> assertThat(x.workload().coalescing())
                .isEqualTo(new org.nvmeworkbench.core.spec.InterruptCoalescing(7, 2).cdw11()));
    }

    @Test
    void aDeviceThatCannotRunIsSaidBesideTheOthersRuns() throws Exception {
        session.draftSpec().set(WorkloadSpec.defaults().withLimits(0, 1_000));
        List<RunRecord> r = vm.run(List.of("sim:null", "sim:no-such-profile")).get();
        assertThat(r).hasSize(1);
        assertThat(vm.outcome().get()).startsWith("Ran randread on 1 of 2 devices side by side; Runs compares them. "
                + "sim:no-such-profile: ");
    }

    @Test
    void writesOneDeviceAndAnInvalidWorkloadAreRefusedInWords() {
        session.draftSpec().set(WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE));
        assertThatThrownBy(() -> vm.run(List.of("sim:null", "sim:tlc")).join()).hasMessageContaining("only read");
        session.draftSpec().set(WorkloadSpec.defaults());
        assertThatThrownBy(() -> vm.run(List.of("sim:null")).join()).hasMessageContaining("Tick two devices or more");
        assertThat(session.runs()).isEmpty();
    }

    @Test
    void theDeviceAttachedInTheWindowIsNotOffered() {
        session.attach("sim:tlc").join();
        List<DeviceInfo> offered = vm.choices(session.catalog().discover());
        assertThat(offered).extracting(DeviceInfo::spec).doesNotContain("sim:tlc").contains("sim:null");
        session.detach().join();
    }
}
