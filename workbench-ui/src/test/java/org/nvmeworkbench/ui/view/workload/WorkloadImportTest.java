package org.nvmeworkbench.ui.view.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.task.CurrentThreadTaskExecutor;

/** Workload > Import .fio job: the fields take the job, what does not apply is listed, a bad file names its line. */
class WorkloadImportTest {
    @TempDir
    Path dir;

    private final WorkbenchSession session = new WorkbenchSession(
            new DeviceCatalog(List.of(new SimDeviceProvider())), new CurrentThreadTaskExecutor(), null);
    private final WorkloadViewModel vm = new WorkloadViewModel(session);

    @Test
    void theFirstJobFillsTheFieldsAndTheDraft() throws Exception {
        Path f = dir.resolve("mixed.fio");
        Files.writeString(f, """
                [global]
                bs=16k
                iodepth=8
                runtime=500ms
                ; comment
                [mixed]
                rw=randrw
                rwmixread=70
                numjobs=2
                """);
        assertThat(vm.importJob(f)).isTrue();
        assertThat(vm.rw().get()).isEqualTo(ReadWrite.RANDRW);
        assertThat(vm.blockSize().get()).isEqualTo("16k");
        assertThat(vm.iodepth().get()).isEqualTo("8");
        assertThat(vm.runtime().get()).isEqualTo("500ms");
        assertThat(vm.imported().get()).isEqualTo("Imported job 'mixed' from mixed.fio.");
        assertThat(session.draftSpec().get().rwmixread()).as("kept though no field shows it").isEqualTo(70);
        assertThat(session.draftSpec().get().blockSize()).isEqualTo(16384);
        assertThat(vm.importProblem().get()).isEmpty();
    }

    @Test
    void optionsThatDoNotApplyAreListedWithTheirLine() throws Exception {
        Path f = dir.resolve("odd.fio");
        Files.writeString(f, "[job]\nrw=randread\nioengine=libaio\n[second]\nrw=read\n");
        vm.importJob(f);
        assertThat(vm.importWarnings()).isNotEmpty();
        assertThat(vm.importWarnings()).anySatisfy(w -> assertThat(w).contains("ioengine").contains("3"));
    }

    @Test
    void aFileOfSeveralJobsLetsTheUserChooseAndSaysWhichWasTaken() throws Exception {
        Path f = dir.resolve("three.fio");
        Files.writeString(f, "[seq]\nrw=read\nbs=128k\n[rand]\nrw=randread\nbs=8k\niodepth=4\n[wipe]\nrw=trim\n");
        assertThat(vm.importJob(f)).isTrue();
        assertThat(vm.importableJobs()).containsExactly("1. seq", "2. rand", "3. wipe");
        assertThat(vm.imported().get()).isEqualTo("Imported job 'seq' (job 1 of 3; choose another below) from three.fio.");
        assertThat(vm.rw().get()).isEqualTo(ReadWrite.READ);

        assertThat(vm.chooseJob(1)).isTrue();
        assertThat(vm.rw().get()).isEqualTo(ReadWrite.RANDREAD);
        assertThat(vm.blockSize().get()).isEqualTo("8k");
        assertThat(vm.iodepth().get()).isEqualTo("4");
        assertThat(vm.imported().get()).startsWith("Imported job 'rand' (job 2 of 3;");

        Path one = dir.resolve("one.fio");
        Files.writeString(one, "[only]\nrw=randread\n");
        assertThat(vm.importJob(one)).isTrue();
        assertThat(vm.importableJobs()).as("one job: nothing to choose").isEmpty();
        assertThat(vm.imported().get()).isEqualTo("Imported job 'only' from one.fio.");
    }

    @Test
    void aMalformedFileIsOneSentenceWithTheLineAndLeavesTheFieldsAlone() throws Exception {
        Path f = dir.resolve("bad.fio");
        Files.writeString(f, "[job]\nrw=randread\nbs=lots\n");
        assertThat(vm.importJob(f)).isFalse();
        assertThat(vm.importProblem().get()).contains("bad.fio").contains("3").endsWith(".");
        assertThat(vm.blockSize().get()).isEqualTo("4k");
        assertThat(vm.imported().get()).isEmpty();
    }
}
