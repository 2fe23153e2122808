package org.nvmeworkbench.core.fiojob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.workload.BlockSizeMix;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/** fio's job-file rules, each test named after the HOWTO's wording of the rule. */
class FioJobRulesTest {
    private static final FioEnvironment ENV = new FioEnvironment(Map.of("SIZE", "64m", "NUMJOBS", "4"), 4096, 16_000, 8);

    private static FioJobFile parse(String text) {
        return FioJobFile.parse(text, "t.fio", ENV, null);
    }

    private static WorkloadSpec spec(String text) {
        return parse(text).jobs().get(0).spec();
    }

    @Test
    void aSemicolonOrHashStartsACommentAndFioCutsTheLineThere() {
        FioJobFile f = parse("; whole line\n# whole line\n[j]\nnumjobs=4 ; four threads\nruntime=3600  # one hour\nbs=8k;x\n");
        FioJob j = f.jobs().get(0);
        assertThat(j.numjobs()).isEqualTo(4);
        assertThat(j.spec().runtimeNanos()).isEqualTo(3_600_000_000_000L);
        assertThat(j.spec().blockSize()).isEqualTo(8192);
    }

    @Test
    void aJobIsOnlyAffectedByAGlobalSectionResidingAboveIt() {
        FioJobFile f = parse("[global]\nbs=8k\n[a]\nnumber_ios=10\n[global]\nbs=16k\n[b]\nnumber_ios=10\n");
        assertThat(f.jobs().get(0).spec().blockSize()).isEqualTo(8192);
        assertThat(f.jobs().get(1).spec().blockSize()).isEqualTo(16384);
    }

    @Test
    void anySectionMayPullInAnExternalFileWithTheIncludeDirectiveAndIncludesMayBeNested(@TempDir Path dir) throws Exception {
        // HOWTO's own example: including.fio, glob-include.fio, test-include.fio
        Files.writeString(dir.resolve("glob-include.fio"), "; -- start job file glob-include.fio --\nthread=1\ngroup_reporting=1\ninclude more.fio\n");
        Files.writeString(dir.resolve("more.fio"), "bs=8k\n");
        Files.writeString(dir.resolve("test-include.fio"), "ioengine=libaio\niodepth=4\n");
        Path main = dir.resolve("including.fio");
        Files.writeString(main, "[global]\nfilename=/tmp/test\nfilesize=1m\ninclude glob-include.fio\n\n[test]\nrw=randread\n"
                + "bs=4k\ntime_based=1\nruntime=10\ninclude test-include.fio\n");
        FioJobFile f = FioJobFile.read(main, ENV);
        FioJob j = f.jobs().get(0);
        assertThat(j.spec().iodepth()).isEqualTo(4);
        assertThat(j.spec().blockSize()).isEqualTo(4096); // the job's bs comes after the global include's
        assertThat(j.schedule().groupReporting()).isTrue();
        assertThat(f.warnings()).contains("test-include.fio line 1: ioengine=libaio does not apply: the workbench submits "
                + "through its own userspace NVMe driver.");
    }

    @Test
    void includeFilesMayNotContainSections(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inc.fio"), "[other]\nbs=4k\n");
        Path main = dir.resolve("m.fio");
        Files.writeString(main, "[j]\ninclude inc.fio\n");
        assertThatThrownBy(() -> FioJobFile.read(main, ENV)).hasMessage("inc.fio line 1: an included file may not contain [] "
                + "sections (fio's rule), and '[other]' is one.");
        Files.writeString(main, "[j]\ninclude nowhere.fio\n");
        assertThatThrownBy(() -> FioJobFile.read(main, ENV)).hasMessageStartingWith("m.fio line 2: include nowhere.fio: there is no file");
    }

    @Test
    void anySubStringOfTheFormDollarBraceVarnameIsExpandedToTheEnvironmentVariable() {
        // HOWTO's example: SIZE=64m NUMJOBS=4 fio jobfile.fio
        FioJob j = parse("[random-writers]\nrw=randwrite\nsize=${SIZE}\nnumjobs=${NUMJOBS}\n").jobs().get(0);
        assertThat(j.numjobs()).isEqualTo(4);
        assertThat(j.spec().ios()).isEqualTo((64L << 20) / 4096 * 4);
    }

