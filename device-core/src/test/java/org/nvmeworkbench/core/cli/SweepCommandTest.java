package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.sweep.SweepTest;
import org.nvmeworkbench.core.sweep.OneOpenerSim;
import org.nvmeworkbench.core.sweep.Recommendation;
import org.nvmeworkbench.core.sweep.Sweep;
import org.nvmeworkbench.core.cli.CliFailure;
import org.nvmeworkbench.core.record.RunStore;

import picocli.CommandLine;

class SweepCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        return run(new SweepCommand(), args);
    }

    static Result run(SweepCommand command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(ex.getMessage());
            return ex instanceof CliFailure f ? f.exitCode() : 1;
        });
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasEveryPointAndTheRecommendation(@TempDir Path dir) throws Exception {
        Result r = run("-d", "sim:tlc", "--thr", "0,7", "--time", "0,2", "--ios", "4000", "--slo-p99", "10ms", "-o", "json",
                "--save-dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("points")).hasSize(4);
        assertThat(j.path("points").get(3).path("coalescing_read_back").asInt()).isEqualTo(0x0207);
        assertThat(j.path("target_ns").asLong()).isEqualTo(10_000_000);
        JsonNode rec = j.path("recommendation");
        assertThat(rec.path("meets_target").asBoolean()).isTrue();
        // With a loose target the fewest interrupts wins: the most coalescing of the grid.
        assertThat(rec.path("thr").asInt()).isEqualTo(7);
        assertThat(rec.path("time").asInt()).isEqualTo(2);
        assertThat(rec.path("explanation").asText()).contains("meets p99 <= 10.00 ms");
        assertThat(RunStore.load(dir.resolve("thr7-time2-qd32.json")).features().coalescing()).isEqualTo(0x0207);
        assertThat(Files.exists(dir.resolve("sweep.json"))).isTrue();
    }

    @Test
    void textIsATableWithTheRecommendation() {
        Result r = run("-d", "sim:null", "--thr", "0,3", "--time", "1", "--ios", "2000", "--slo-p99", "1s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("THR  TIME  iodepth").contains("<- recommended").contains("Recommendation: THR 3, TIME 1");
        assertThat(r.err()).contains("2/2");
    }

    @Test
    void reportIsOneParseableHtmlWithParetoHeatmapAndTheBaselineComparison(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("sweep.html");
        Result r = run("-d", "sim:null", "--thr", "0,7", "--time", "0,1", "--ios", "2000", "--slo-p99", "1s", "--report", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(html.toFile());
        // Pareto, one heatmap, then histogram, spectrum and time series of the two compared runs.
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isEqualTo(5);
        String text = Files.readString(html);
        assertThat(text).contains("Sweep and recommendation").contains("THR 7, TIME 1, iodepth 32 vs THR 0, TIME 0, iodepth 32")
                .contains("Recommendation: THR 7, TIME 1");
    }

    @Test
    void aFioJobFileGivesTheWorkloadAndItsWarnings(@TempDir Path dir) throws Exception {
        Path fio = dir.resolve("lat.fio");
        Files.writeString(fio, "[global]\nioengine=libaio\n[small]\nrw=randread\nbs=8k\nnumber_ios=1500\n");
        Result r = run("-d", "sim:null", "--thr", "0,3", "--time", "1", "--job", fio.toString(), "-o", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("lat.fio line 2: ioengine=libaio does not apply");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("workload").path("bs").asInt()).isEqualTo(8192);
        assertThat(j.path("points").get(0).path("ios").asLong()).isEqualTo(1500);
    }

    @Test
    void aDeviceRefusingFeature08hIsOneSentenceAndExitOneWithNoPointRun(@TempDir Path dir) throws Exception {
        OneOpenerSim qemuLike = new OneOpenerSim(true);
        Path html = dir.resolve("sweep.html");
        Result r = run(new SweepCommand(qemuLike.catalog()), "-d", "vfio:0000:00:04.0", "--thr", "0,7", "--time", "0,1",
                "--ios", "2000", "--save-dir", dir.resolve("points").toString(), "--report", html.toString());
        assertThat(r.code()).isEqualTo(CliFailure.REFUSED);
        assertThat(r.err()).isEqualTo(SweepTest.QEMU_REFUSAL + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(qemuLike.ioCommands).isZero();
        assertThat(Files.exists(dir.resolve("points"))).isFalse();
        assertThat(Files.exists(html)).isFalse();
    }

    @Test
    void writesOnANamedDeviceStillNeedAllowWrites() {
        OneOpenerSim device = new OneOpenerSim(false);
        Result r = run(new SweepCommand(device.catalog()), "-d", "vfio:0000:00:04.0", "--thr", "0", "--time", "0", "--rw", "randwrite",
                "--ios", "100");
        assertThat(r.code()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err()).contains("--allow-writes");
        assertThat(device.opened).isEmpty();
        Result allowed = run(new SweepCommand(device.catalog()), "-d", "vfio:0000:00:04.0", "--thr", "0", "--time", "0", "--rw",
                "randwrite", "--ios", "100", "--allow-writes");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("Points on a real device are not deterministic");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(run("--thr", "300").code()).isEqualTo(CliFailure.USAGE);
        Result r = run("--slo-p99", "fast");
        assertThat(r.code()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err()).contains("--slo-p99: 'fast' is not a time");
    }
}
