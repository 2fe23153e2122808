package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.sweep.SweepRefusedException;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.fiojob.FioUnits;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.workload.WorkloadSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep -d DEV --thr 0,3,7,15 --time 0,1,2 [run options] [--slo-p99 200us]}: the same workload at
 * every THR x TIME (x iodepth), a fresh simulator per point or the named device opened once, then the
 * Pareto front and the setting that meets the target with the fewest interrupts. A device that refuses
 * Set Features 08h stops the sweep before its first point, in one sentence, exit status 1.
 */
@Command(name = "sweep", description = {"Run one workload over a grid of Feature 08h settings (THR x TIME, optionally x iodepth)",
    "and recommend the setting that meets a latency target with the fewest interrupts.",
    "On the simulator each point runs on a freshly opened device with the same seed, so the sweep is deterministic;",
    "a real device is opened once and every point runs on it in turn, so its points are not.",
    "A device that refuses Set Features 08h (QEMU's emulated controller does) is reported before any point runs."})
public final class SweepCommand implements Callable<Integer> {
    /**
     * Beyond this many points a sweep runs long enough (minutes to hours) that the user should hear how long
     * before waiting: an estimate from the first point is printed, no question asked, so scripts still run.
     */
    static final int LARGE_GRID = 400;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DeviceCatalog catalog;

    public SweepCommand() {
        this(DeviceCatalog.load());
    }