    @Test
    void ifNoSuchEnvironmentVariableIsDefinedTheEmptyStringIsSubstituted() {
        assertThatThrownBy(() -> parse("[j]\niodepth=${NOPE}\n"))
                .hasMessage("t.fio line 2: iodepth needs a value (an unset ${VARIABLE} expands to nothing).");
    }

    @Test
    void reservedKeywordsPagesizeMbMemoryNcpusAreSubstitutedAndSimpleMathIsSupported() {
        assertThat(spec("[j]\nbs=$pagesize\nnumber_ios=1\n").blockSize()).isEqualTo(4096);
        assertThat(spec("[j]\nbs=$pagesize*2\nnumber_ios=1\n").blockSize()).isEqualTo(8192);
        assertThat(parse("[j]\nnumjobs=$ncpus\nnumber_ios=1\n").jobs().get(0).numjobs()).isEqualTo(8);
        assertThat(spec("[j]\nsize=8*$mb_memory\n").ios()).isEqualTo(8 * 16_000 / 4096);
    }

    @Test
    void anArithmeticExpressionMayBeUsedProvidedItIsSurroundedByParentheses() {
        assertThat(spec("[j]\nbs=((1+3)*1024)\nnumber_ios=1\n").blockSize()).isEqualTo(4096);
        assertThat(spec("[j]\nbs=(1+3)*1024\nnumber_ios=1\n").blockSize()).isEqualTo(4096);
        assertThat(spec("[j]\niodepth=(2^4)\nnumber_ios=1\n").iodepth()).isEqualTo(16);
    }

    @Test
    void kbBase1000FlipsTheUnitPrefixesWhereverItIsWritten() {
        assertThat(spec("[j]\nbs=4KiB\nnumber_ios=1\nkb_base=1000\n").blockSize()).isEqualTo(4096);
        assertThat(spec("[j]\nbs=4KiB\nnumber_ios=1\n").blockSize()).isEqualTo(4000);
        assertThatThrownBy(() -> parse("[j]\nkb_base=512\n")).hasMessage("t.fio line 2: kb_base is 1024 or 1000, not 512.");
    }

    @Test
    void hexSizesAndTheRuntimeSuffixDForDays() {
        WorkloadSpec s = spec("[j]\nsize=0x100000\nruntime=1d\n");
        assertThat(s.ios()).isEqualTo(256);
        assertThat(s.runtimeNanos()).isEqualTo(86_400_000_000_000L);
    }

    @Test
    void theZSuffixCountsZonesAndTheJobIsRefusedInOneSentenceNamingFileLineAndOption() {
        FioJobFile f = parse("[a]\nnumber_ios=1\n[b]\noffset=1z\n");
        assertThat(f.jobs().get(0).runnable()).isTrue();
        assertThat(f.firstRefused().refusal()).isEqualTo("t.fio line 4: offset=1z counts zones (fio's z unit); the "
                + "namespaces the workbench drives are not zoned, so give bytes, e.g. 1m.");
    }

    @Test
    void bsTakesSeparateValuesForReadsAndWritesSeparatedByAComma() {
        assertThat(spec("[j]\nrw=write\nbs=4k,8k\nnumber_ios=1\n").blockSize()).isEqualTo(8192);
        assertThat(spec("[j]\nrw=read\nbs=4k,8k\nnumber_ios=1\n").blockSize()).isEqualTo(4096);
        FioJob mixed = parse("[j]\nrw=randrw\nbs=4k,8k\nnumber_ios=1\n").jobs().get(0);
        assertThat(mixed.warnings()).containsExactly("t.fio line 3: bs=4k,8k gives reads and writes different sizes; a "
                + "run uses one size for both, 4k.");
    }

