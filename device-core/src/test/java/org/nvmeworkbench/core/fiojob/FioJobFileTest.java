package org.nvmeworkbench.core.fiojob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

class FioJobFileTest {
    private static final String FILE = """
            ; a typical latency job
            [global]
            ioengine=libaio
            direct=1
            bs=4k
            iodepth=32
            filename=/dev/nvme0n1
            randseed=1234

            [randread-qd32]
            rw=randread
            runtime=30s
            time_based

            # a second job that overrides global options
            [mixed]
            description="70/30 mix"
            rw=randrw
            rwmixread=70
            bs=64KiB
            numjobs=4
            size=1g
            group_reporting
            frobnicate=3
            """;

    @Test
    void globalOptionsApplyAndJobsOverrideThem() {
        FioJobFile f = FioJobFile.parse(FILE, "lat.fio");
        assertThat(f.jobs()).extracting(FioJob::name).containsExactly("randread-qd32", "mixed");
        WorkloadSpec a = f.jobs().get(0).spec();
        assertThat(a.rw()).isEqualTo(ReadWrite.RANDREAD);
        assertThat(a.blockSize()).isEqualTo(4096);
        assertThat(a.iodepth()).isEqualTo(32);
        assertThat(a.seed()).isEqualTo(1234);
        assertThat(a.runtimeNanos()).isEqualTo(30_000_000_000L);
        assertThat(a.ios()).isZero(); // time_based: the runtime alone ends it
        WorkloadSpec b = f.jobs().get(1).spec();
        assertThat(f.jobs().get(1).description()).isEqualTo("70/30 mix");
        assertThat(b.rw()).isEqualTo(ReadWrite.RANDRW);
        assertThat(b.rwmixread()).isEqualTo(70);
        assertThat(b.blockSize()).isEqualTo(64_000); // fio: 64KiB is 64000 B with the default kb_base=1024
        assertThat(b.queues()).isEqualTo(4);
        // size is per fio job: 1 GiB / 64000 B I/Os, times 4 jobs (queues)
        assertThat(b.ios()).isEqualTo((1L << 30) / 64_000 * 4);
        assertThat(b.runtimeNanos()).isZero();
        assertThat(b.allowWrites()).isFalse();
    }

    @Test
    void optionsThatDoNotApplyAreWarningsWithTheirLine() {
        FioJobFile f = FioJobFile.parse(FILE, "lat.fio");
        assertThat(f.jobs().get(0).warnings()).containsExactly(
                "lat.fio line 3: ioengine=libaio does not apply: the workbench submits through its own userspace NVMe driver.",
                "lat.fio line 7: filename=/dev/nvme0n1 does not apply: choose the device with -d (sim, sim:PROFILE or vfio:DDDD:BB:DD.F).");
        assertThat(f.jobs().get(1).warnings()).contains(
                "lat.fio line 24: the option frobnicate is not one the importer knows; it was ignored.");
        assertThat(f.warnings()).hasSize(3); // the [global] ones once
        assertThat(f.jobs().get(1).schedule().groupReporting()).isTrue();
    }

    @Test
    void fioUnitsForSizesAndTimes() {
        WorkloadSpec s = FioJobFile.parse("[j]\nbs=512\nruntime=1500ms\nio_size=2m\nnumber_ios=100\n", "u.fio").jobs().get(0).spec();
        assertThat(s.blockSize()).isEqualTo(512);
        assertThat(s.runtimeNanos()).isEqualTo(1_500_000_000L);
        assertThat(s.ios()).isEqualTo(100); // number_ios caps the 4096 I/Os of io_size
        assertThat(FioJobFile.parse("[j]\nruntime=10\n", "u.fio").jobs().get(0).spec().runtimeNanos())
                .isEqualTo(10_000_000_000L); // a plain number is seconds, as in fio
    }

    @Test
    void hipriMeansPollingAndRwmixwriteIsTheComplement() {
        WorkloadSpec s = FioJobFile.parse("[j]\nrw=rw\nrwmixwrite=30\nhipri\nsize=4m\n", "p.fio").jobs().get(0).spec();
        assertThat(s.polling()).isTrue();
        assertThat(s.rwmixread()).isEqualTo(70);
    }

    @Test
    void aJobWithoutLimitsGetsTheDefaultsAndSaysSo() {
        FioJob j = FioJobFile.parse("[j]\nrw=read\n", "d.fio").jobs().get(0);
        assertThat(j.spec().ios()).isEqualTo(WorkloadSpec.defaults().ios());
        assertThat(j.warnings()).containsExactly("d.fio line 1: the job sets neither a size nor a runtime; the run uses the "
                + "workbench's default of 100000 I/Os or 2 s, whichever comes first.");
    }

    @Test
    void malformedFilesNameTheLine() {
        assertThatThrownBy(() -> FioJobFile.parse("bs=4k\n[j]\n", "x.fio"))
                .hasMessage("x.fio line 1: the option 'bs=4k' comes before any [global] or [job] section.")
                .satisfies(e -> assertThat(((FioJobException) e).line()).isEqualTo(1));
        assertThatThrownBy(() -> FioJobFile.parse("[j]\n\n[broken\n", "x.fio"))
                .hasMessage("x.fio line 3: the section header '[broken' has no closing ']'.");
        assertThatThrownBy(() -> FioJobFile.parse("[j]\nbs=4q\n", "x.fio"))
                .hasMessageStartingWith("x.fio line 2: bs=4q: '4q' is not a size");
        assertThatThrownBy(() -> FioJobFile.parse("[j]\nrw=sideways\n", "x.fio"))
                .hasMessageStartingWith("x.fio line 2: unknown I/O pattern 'sideways'");
        assertThatThrownBy(() -> FioJobFile.parse("[j]\niodepth=0\n", "x.fio"))
                .hasMessage("x.fio line 2: iodepth must be 1..65535, not 0.");
        assertThatThrownBy(() -> FioJobFile.parse("[global]\nbs=4k\n", "x.fio"))
                .hasMessage("x.fio defines no job: add a [jobname] section after [global].");
    }
}
