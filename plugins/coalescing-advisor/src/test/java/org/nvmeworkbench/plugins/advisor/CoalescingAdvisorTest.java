package org.nvmeworkbench.plugins.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

class CoalescingAdvisorTest {
    @Test
    void noRunsNoAdvice() {
        assertThat(new CoalescingAdvisor().advise(List.of())).isEmpty();
    }

    @Test
    void anUncoalescedRunGetsAThresholdOfAQuarterOfIodepth() {
        PciFunction pci = new SimDeviceProvider().open("sim:tlc", DeviceOptions.DEFAULT);
        try (NvmeController c = NvmeController.attach(pci, DriverOptions.DEFAULT)) {
            RunRecord r = new WorkloadRunner().run(c, WorkloadSpec.defaults().withIodepth(32)
                    .withLimits(0, 20_000).withCoalescing(InterruptCoalescing.OFF), RunObserver.NONE);
            var advice = new CoalescingAdvisor().advise(List.of(r)).orElseThrow();
            assertThat(advice.coalescing().completions()).isEqualTo(8);
            assertThat(advice.coalescing().time()).isBetween(1, 255);
            assertThat(advice.reason()).contains("run #1");
        } finally {
            pci.close();
        }
    }
}