    @Test
    void bssplitGivesWeightedBlockSizesAndEntriesWithoutAPercentageShareTheRest() {
        WorkloadSpec s = spec("[j]\nbssplit=4k/10:64k/50:32k/40\nnumber_ios=100\n");
        BlockSizeMix m = s.shape().mix();
        assertThat(m.sizes()).containsExactly(4096, 65536, 32768);
        assertThat(m.weights()).containsExactly(10, 50, 40);
        assertThat(s.blockSize()).isEqualTo(65536); // the largest: the buffers' size
        assertThat(s.minBlockSize()).isEqualTo(4096);
        BlockSizeMix rest = spec("[j]\nbssplit=4k/50:8k:16k\nnumber_ios=1\n").shape().mix();
        assertThat(rest.weights()).containsExactly(50, 25, 25);
        assertThat(rest.blockTable(512)).hasSize(100);
        assertThatThrownBy(() -> parse("[j]\nbssplit=4k/60:8k/60\n")).hasMessage("t.fio line 2: bssplit=4k/60:8k/60: the "
                + "percentages add up to 120, not 100.");
    }

    @Test
    void bsrangeIfTheLowerValueIsLargerThanTheUpperValueTheTwoValuesAreSwapped() {
        BlockSizeMix m = spec("[j]\nbsrange=16k-4k\nnumber_ios=1\n").shape().mix();
        assertThat(m.sizes()).containsExactly(4096, 8192, 12288, 16384);
        assertThat(spec("[j]\nblocksize_range=1k:4k\nnumber_ios=1\n").shape().mix().minBytes()).isEqualTo(1024);
    }

    @Test
    void rwModifierIsTheNumberOfIosToDoBeforeGettingANewOffset() {
        WorkloadSpec r = spec("[j]\nrw=randread:8\nnumber_ios=1\n");
        assertThat(r.rw()).isEqualTo(ReadWrite.RANDREAD);
        assertThat(r.shape().randomRun()).isEqualTo(8);
        WorkloadSpec w = spec("[j]\nrw=write:4k\nnumber_ios=1\n");
        assertThat(w.shape().holeBytes()).isEqualTo(4096); // "rw=write:4k will skip 4k for every write"
        assertThat(w.shape().randomRun()).isEqualTo(1);
    }

    @Test
    void rwmixwriteIsTheComplementOfRwmixreadAndReadwriteIsRw() {
        WorkloadSpec s = spec("[j]\nreadwrite=randrw\nrwmixwrite=30\nnumber_ios=1\n");
        assertThat(s.rw()).isEqualTo(ReadWrite.RANDRW);
        assertThat(s.rwmixread()).isEqualTo(70);
        assertThat(spec("[j]\nreadwrite=readwrite\nnumber_ios=1\n").rw()).isEqualTo(ReadWrite.RW);
    }

    @Test
    void ioSizeDefaultsToSizeAndNumberIosCapsTheCountPerJob() {
        assertThat(spec("[j]\nsize=1m\nio_size=64k\n").ios()).isEqualTo(16);
        assertThat(spec("[j]\nsize=1m\nnumber_ios=10\n").ios()).isEqualTo(10);
        assertThat(spec("[j]\nsize=1m\nnumjobs=2\n").ios()).isEqualTo(512);
        assertThat(spec("[j]\nbssplit=4k/50:12k/50\nsize=80k\n").ios()).isEqualTo(10); // bytes over the mean size
    }

    @Test
    void offsetStartsTheJobsIoThatFarIntoTheNamespace() {
        assertThat(spec("[j]\noffset=1M\nnumber_ios=1\n").shape().offsetBytes()).isEqualTo(1 << 20);
    }

    @Test
    void stonewallAndNewGroupStartANewReportingGroupAndWaitForNamesAnEarlierJob() {
        FioJobFile f = parse("[a]\nnumber_ios=1\n[b]\nnumber_ios=1\n[c]\nstonewall\nnumber_ios=1\n[d]\nnew_group\nwait_for=a\nnumber_ios=1\n");
        assertThat(f.jobs()).extracting(j -> j.schedule().group()).containsExactly(0, 0, 1, 2);
        assertThat(f.jobs().get(2).schedule().stonewall()).isTrue();
        assertThat(f.jobs().get(3).schedule().waitFor()).isEqualTo("a");
        assertThatThrownBy(() -> parse("[a]\nwait_for=zz\n")).hasMessage("t.fio line 2: wait_for=zz names no job defined before this one.");
    }

