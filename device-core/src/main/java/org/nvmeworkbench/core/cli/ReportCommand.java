package org.nvmeworkbench.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportExporters;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.resultfile.ResultFiles;
import org.nvmeworkbench.core.resultfile.ResultListing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report FILE... -o FMT --output FILE}: writes runs in a report format. A FILE is anything the
 * workbench opens (core.resultfile): a run record, a sweep folder, a folder of results, fio JSON or JSON+,
 * an HdrHistogram log. As in every other command (and nvme-cli), {@code -o} is the output format and the
 * output file is only ever the long {@code --output}, so a script's {@code -o json} can never become a
 * file named {@code json}. The file is written atomically (all or nothing); without {@code --output} the
 * report goes to stdout. When a named file cannot be opened, nothing is written and the exit status is 2: the user
 * named that file, so a report without it is not the report asked for.
 */
@Command(name = "report", description = {"Write runs as a report: html, pdf, csv, hlog, fio-json, fio-jsonplus.",
    "FILE is a run record (run --save-run), a sweep folder (sweep --save-dir), a folder of results,",
    "fio --output-format=json or json+ output, or an HdrHistogram log; the kind is read from the content.",
    "Several runs are compared side by side against the first. Runs default to their source and file name as labels.",
    "If any FILE cannot be opened, each one is named on stderr with what is wrong, nothing is written",
    "and the exit status is 2: a report that silently left out a file you named would mislead."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Run records, sweep folders, folders of results, fio JSON/JSON+ output or HdrHistogram logs.")
    List<Path> runs;

    // -f/--format were this option's first names; kept so that older scripts keep working.
    @Option(names = {"-o", "--output-format", "-f", "--format"}, paramLabel = "FMT", defaultValue = "html",
            description = "Report format (default: ${DEFAULT-VALUE}); one of the installed exporters, see --list-formats.")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "Heading of the report.")
    String title;

    @Option(names = "--label", paramLabel = "NAME", split = ",",
            description = "Names of the runs, in order (default: their source and file name, e.g. fio-3.33 randread).")
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
            throw CliFailure.usage("Name one or more runs to report on: run records (run --save-run FILE), sweep folders "
                    + "(sweep --save-dir DIR), fio JSON or HdrHistogram logs.");
        }
        ReportExporter exporter = registry.find(format).orElseThrow(() -> CliFailure.usage(unknownFormat(registry)));
        OutputTarget.checkWritable(output, "--output");
        for (Path input : runs) {
            OutputTarget.checkDistinct(output, "--output", input, "report", true);
        }
        ResultListing opened = ResultFiles.open(runs);
        List<String> problems = opened.problems();
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            problems.subList(0, problems.size() - 1).forEach(err::println);
            err.flush();
            throw CliFailure.usage(problems.get(problems.size() - 1));
        }
        List<RunRecord> records = opened.records();
        if (labels != null && labels.size() != records.size()) {
            throw CliFailure.usage("--label names " + labels.size() + " run(s) but the files gave " + records.size() + ": "
                    + String.join(", ", opened.labels()) + ".");
        }
        List<String> names = labels != null ? labels : opened.labels();
        ReportModel model = new ReportModel(title != null ? title : ReportModel.defaultTitle(records), Instant.now(), records, names);
        if ((output == null || OutputTarget.isStdout(output)) && exporter.binary()) {
            throw CliFailure.usage("A " + exporter.formatId() + " report is binary: write it to a file with --output FILE."
                    + exporter.fileExtension() + ".");
        }
        byte[] bytes = render(exporter, model);
        if (output == null) {
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }
        OutputTarget.write(output, bytes, out);
        if (OutputTarget.isStdout(output)) {
            return 0;
        }
        spec.commandLine().getErr().println("Wrote " + exporter.formatId() + " report of " + records.size()
                + (records.size() == 1 ? " run" : " runs") + " to " + output + ".");
        return 0;
    }

    /**
     * The sentence for a format no exporter has. {@code json} and a file name are what a user of the old
     * {@code -o FILE} or of nvme-cli's {@code -o json} types, so those get the way to what they meant.
     */
    private String unknownFormat(ReportExporters registry) {
        if (format.equalsIgnoreCase("json")) {
            return "report has no plain json format: use -o fio-json (or fio-jsonplus) for fio's JSON of the runs; "
                    + "the workbench's own run record is what run --save-run writes.";
        }
        if (format.contains("/") || format.contains(".")) {
            return "-o is the output format (" + registry.ids() + "), as in the other commands; "
                    + "to write the report to " + format + " use --output " + format + ".";
        }
        return "There is no report format '" + format + "': use one of " + registry.ids() + ".";
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
}