    /** With the devices of {@code catalog} instead of those on the class path (tests). */
    SweepCommand(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOption dev = new DeviceOption();

    @Option(names = "--thr", paramLabel = "THR,...", split = ",", defaultValue = "0,3,7,15",
            description = "THR values, 0's based (default: ${DEFAULT-VALUE}).")
    List<Integer> thr;

    @Option(names = "--time", paramLabel = "TIME,...", split = ",", defaultValue = "0,1,2",
            description = "TIME values in 100 us units (default: ${DEFAULT-VALUE}).")
    List<Integer> time;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--slo-p99", paramLabel = "TIME", description = "Latency target for p99, e.g. 200us.")
    String sloP99;

    @Option(names = "--slo", paramLabel = "TIME", description = "Latency target for --percentile, e.g. 1ms.")
    String slo;

    @Option(names = "--percentile", paramLabel = "P", defaultValue = "99",
            description = "Percentile judged against the target and on the Pareto front (default: ${DEFAULT-VALUE}).")
    double percentile;

    @Option(names = "--cost", paramLabel = "WHAT", defaultValue = "interrupts",
            description = "What to minimise: interrupts (per second) or cpu (interrupt CPU share) (default: ${DEFAULT-VALUE}).")
    String cost;

    @Mixin
    RunOutputOptions output;

    @Option(names = "--save-dir", paramLabel = "DIR", description = "Save every point's run record (and sweep.json) in DIR.")
    Path saveDir;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write an HTML report: recommendation, Pareto chart, heatmap, table, baseline vs chosen.")
    Path report;

    @Override
    public Integer call() {
        Optional<ReportExporter> exporter = output.report();
        boolean json = output.json();
        boolean quiet = (json || exporter.isPresent()) && output.file() == null;
        if (sloP99 != null && slo != null) {
            throw CliFailure.usage("Give either --slo-p99 or --slo with --percentile, not both.");
        }
        double p = sloP99 != null ? 99 : percentile;
        if (!(p > 0 && p < 100)) {
            throw CliFailure.usage("--percentile must be between 0 and 100, not " + percentile + ".");
        }
        long target = sloP99 != null ? time(sloP99, "--slo-p99") : slo != null ? time(slo, "--slo") : 0;
        SweepCost c = switch (cost.toLowerCase(Locale.ROOT)) {
            case "interrupts" -> SweepCost.INTERRUPTS_PER_SECOND;
            case "cpu" -> SweepCost.IRQ_CPU_SHARE;
            default -> throw CliFailure.usage("Unknown cost '" + cost + "': use interrupts or cpu.");
        };
        if (workload.coalesceGiven()) {
            throw CliFailure.usage("sweep sets Feature 08h itself at every point: give --thr and --time instead of --coalesce.");
        }
        WorkloadSpec base = workloadSpec();
        List<Integer> iodepths = workload.iodepths().isEmpty() ? List.of(base.iodepth()) : workload.iodepths();
        SweepGrid grid;
        try {
            grid = new SweepGrid(thr, time, iodepths);
            grid.settings();
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        checkFiles();
        String device = dev.device();
        PrintWriter err = spec.commandLine().getErr();
        // On a terminal one line is rewritten in place; into a pipe or a log, one line per point, since
        // carriage returns there run every point together on a single line.
        boolean terminal = System.console() != null;
        int total = grid.size();
        int[] done = {0};
        if (total > LARGE_GRID) {
            err.printf(Locale.ROOT, "This sweep has %,d points; how long it will take is said after the first few "
                    + "(Ctrl-C stops it and keeps the finished points).%n", total);
            err.flush();
        }
        long t0 = System.nanoTime();
        long[] firstDone = {0};
        SweepResult result;
        // The same session and policy as the window: attach, then sweep on it (fresh simulator per point on sim).
        try (ControllerSession d = AttachedDevice.open(catalog, dev, new DeviceOptions(base.seed(), base.allowWrites()),
                base.queues(), err);
             InterruptHandling.Scope ctrlC = InterruptHandling.stopping(d::stop)) {
            result = d.sweep(base, grid, p, target, c, point -> {
                done[0]++;
                // The first point carries the JVM's warm-up (10x the others here), so the estimate is taken from
                // the next two.
                if (done[0] == 1) {
                    firstDone[0] = System.nanoTime();
                }
                if (done[0] == 3 && total > LARGE_GRID) {
                    long each = (System.nanoTime() - firstDone[0]) / 2;
                    err.printf(Locale.ROOT, "Points take about %s each, so the %,d points will take about %s.%n",
                            Figures.duration(each), total, Figures.duration(each * total));
                    err.flush();
                }
                if (saveDir != null) {
                    // Each point as it finishes: an interrupted or failed sweep keeps what it measured.
                    savePoint(point);
                }
                if (!quiet) {
                    err.printf(Locale.ROOT, terminal ? "\r%d/%d %-40s" : "%d/%d %s%n", done[0], total, point.setting().label());
                    err.flush();
                }
            });
        } catch (SweepRefusedException e) {
            throw CliFailure.refused(e.getMessage());
        }
        if (!quiet && terminal) {
            err.println();
        }
        if (saveDir != null) {
            save(result);
        }
        if (report != null && !result.points().isEmpty()) {
            write(report, result.html());
        }
        if (exporter.isPresent()) {
            if (result.points().isEmpty()) {
                throw CliFailure.refused("No point of the sweep finished, so there is no report to write.");
            }
            output.emitReport(spec, exporter.get(), report(result, exporter.get()));
        } else {
            output.emit(spec, result.text(), result.json(JSON));
        }
        return InterruptHandling.wasInterrupted() ? InterruptHandling.EXIT_INTERRUPTED : 0;
    }

    /** The run options or a job file; without --runtime or --ios every point runs 100,000 I/Os. */
    private WorkloadSpec workloadSpec() {
        WorkloadSpec s = workload.spec(WorkloadSpec.defaults().withLimits(0, 100_000), spec.commandLine().getErr());
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw CliFailure.usage(problems.get(0));
        }
        return s;
    }

    private static long time(String text, String option) {
        try {
            long t = FioUnits.parseTimeNanos(text);
            if (t <= 0) {
                // 0 once meant "no target" silently; a target of nothing is a typo, and no target is leaving it out.
                throw CliFailure.usage(option + " must be above 0 (leave it out for no target), not " + text + ".");
            }
            return t;
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(option + ": " + e.getMessage());
        }
    }

    /** Before any point runs: the folder and the files this sweep will write can be written, and no input is among them. */
    private void checkFiles() {
        OutputTarget.checkFileWritable(output.file(), "--output");
        OutputTarget.checkFileWritable(report, "--report");
        OutputTarget.checkFolderWritable(saveDir, "--save-dir");
        OutputTarget.checkDistinct(output.file(), "--output", workload.job, "--job", true);
        OutputTarget.checkDistinct(report, "--report", workload.job, "--job", true);
        OutputTarget.checkDistinct(output.file(), "--output", report, "--report", false);
    }

    private void savePoint(SweepPoint p) {
        OutputTarget.write(saveDir.resolve(p.setting().fileStem() + ".json"),
                RunRecordJson.write(p.record()).getBytes(StandardCharsets.UTF_8), spec.commandLine().getOut());
    }

    /** The points were saved as they finished; sweep.json, the index of the folder, comes last. */
    private void save(SweepResult result) {
        write(saveDir.resolve("sweep.json"), jsonText(savedSweep(result)));
    }

    /**
     * sweep.json: what {@code -o json} prints, plus what reopening the folder needs (core.resultfile.SweepFolder):
     * a format name and version, and each point's run record file. Only fields are added, so readers of the
     * earlier sweep.json read this one.
     */
    static ObjectNode savedSweep(SweepResult result) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", "nvme-workbench-sweep");
        o.put("version", 1);
        o.setAll(result.json(JSON));
        com.fasterxml.jackson.databind.JsonNode points = o.get("points");
        for (int i = 0; i < result.points().size(); i++) {
            ((ObjectNode) points.get(i)).put("file", result.points().get(i).setting().fileStem() + ".json");
        }
        return o;
    }

    private static String jsonText(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw CliFailure.refused("The sweep could not be written as JSON: " + e.getOriginalMessage() + ".");
        }
    }

    /** html and pdf carry the sweep's own section; every other format writes the baseline and the chosen run. */
    private static byte[] report(SweepResult result, ReportExporter exporter) {
        return switch (exporter.formatId()) {
            case "html" -> result.html().getBytes(StandardCharsets.UTF_8);
            case "pdf" -> result.pdf();
            default -> ReportCommand.render(exporter, result.report());
        };
    }

    private void write(Path file, String text) {
        OutputTarget.write(file, text.getBytes(StandardCharsets.UTF_8), spec.commandLine().getOut());
    }
}
