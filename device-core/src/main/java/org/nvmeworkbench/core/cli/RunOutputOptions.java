package org.nvmeworkbench.core.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportExporters;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code -o FMT} and {@code --output FILE} of the commands that produce runs ({@code run}, {@code sweep}):
 * besides nvme-cli's normal and json, any report format installed behind the exporter SPI (html, pdf,
 * csv, ...), so a run or a sweep can go straight to a report.
 */
public final class RunOutputOptions {
    @Option(names = {"-o", "--output-format"}, paramLabel = "FMT", defaultValue = "normal",
            description = "normal, json, or a report format: html, pdf, csv, hlog, fio-json, fio-jsonplus "
                    + "(default: ${DEFAULT-VALUE}); binary formats (pdf) need --output FILE.")
    String format = "normal";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE (atomically) instead of stdout.")
    Path file;

    public boolean json() {
        return format.equalsIgnoreCase("json");
    }

    public Path file() {
        return file;
    }

    /**
     * The report exporter asked for, empty for normal and json; an unknown format or a binary one without
     * {@code --output} is a usage error, found before any I/O runs.
     */
    public Optional<ReportExporter> report() {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("normal") || f.equals("json")) {
            return Optional.empty();
        }
        ReportExporters registry = ReportExporters.installed();
        ReportExporter e = registry.find(f).orElseThrow(() -> CliFailure.usage("There is no output format '" + format
                + "': use normal, json or a report format (" + registry.ids() + ")."));
        if (e.binary() && (file == null || OutputTarget.isStdout(file))) {
            throw CliFailure.usage("The " + e.formatId() + " format is binary: write it to a file with --output FILE."
                    + e.fileExtension() + ".");
        }
        return Optional.of(e);
    }

    /** Writes {@code normal} or {@code json} (whichever was asked for) to stdout or the file. */
    public void emit(CommandSpec spec, String normal, JsonNode json) {
        OutputOptions o = new OutputOptions();
        o.format = json() ? OutputOptions.Format.json : OutputOptions.Format.normal;
        o.file = file;
        o.emit(spec, normal, json);
    }

    /** Writes a rendered report: to the file (and says so on stderr), or as text to stdout. */
    public void emitReport(CommandSpec spec, ReportExporter exporter, byte[] bytes) {
        if (file == null) {
            spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return;
        }
        OutputOptions.deliver(spec, file, bytes);
        if (!OutputTarget.isStdout(file)) {
            spec.commandLine().getErr().println("Wrote " + exporter.formatId() + " report to " + file + ".");
        }
    }
}