    @Test
    void rateRateIopsThinktimeRampTimeStartdelayAndCpusAllowedAreKeptWithANote() {
        FioJob j = parse("[j]\nnumber_ios=1\nrate=1m,2m\nrate_iops=100\nthinktime=10\nramp_time=1500ms\nstartdelay=2\ncpus_allowed=0-3,6\n")
                .jobs().get(0);
        assertThat(j.pacing().rateBytes()).containsExactly(1 << 20, 2 << 20);
        assertThat(j.pacing().rateIops()).containsExactly(100, 100);
        assertThat(j.pacing().thinktimeNanos()).isEqualTo(10_000); // thinktime: microseconds by default
        assertThat(j.schedule().rampNanos()).isEqualTo(1_500_000_000L);
        assertThat(j.schedule().startDelayNanos()).isEqualTo(2_000_000_000L);
        assertThat(j.cpusAllowed()).isEqualTo("0-3,6");
        assertThat(j.warnings()).hasSize(6).allMatch(w -> w.startsWith("t.fio line "));
        assertThatThrownBy(() -> parse("[j]\ncpus_allowed=all of them\n")).hasMessageContaining("is not a CPU list");
    }

    @Test
    void cpuAndNumaWordsPlaceTheJobsQueues() {
        FioJob j = parse("[global]\ncpus_allowed_policy=split\n[j]\nnumber_ios=1\nnumjobs=4\ncpus_allowed=8-11\n"
                + "numa_cpu_nodes=1\nnuma_mem_policy=bind:0\n").jobs().get(0);
        assertThat(j.spec().placement().describe())
                .isEqualTo("cpus_allowed=8-11 cpus_allowed_policy=split numa_cpu_nodes=1 numa_mem_policy=bind:0");
        assertThatThrownBy(() -> parse("[j]\nnumber_ios=1\ncpus_allowed_policy=spread\n"))
                .hasMessageContaining("t.fio line 3").hasMessageContaining("cpus_allowed_policy=spread is not shared or split");
        assertThatThrownBy(() -> parse("[j]\nnumber_ios=1\nnuma_mem_policy=prefer\n")).hasMessageContaining("prefer needs a node list");
    }

    @Test
    void warningsComeInLineOrderEachNamingFileLineAndOption() {
        FioJobFile f = parse("[global]\nthread\nioengine=libaio\n[j]\nfrobnicate=1\ndirect=0\nnumber_ios=1\n");
        assertThat(f.warnings()).containsExactly(
                "t.fio line 2: the option thread does not apply to the workbench and was ignored.",
                "t.fio line 3: ioengine=libaio does not apply: the workbench submits through its own userspace NVMe driver.",
                "t.fio line 5: the option frobnicate is not one the importer knows; it was ignored.",
                "t.fio line 6: direct=0 (buffered I/O) does not apply: the workbench never goes through a page cache.");
    }

    @Test
    void trimPatternsAreFiosAndRunAsDatasetManagement() {
        FioJobFile f = parse("[a]\nrw=randtrim\nnumber_ios=1\n[b]\nrw=trimwrite\nnumber_ios=1\n[c]\nreadwrite=trim\nnumber_ios=1\n");
        assertThat(f.jobs()).allSatisfy(j -> assertThat(j.runnable()).isTrue());
        assertThat(f.jobs().get(0).spec().rw()).isEqualTo(ReadWrite.RANDTRIM);
        assertThat(f.jobs().get(1).spec().rw()).isEqualTo(ReadWrite.TRIMWRITE);
        assertThat(f.jobs().get(2).spec().rw()).isEqualTo(ReadWrite.TRIM);
        assertThat(f.firstRefused()).isNull();
    }

    @Test
    void aJobTheWorkbenchCannotRunIsRefusedForThatJobOnly() {
        FioJobFile f = parse("[a]\nrw=randread\nnumber_ios=1\n[b]\nrw=randread\nsize=4z\n");
        assertThat(f.jobs().get(0).runnable()).isTrue();
        assertThat(f.jobs().get(1).refusal()).startsWith("t.fio line 6: size=4z counts zones");
        assertThat(List.of(f.firstRefused().name())).containsExactly("b");
    }
}
