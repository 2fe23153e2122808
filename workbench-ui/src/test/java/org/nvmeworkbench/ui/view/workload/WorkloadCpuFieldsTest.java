package org.nvmeworkbench.ui.view.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/** fio's CPU words in the Workload view: they make the spec's placement, a bad one is the problem, a job fills them. */
class WorkloadCpuFieldsTest {
    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private final WorkloadViewModel vm = new WorkloadViewModel(session);

    @Test
    void theFieldsBecomeTheSpecsPlacement() {
        vm.cpusAllowed().set("0-15");
        vm.cpusAllowedPolicy().set("split");
        vm.irqAffinity().set("0");
        vm.numaMemPolicy().set("bind:1");
        assertThat(vm.problem().get()).isEmpty();
        assertThat(vm.spec().placement().describe())
                .isEqualTo("cpus_allowed=0-15 cpus_allowed_policy=split numa_mem_policy=bind:1 irq_affinity=0");
        vm.cpusAllowed().set("");
        vm.cpusAllowedPolicy().set("");
        vm.irqAffinity().set("");
        vm.numaMemPolicy().set("");
        assertThat(vm.spec().placement().given()).isFalse();
    }

    @Test
    void aBadWordIsTheProblemInOneSentence() {
        vm.cpusAllowedPolicy().set("both");
        assertThat(vm.problem().get()).isEqualTo("cpus_allowed_policy=both is not shared or split.");
        assertThat(vm.spec()).isNull();
    }

    @Test
    void anImportedJobFillsThem(@TempDir Path dir) throws Exception {
        Path job = dir.resolve("j.fio");
        Files.writeString(job, "[j]\nrw=randread\nnumber_ios=100\ncpus_allowed=4-7\ncpus_allowed_policy=split\nnuma_cpu_nodes=0\n");
        assertThat(vm.importJob(job)).isTrue();
        assertThat(vm.cpusAllowed().get()).isEqualTo("4-7");
        assertThat(vm.cpusAllowedPolicy().get()).isEqualTo("split");
        assertThat(vm.numaCpuNodes().get()).isEqualTo("0");
        assertThat(vm.irqAffinity().get()).isEmpty();
    }
}
