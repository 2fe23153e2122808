package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.report.CsvExporter;
import org.nvmeworkbench.core.cli.CliFailure;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.report.SampleRuns;

import picocli.CommandLine;

class ReportCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(ex.getMessage());
            return ex instanceof CliFailure f ? f.exitCode() : 1;
        });
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void writesEachFormatOfSavedRunsToAFile(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("off.json");
        Path b = dir.resolve("thr7.json");
        RunStore.save(a, SampleRuns.run(80_000, 0, 0, 20_000));
        RunStore.save(b, SampleRuns.run(95_000, 7, 2, 2_600));
        for (String format : List.of("html", "csv", "hlog", "fio-json", "fio-jsonplus")) {
            Path out = dir.resolve("report." + format);
            Result r = run(a.toString(), b.toString(), "-o", format, "--output", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("Wrote " + format + " report of 2 runs");
            assertThat(Files.size(out)).isGreaterThan(500);
        }
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains(">off<").contains(">thr7<").contains("Comparison");
        // Only the finished file is left in the directory: the write was atomic.
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void anUnknownFormatNamesTheInstalledOnes(@TempDir Path dir) {
        Path a = dir.resolve("a.json");
        RunStore.save(a, SampleRuns.run(80_000, 0, 0, 20_000));
        Result r = run(a.toString(), "--format", "docx");
        assertThat(r.code()).isEqualTo(CliFailure.USAGE);
        assertThat(r.err()).contains("There is no report format 'docx': use one of csv, fio-json, fio-jsonplus, hlog, html, pdf.");
    }

    @Test
    void withoutOutputTheReportGoesToStdout(@TempDir Path dir) {
        Path a = dir.resolve("a.json");
        RunStore.save(a, SampleRuns.run(80_000, 0, 0, 20_000));
        Result r = run(a.toString(), "--format", "csv");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(CsvExporter.HEADER);
    }
}
