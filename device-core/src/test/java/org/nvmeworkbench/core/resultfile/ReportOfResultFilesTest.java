package org.nvmeworkbench.core.resultfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.cli.Main;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.report.PdfText;
import org.nvmeworkbench.core.report.SampleRuns;

/** {@code report} on fio output next to the workbench's own run: the comparison says what fio did not measure. */
class ReportOfResultFilesTest {
    record Cli(int exit, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void fioJsonPlusBesideAWorkbenchRunAsHtmlAndPdf(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("thr7.json");
        RunStore.save(own, SampleRuns.run(95_000, 7, 2, 2_600));
        Path fio = FioFiles.path("randread.jsonplus.out");
        long fioP99 = FioFiles.json("randread.jsonplus.out").path("jobs").get(0).path("read").path("clat_ns")
                .path("percentile").path("99.000000").asLong();

        Path pdf = dir.resolve("out.pdf");
        Cli p = cli("report", own.toString(), fio.toString(), "--output-format", "pdf", "--output", pdf.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        String text = PdfText.read(Files.readAllBytes(pdf)).text().replaceAll("\\s+", " "); // PDF lines wrap anywhere
        assertThat(text).contains("not measured").contains("fio-3.33 randread.jsonplus").contains("thr7")
                .contains(Figures.latency(fioP99)).doesNotContain("NaN")
                .contains("does not count them").contains("randread.jsonplus.out");

        Path html = dir.resolve("out.html");
        Cli h = cli("report", own.toString(), fio.toString(), "--output", html.toString());
        assertThat(h.exit()).as(h.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains(fio.toAbsolutePath().normalize().toString()).contains(">fio-3.33 randread.jsonplus<").contains("not measured").doesNotContain("NaN")
                .contains("fio-3.33 (read by NVMe Workbench").contains("Feature 08h (read back)</th><td>0x0207");
        // The interrupt rows of the fio run and every delta against them say so, never 0.
        assertThat(page).containsPattern("<th>Interrupts</th><td class=\"num\">2,600</td><td class=\"num\">not measured</td>"
                + "<td class=\"num\">not measured</td>");
    }

    @Test
    void csvLeavesUnmeasuredCellsEmptyAndFioJsonHasNoInterruptKeys(@TempDir Path dir) throws Exception {
        Path fio = FioFiles.path("randread.json");
        Cli c = cli("report", fio.toString(), "--format", "csv");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("summary,fio-3.33 randread,,interrupts,\r\n")
                .contains("summary,fio-3.33 randread,,interrupt_cpu_share_pct,\r\n").doesNotContain("NaN");
        Cli j = cli("report", fio.toString(), "--format", "fio-json");
        assertThat(j.exit()).as(j.err()).isZero();
        JsonNode ext = new ObjectMapper().readTree(j.out()).path("jobs").get(0).path("nvme_workbench");
        assertThat(ext.has("interrupts")).isFalse();
        assertThat(ext.has("irq_cpu_pct")).isFalse();
        assertThat(ext.path("source").asText()).isEqualTo("fio-3.33");
    }

    @Test
    void everyKindOnOneCommandLine(@TempDir Path dir) throws Exception {
        Path sweep = dir.resolve("sweepdir");
        Cli s = cli("sweep", "--thr", "0,7", "--time", "0,1", "--ios", "2000", "--save-dir", sweep.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        Path hlog = dir.resolve("x.hlog");
        Cli hl = cli("report", sweep.resolve("thr0-time0-qd32.json").toString(), "-o", "hlog", "--output", hlog.toString());
        assertThat(hl.exit()).as(hl.err()).isZero();
        Path out = dir.resolve("out.pdf");
        Cli r = cli("report", FioFiles.path("randrw.jsonplus.json").toString(), sweep.toString(), hlog.toString(),
                "--format", "pdf", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Wrote pdf report of 7 runs");
    }

    @Test
    void aFileThatCannotBeOpenedIsNamedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("x.txt");
        Files.writeString(bad, "hello\n");
        Path gone = dir.resolve("gone.json");
        Path out = dir.resolve("out.html");
        Cli r = cli("report", FioFiles.path("randread.json").toString(), bad.toString(), gone.toString(), "--output", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                bad + " is not a run record, a sweep folder, fio JSON or an HdrHistogram log.",
                gone + " does not exist.");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void labelsCountRunsNotFiles() {
        Cli r = cli("report", FioFiles.path("randrw.jsonplus.json").toString(), "--label", "only-one", "--format", "csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("--label names 1 run(s) but the files gave 2: fio-3.33 randrw.jsonplus read, "
                + "fio-3.33 randrw.jsonplus write.");
        Cli ok = cli("report", FioFiles.path("randrw.jsonplus.json").toString(), "--label", "R,W", "--format", "csv");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("summary,R,,iops,").contains("summary,W,,iops,");
    }

    @Test
    void helpDocumentsTheKindsAndTheExitStatus() {
        Cli r = cli("report", "--help");
        assertThat(r.out()).contains("fio --output-format=json or json+").contains("nothing is written").contains("exit status is 2");
    }

}
