package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;
import org.nvmeworkbench.ui.view.workload.WorkloadViewModel;

/** The device, workload and coalescing of the last session come back after a restart; real devices are not re-attached. */
class LastSessionTest {
    @TempDir
    Path home;

    private static WorkbenchSession newSession() {
        return new WorkbenchSession(new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    }

    @Test
    void workloadAndCoalescingComeBackIntoTheViews() {
        WorkbenchSession before = newSession();
        before.attach("sim:optane").join();
        WorkloadViewModel typed = new WorkloadViewModel(before);
        typed.rw().set(ReadWrite.RANDRW);
        typed.blockSize().set("16k");
        typed.iodepth().set("8");
        typed.queues().set("4");
        typed.runtime().set("500ms");
        typed.seed().set("42");
        before.restoreDesired(new InterruptCoalescing(7, 2), null);
        LastSession.of(before, new WindowPlacement(40, 30, 1300, 800, true)).save(home);
        before.detach().join();

        LastSession last = LastSession.load(home);
        assertThat(last.device()).isEqualTo("sim:optane");
        assertThat(last.reattachable()).isTrue();
        assertThat(last.window()).isEqualTo(new WindowPlacement(40, 30, 1300, 800, true));

        WorkbenchSession after = newSession();
        last.restoreInto(after);
        WorkloadViewModel shown = new WorkloadViewModel(after);
        assertThat(shown.rw().get()).isEqualTo(ReadWrite.RANDRW);
        assertThat(shown.blockSize().get()).isEqualTo("16k");
        assertThat(shown.iodepth().get()).isEqualTo("8");
        assertThat(shown.queues().get()).isEqualTo("4");
        assertThat(shown.runtime().get()).isEqualTo("500ms");
        assertThat(shown.seed().get()).isEqualTo("42");
        assertThat(shown.problem().get()).isEmpty();
        assertThat(after.desiredCoalescing().get()).isEqualTo(new InterruptCoalescing(7, 2));
        // The next run applies the restored 08h, as it would have before the restart.
        assertThat(after.effective(shown.spec()).coalescing()).isEqualTo(new InterruptCoalescing(7, 2));
    }

    @Test
    void aRealDeviceIsRememberedButNotReattached() {
        new LastSession("vfio:0000:01:00.0", WorkloadSpec.defaults(), null, null).save(home);
        LastSession last = LastSession.load(home);
        assertThat(last.device()).isEqualTo("vfio:0000:01:00.0");
        assertThat(last.reattachable()).isFalse();
        assertThat(new LastSession("sim", null, null, null).reattachable()).isTrue();
    }

    @Test
    void aDeviceOnAnAgentIsRememberedButNotReattached() {
        new LastSession("remote://lab7:7450/sim", WorkloadSpec.defaults(), null, null).save(home);
        LastSession last = LastSession.load(home);
        assertThat(last.device()).isEqualTo("remote://lab7:7450/sim");
        assertThat(last.reattachable()).as("an agent needs its token and is attached when asked").isFalse();
        assertThat(new LastSession("remote://[::1]:7450/vfio:0000:01:00.0", null, null, null).reattachable()).isFalse();
    }

    @Test
    void aRemoteNameWithAPathInItIsDamage() throws Exception {
        java.nio.file.Files.writeString(home.resolve("session.json"), "{\"device\": \"remote://lab7:7450/vfio:../../etc\"}");
        LastSession last = LastSession.load(home);
        assertThat(last.device()).isNull();
    }

    @Test
    void writesAreNeverRememberedAsAllowedBeyondWhatThePatternNeeds() {
        WorkloadSpec cd = WorkloadSpec.defaults().withCdVectors(Set.of(2)).withAllowWrites(true);
        new LastSession("sim", cd, null, null).save(home);
        WorkloadSpec back = LastSession.load(home).workload();
        assertThat(back.allowWrites()).isFalse(); // randread: nothing to allow
        assertThat(back.cdVectors()).containsExactly(2);
    }

    @Test
    void aMissingOrUnreadableFileGivesAnEmptySession() throws Exception {
        assertThat(LastSession.load(home)).isEqualTo(LastSession.empty());
        Files.writeString(home.resolve("session.json"), "{\"device\": \"sim\", \"coalesce\": {\"thr\": 999, \"time\": 1}}");
        assertThat(LastSession.load(home)).isEqualTo(LastSession.empty());
        Files.writeString(home.resolve("session.json"), "not json");
        assertThat(LastSession.load(home)).isEqualTo(LastSession.empty());
    }
}
