package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.RunHistory;
import org.nvmeworkbench.core.session.SameThreadTasks;
import org.nvmeworkbench.core.session.TuningSession;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** Device > Inject fault...: armed on the attached simulator, and the next run's notes show the recovery. */
class FaultInjectionTest {
    @Test
    void aLostInterruptArmedFromTheWindowIsRecoveredInTheNextRun() {
        TuningSession s = new TuningSession(DeviceCatalog.load(), new SameThreadTasks(), RunHistory.inMemory());
        NvmeController c = s.attach("sim", new DeviceOptions(1, false)).join();
        assertThat(FaultInjection.possible(c)).isTrue();
        assertThat(FaultInjection.arm(c, "lost-interrupt@100")).startsWith("Armed lost-interrupt after 100 I/O commands");
        RunRecord r = s.work().run(WorkloadSpec.defaults().withIodepth(1).withLimits(0, 300)).join();
        assertThat(String.join(" ", r.notes())).contains("without their interrupt");
        s.detach().join();
    }

    @Test
    void aWrongFaultIsOneSentence() {
        assertThat(FaultInjection.arm(null, "x")).contains("simulator only");
        TuningSession s = new TuningSession(DeviceCatalog.load(), new SameThreadTasks(), RunHistory.inMemory());
        NvmeController c = s.attach("sim", new DeviceOptions(1, false)).join();
        assertThat(FaultInjection.arm(c, "meltdown@3")).contains("Unknown fault 'meltdown'");
        s.detach().join();
    }
}
