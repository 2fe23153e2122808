package org.nvmeworkbench.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportExporters;
import org.nvmeworkbench.core.record.AtomicFile;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report RUN.json... --format FMT -o FILE}: writes saved runs in a report format. The file is
 * written atomically (all or nothing); without {@code -o} the report goes to stdout.
 */
@Command(name = "report", description = {"Write saved runs (run --save-run) as a report: html, pdf, csv, hlog, fio-json, fio-jsonplus.",
    "Several runs are compared side by side against the first."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "RUN.json", description = "Run records saved by run --save-run or sweep --save-dir.")
    List<Path> runs;

    @Option(names = {"-f", "--format"}, paramLabel = "FMT", defaultValue = "html",
            description = "Report format (default: ${DEFAULT-VALUE}); one of the installed exporters, see --list-formats.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "Heading of the report.")
    String title;

    @Option(names = "--label", paramLabel = "NAME", split = ",",
            description = "Names of the runs, in order (default: their file names).")
    List<String> labels;

    @Option(names = "--list-formats", description = "List the report formats and exit.")
    boolean listFormats;

    @Override
    public Integer call() {
        ReportExporters registry = ReportExporters.installed();
        PrintWriter out = spec.commandLine().getOut();
        if (listFormats) {
            for (ReportExporter e : registry.all()) {
                out.printf("%-14s .%-6s %s%n", e.formatId(), e.fileExtension(), e.description());
            }
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            registry.problems().forEach(err::println);
            err.flush();
            return 0;
        }
        if (runs == null || runs.isEmpty()) {
            // Optional for picocli only so that --list-formats works alone.
            throw CliFailure.usage("Name one or more saved runs (run --save-run FILE, sweep --save-dir DIR) to report on.");
        }
        ReportExporter exporter = registry.find(format).orElseThrow(() -> CliFailure.usage(
                "There is no report format '" + format + "': use one of " + registry.ids() + "."));
        if (labels != null && labels.size() != runs.size()) {
            throw CliFailure.usage("--label names " + labels.size() + " run(s) but " + runs.size() + " were given.");
        }
        List<RunRecord> records = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            records.add(RunStore.load(runs.get(i)));
            names.add(labels != null ? labels.get(i) : stem(runs.get(i)));
        }
        ReportModel model = new ReportModel(title != null ? title : ReportModel.defaultTitle(records), Instant.now(), records, names);
        if (output == null && exporter.binary()) {
            throw CliFailure.usage("A " + exporter.formatId() + " report is binary: write it to a file with -o FILE."
                    + exporter.fileExtension() + ".");
        }
        byte[] bytes = render(exporter, model);
        if (output == null) {
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        try {
            AtomicFile.write(output, bytes);
        } catch (IOException e) {
            throw CliFailure.refused("Could not write " + output + ": " + e.getMessage() + ".");
        }
        spec.commandLine().getErr().println("Wrote " + exporter.formatId() + " report of " + records.size()
                + (records.size() == 1 ? " run" : " runs") + " to " + output + ".");
        return 0;
    }

    /** The whole report in memory first, so a failing exporter never leaves a partial file. */
    public static byte[] render(ReportExporter exporter, ReportModel model) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        try {
            exporter.export(model, buf);
        } catch (IOException | RuntimeException e) {
            throw CliFailure.refused("The " + exporter.formatId() + " exporter failed: " + e.getMessage() + ".");
        }
        return buf.toByteArray();
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
