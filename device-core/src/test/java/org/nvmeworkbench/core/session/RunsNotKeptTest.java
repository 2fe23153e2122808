package org.nvmeworkbench.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** When the state folder is a file, "Run finished" must not be all the window says. */
class RunsNotKeptTest {
    @TempDir
    Path dir;

    @Test
    void aStateFolderThatIsAFileIsSaidWithTheFinishedRun() throws Exception {
        Path home = Files.writeString(dir.resolve(".nvme-workbench"), "oops");
        TuningSession s = new TuningSession(DeviceCatalog.load(), new SameThreadTasks(), new RunHistory(home.resolve("runs")));
        List<String> said = new ArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void said(String sentence) {
                said.add(sentence);
            }
        });
        s.attach("sim", new DeviceOptions(1, false)).join();
        s.work().run(WorkloadSpec.defaults().withLimits(0, 200)).join();
        assertThat(said.get(said.size() - 1)).startsWith("Run finished").contains("Runs are not kept")
                .contains(home + " is a file");
        s.detach().join();
    }

    @Test
    void aRunRecordThatCannotBeReadIsNamedForTheWindow() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(runs.resolve("run-1.json"), "{ not json");
        RunHistory h = new RunHistory(runs);
        assertThat(h.load()).isEmpty();
        assertThat(h.skipped()).hasSize(1);
        assertThat(h.skipped().get(0)).contains("run-1.json").doesNotContain("\n");
    }
}
