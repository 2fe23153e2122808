package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;

/** The kernel baseline with Debian's fio on a file standing in for a namespace (CI installs fio). */
class BaselineCommandTest {
    @TempDir
    Path tmp;

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    private Path namespace() throws Exception {
        Path f = tmp.resolve("ns.img");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(16 << 20);
        }
        return f;
    }

    @Test
    void fioRunsTheSameWorkloadAndItComesBackAsARunSayingWhatDiffers() throws Exception {
        Path ns = namespace();
        Path saved = tmp.resolve("kernel.json");
        Cli c = cli("baseline", "--filename", ns.toString(), "--rw", "randread", "--bs", "4k", "--iodepth", "4",
                "--ios", "6000", "-o", "json", "--save-run", saved.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.path("differences").asText()).startsWith("Measured by fio through the kernel's nvme driver");
        assertThat(j.path("runs").get(0).toString()).contains("6000");
        RunRecord r = RunRecordJson.read(Files.readString(saved));
        assertThat(r.totals().ios()).isEqualTo(6000);
        assertThat(r.origin().label()).startsWith("fio");
        assertThat(r.latency().count()).isEqualTo(6000);
        assertThat(r.interruptsMeasured()).isFalse();
    }

    @Test
    void theTextSaysWhatFioDidNotMeasure() throws Exception {
        Cli c = cli("baseline", "--filename", namespace().toString(), "--ios", "1000");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("interrupts: not measured by fio").contains("ioengine=fio")
                .contains("08h: not read by fio");
    }

    @Test
    void aWritingBaselineNeedsTheYesAndWritesNothingWithoutIt() throws Exception {
        Path ns = namespace();
        Cli c = cli("baseline", "--filename", ns.toString(), "--rw", "randwrite", "--ios", "100");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip()).isEqualTo("randwrite writes to the device; allow writes explicitly (--allow-writes) to run it.");
        assertThat(Files.readAllBytes(ns)).containsOnly(0);
        Cli yes = cli("baseline", "--filename", ns.toString(), "--rw", "randwrite", "--ios", "100", "--allow-writes");
        assertThat(yes.exit()).as(yes.err()).isZero();
        assertThat(Files.readAllBytes(ns)).as("fio wrote with the yes").isNotEqualTo(new byte[16 << 20]);
    }

    @Test
    void aControllerTheKernelDoesNotHoldIsRefusedInOneSentence() {
        Cli c = cli("baseline", "-d", "sim");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip()).startsWith("A kernel baseline runs on a controller the kernel's nvme driver holds");
    }
}
