package org.nvmeworkbench.core.fiojob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.workload.ReadWrite;

/** The corpus parses with what each file says (fio's documented examples and lab-style files). */
class FioJobCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/fiojobs");
    private static final FioEnvironment ENV = new FioEnvironment(Map.of("SIZE", "64m", "NUMJOBS", "4"), 4096, 16_000, 2);

    private static FioJobFile read(String name) {
        return FioJobFile.read(CORPUS.resolve(name), ENV);
    }

    @Test
    void howtoTwoJobsShareTheGlobalSection() {
        FioJobFile f = read("howto-two-jobs.fio");
        assertThat(f.jobs()).extracting(FioJob::name).containsExactly("job1", "job2");
        assertThat(f.jobs()).allSatisfy(j -> {
            assertThat(j.spec().rw()).isEqualTo(ReadWrite.RANDREAD);
            assertThat(j.spec().ios()).isEqualTo((128L << 20) / 4096);
        });
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void howtoRandomWritersAreFourClones() {
        FioJob j = read("howto-random-writers.fio").jobs().get(0);
        assertThat(j.numjobs()).isEqualTo(4);
        assertThat(j.spec().queues()).isEqualTo(4);
        assertThat(j.spec().blockSize()).isEqualTo(32768);
        assertThat(j.spec().ios()).isEqualTo((64L << 20) / 32768 * 4);
    }

    @Test
    void howtoIncludingPullsBothIncludes() {
        FioJob j = read("howto-including.fio").jobs().get(0);
        assertThat(j.spec().iodepth()).isEqualTo(4);
        assertThat(j.spec().runtimeNanos()).isEqualTo(10_000_000_000L);
        assertThat(j.schedule().groupReporting()).isTrue();
    }

    @Test
    void labFilesParseWithTheirGroups() {
        FioJobFile lat = read("lab-latency.fio");
        assertThat(lat.jobs()).extracting(j -> j.schedule().group()).containsExactly(0, 0, 1);
        assertThat(lat.jobs().get(2).spec().shape().offsetBytes()).isEqualTo(1 << 20);
        assertThat(lat.warnings()).first().asString().startsWith("lab-latency.fio line 3: ioengine=io_uring");
        FioJobFile mixed = read("lab-mixed.fio");
        assertThat(mixed.jobs()).extracting(j -> j.schedule().group()).containsExactly(0, 0, 0, 1);
        assertThat(mixed.jobs().get(0).spec().shape().mix().sizes()).containsExactly(4096, 65536, 32768);
        FioJobFile units = read("lab-units.fio");
        assertThat(units.jobs().get(0).spec().blockSize()).isEqualTo(4000);
        assertThat(units.jobs().get(1).spec().blockSize()).isEqualTo(4096);
        assertThat(units.jobs().get(2).spec().iodepth()).isEqualTo(2);
    }
}
