package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --job} and {@code sweep --job} through Main: the file, its warnings, and the command line on top. */
class MainJobTest {
    @TempDir
    Path dir;

    private Path job(String text) throws Exception {
        Path f = dir.resolve("lat.fio");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void runTakesTheWorkloadFromTheJobAndListsWhatDoesNotApply() throws Exception {
        Path f = job("[global]\nioengine=libaio\ndirect=1\n[small]\nrw=randread\nbs=8k\niodepth=4\nnumber_ios=1500\nthread\n");
        CliRun r = CliRun.of("run", "-d", "sim:null", "--job", f.toString(), "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode w = r.json().path("workload");
        assertThat(w.path("bs").asInt()).isEqualTo(8192);
        assertThat(w.path("iodepth").asInt()).isEqualTo(4);
        assertThat(r.json().path("ios").asLong()).isEqualTo(1500);
        assertThat(r.err().lines()).containsExactly(
                "lat.fio line 2: ioengine=libaio does not apply: the workbench submits through its own userspace NVMe driver.",
                "lat.fio line 9: the option thread does not apply to the workbench and was ignored.");
    }

    @Test
    void optionsOnTheCommandLineOverrideTheJob() throws Exception {
        Path f = job("[a]\nrw=randread\nbs=8k\niodepth=4\nnumber_ios=1500\nrandseed=5\n");
        CliRun r = CliRun.of("run", "-d", "sim:null", "--job", f.toString(), "--iodepth", "16", "--ios", "700", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("workload").path("iodepth").asInt()).isEqualTo(16);
        assertThat(j.path("workload").path("bs").asInt()).isEqualTo(8192); // not overridden: the job's
        assertThat(j.path("ios").asLong()).isEqualTo(700);
        assertThat(j.path("seed").asLong()).isEqualTo(5);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMalformedJobIsOneSentenceWithItsLineAndExitTwo() throws Exception {
        Path f = job("[a]\nrw=randread\nbs=4q\n");
        CliRun r = CliRun.of("run", "--job", f.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err().strip()).startsWith("lat.fio line 3: bs=4q:").endsWith(".");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingJobFileIsAUsageError() {
        CliRun r = CliRun.of("run", "--job", dir.resolve("none.fio").toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err().strip()).isEqualTo("There is no job file at " + dir.resolve("none.fio") + ".");
    }

    @Test
    void aJobThatWritesStillNeedsAllowWrites() throws Exception {
        Path f = job("[w]\nrw=randwrite\nnumber_ios=100\n");
        CliRun r = CliRun.of("run", "--job", f.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err()).contains("--allow-writes");
        assertThat(CliRun.of("run", "--job", f.toString(), "--allow-writes").exit()).isZero();
    }

    @Test
    void sweepTakesTheJobsIodepthAsItsAxisUnlessTheCommandLineGivesOne() throws Exception {
        Path f = job("[a]\nrw=randread\niodepth=8\nnumber_ios=800\n[b]\nrw=read\n");
        CliRun r = CliRun.of("sweep", "-d", "sim:null", "--thr", "0,3", "--time", "1", "--job", f.toString(), "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().path("grid").path("iodepth").toString()).isEqualTo("[8]");
        assertThat(r.json().path("points").get(0).path("ios").asLong()).isEqualTo(800);
        assertThat(r.err()).contains("lat.fio: only the first job, a, is used here; the other 1 job(s) were not run (run runs them all).");
        CliRun over = CliRun.of("sweep", "-d", "sim:null", "--thr", "0", "--time", "1", "--job", f.toString(),
                "--iodepth", "2,4", "-o", "json");
        assertThat(over.exit()).as(over.err()).isZero();
        assertThat(over.json().path("grid").path("iodepth").toString()).isEqualTo("[2,4]");
    }

    @Test
    void runRefusesSeveralIodepthsAndSweepRefusesCoalesce() {
        CliRun run = CliRun.of("run", "--iodepth", "1,8");
        assertThat(run.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(run.err()).contains("run takes one --iodepth");
        CliRun sweep = CliRun.of("sweep", "--coalesce", "7,2");
        assertThat(sweep.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(sweep.err()).contains("give --thr and --time instead of --coalesce");
    }

    @Test
    void runRunsEveryJobOfTheFileAndReportsEachJobAndEachGroupInFiosLayout() throws Exception {
        Path f = job("[global]\nrw=randread\nnumber_ios=400\n[a]\nbs=4k\n[b]\nbs=8k\nnumjobs=2\n[c]\nstonewall\nrw=read\nbs=64k\n");
        CliRun r = CliRun.of("run", "-d", "sim:null", "--job", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("a: (groupid=0, jobs=1)").contains("b: (groupid=0, jobs=2)").contains("c: (groupid=1, jobs=1)")
                .contains("Run status group 0 (all jobs):").contains("Run status group 1 (all jobs):")
                .containsPattern("   READ: bw=.*, io=.*, run=\\d+-\\d+msec");
        CliRun j = CliRun.of("run", "-d", "sim:null", "--job", f.toString(), "-o", "json");
        assertThat(j.json().path("jobs")).hasSize(3);
        assertThat(j.json().path("jobs").get(1).path("ios").asLong()).isEqualTo(800); // 400 per clone
        assertThat(j.json().path("jobs").get(2).path("groupid").asInt()).isEqualTo(1);
        assertThat(j.json().path("groups")).hasSize(2);
    }

    @Test
    void warningsAboutSizeOrRuntimeAreLeftOutWhenTheCommandLineReplacedThem() throws Exception {
        Path f = job("[a]\nioengine=libaio\nrw=read\n");
        CliRun plain = CliRun.of("run", "-d", "sim:null", "--job", f.toString(), "--ios", "100");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.err().lines()).containsExactly(
                "lat.fio line 2: ioengine=libaio does not apply: the workbench submits through its own userspace NVMe driver.");
    }

    @Test
    void aJobTheWorkbenchCannotRunRefusesTheFileBeforeAnyIoInOneSentence() throws Exception {
        Path f = job("[a]\nnumber_ios=10\n[b]\nsize=2z\n");
        CliRun r = CliRun.of("run", "-d", "sim:null", "--job", f.toString());
        assertThat(r.exit()).isEqualTo(CliFailure.USAGE);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err().strip()).startsWith("lat.fio line 4: size=2z counts zones");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void bssplitIssuesTheWeightedSizes() throws Exception {
        Path f = job("[a]\nrw=randread\nbssplit=4k/50:64k/50\nnumber_ios=2000\n");
        CliRun r = CliRun.of("run", "-d", "sim:null", "--job", f.toString(), "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        long bytes = r.json().path("bw_bytes").asLong() * r.json().path("duration_ns").asLong() / 1_000_000_000L;
        double mean = (double) bytes / 2000;
        assertThat(mean).isBetween(30_000.0, 40_000.0); // (4096 + 65536) / 2 = 34816 on average
    }

    @Test
    void saveRunOfAFileOfSeveralJobsSavesEveryJobsRunBesideTheNamedFile() throws Exception {
        Path f = job("[global]\nnumber_ios=800\n[seq read]\nrw=read\nbs=64k\n[rand]\nrw=randread\nbs=8k\n[rand]\nrw=randread\niodepth=2\n");
        Path runs = dir.resolve("runs.json");
        CliRun r = CliRun.of("run", "-d", "sim:null", "--job", f.toString(), "--save-run", runs.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path a = dir.resolve("runs.1-seq_read.json");
        Path b = dir.resolve("runs.2-rand.json");
        Path c = dir.resolve("runs.3-rand.json");
        assertThat(r.err()).contains("Saved 3 runs: " + a + ", " + b + ", " + c + ".");
        assertThat(org.nvmeworkbench.core.record.RunStore.load(a).workload().blockSize()).isEqualTo(65536);
        assertThat(org.nvmeworkbench.core.record.RunStore.load(b).workload().blockSize()).isEqualTo(8192);
        assertThat(org.nvmeworkbench.core.record.RunStore.load(c).workload().iodepth()).isEqualTo(2);
        assertThat(Files.exists(runs)).as("the named file itself is not one job's run").isFalse();
        CliRun rep = CliRun.of("report", a.toString(), b.toString(), c.toString(), "-o", "csv");
        assertThat(rep.exit()).as(rep.err()).isZero();

        // One job: the file named, as before.
        Path one = job("[only]\nrw=randread\nnumber_ios=500\n");
        Path single = dir.resolve("single.json");
        assertThat(CliRun.of("run", "-d", "sim:null", "--job", one.toString(), "--save-run", single.toString()).exit()).isZero();
        assertThat(org.nvmeworkbench.core.record.RunStore.load(single).totals().ios()).isEqualTo(500);
    }
}
