package org.nvmeworkbench.core.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.agent.SideBySide;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.sim.Faults;
import org.nvmeworkbench.core.workload.WorkloadException;
import org.nvmeworkbench.core.workload.WorkloadSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {"Run a workload in fio's vocabulary and report latency, interrupts and the features in force.",
    "The first limit reached ends the run; with neither --runtime nor --ios: 2s or 100000 I/Os.",
    "--job FILE.fio runs every job of a fio job file, in file order; options given on the command line override each job."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DeviceOption device;
    @Mixin
    RunOutputOptions output;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--profile", paramLabel = "NAME", description = "Simulator media profile, same as -d sim:NAME.")
    String profile;

    @Option(names = "--save-run", paramLabel = "FILE", description = {"Also save the run record (JSON, atomic) to FILE.",
        "A job file of several jobs saves each job's run beside it: runs.json gives runs.1-NAME.json, runs.2-NAME.json, ..."})
    Path saveRun;

    @Option(names = "--fault", paramLabel = "KIND[:ARG]@WHEN",
            description = "Simulator only: inject a fault after WHEN I/O commands (5000) or WHEN of device time (2s, 500ms); "
                    + "KIND is cfs, error-status, lost-interrupt, stuck-command, masked-vector or slow-command. "
                    + "May be given more than once; the record's notes say what fired and how the driver recovered.")
    List<String> faults;

    @Override
    public Integer call() {
        if (device.all().size() > 1) {
            return onSeveral();
        }
        String dev = deviceName();
        List<WorkloadOptions.PlannedJob> jobs = plannedJobs();
        Optional<ReportExporter> report = output.report();
        List<Path> saveTo = saveTargets(jobs);
        checkFiles(saveTo);
        List<Faults.Armed> armed = FaultRequest.parse(faults, dev);
        for (WorkloadOptions.PlannedJob j : jobs) {
            List<String> own = j.spec().problems();
            if (!own.isEmpty()) {
                throw CliFailure.usage(jobPrefix(j, jobs) + own.get(0));
            }
        }
        int queues = 1;
        for (WorkloadOptions.PlannedJob j : jobs) {
            queues = Math.max(queues, j.spec().queues());
        }
        WorkloadSpec first = jobs.get(0).spec();
        try (ControllerSession d = AttachedDevice.open(deviceOption(dev), new DeviceOptions(first.seed(), first.allowWrites()),
                queues, spec.commandLine().getErr())) {
            if (d instanceof LocalControllerSession local) {
                // Every job checked against the controller before any I/O (an agent's runner checks its own).
                for (WorkloadOptions.PlannedJob j : jobs) {
                    List<String> problems = j.spec().problems(local.controller());
                    if (!problems.isEmpty()) {
                        throw CliFailure.usage(jobPrefix(j, jobs) + problems.get(0));
                    }
                }
            }
            // Faults are armed on this host's simulator (FaultRequest.parse refuses any other device).
            NvmeController ctrl = d instanceof LocalControllerSession local ? local.controller() : null;
            FaultRequest injected = ctrl == null ? FaultRequest.arm(null, List.of()) : FaultRequest.arm(ctrl, armed);
            List<RunRecord> records = new ArrayList<>();
            // fio runs the jobs of a group together; here they run one after another, in file order, each on
            // its own queue pairs (see README, "fio job files").
            try (InterruptHandling.Scope ctrlC = InterruptHandling.stopping(d::stop)) {
                for (WorkloadOptions.PlannedJob j : jobs) {
                    if (InterruptHandling.wasInterrupted()) {
                        break;
                    }
                    try {
                        records.add(injected.annotate(d.run(j.spec())));
                    } catch (WorkloadException e) {
                        throw CliFailure.usage(jobPrefix(j, jobs) + e.getMessage());
                    } catch (RuntimeException e) {
                        throw ctrl == null ? e : injected.afterFailure(ctrl, e);
                    }
                }
            }
            boolean interrupted = InterruptHandling.wasInterrupted();
            if (interrupted && !records.isEmpty()) {
                int last = records.size() - 1;
                records.set(last, records.get(last).withNote(InterruptHandling.note(records.get(last).totals().ios())));
            }
            // A run that could not be saved was still measured: its results are printed first, then the failure.
            CliFailure notSaved = null;
            if (saveRun != null && !records.isEmpty()) {
                try {
                    for (int i = 0; i < records.size(); i++) {
                        save(saveTo.get(i), records.get(i));
                    }
                    if (saveTo.size() > 1) {
                        spec.commandLine().getErr().println("Saved " + records.size() + " runs: "
                                + String.join(", ", saveTo.subList(0, records.size()).stream().map(Path::toString).toList()) + ".");
                    }
                } catch (CliFailure e) {
                    notSaved = e;
                }
            }
            if (records.isEmpty()) {
                return InterruptHandling.EXIT_INTERRUPTED;
            }
            if (report.isPresent()) {
                output.emitReport(spec, report.get(), ReportCommand.render(report.get(), ReportModel.of(records)));
            } else if (jobs.get(0).job() == null) {
                RunSummary summary = new RunSummary(records.get(0));
                output.emit(spec, summary.text(), summary.json());
            } else {
                JobFileSummary summary = new JobFileSummary(jobs, records);
                output.emit(spec, summary.text(), summary.json());
            }
            if (notSaved != null) {
                throw notSaved;
            }
            return interrupted ? InterruptHandling.EXIT_INTERRUPTED : 0;
        }
    }

    /** Before any I/O: no folder as an output, and no output that is an input or the other output. */
    private void checkFiles(List<Path> saveTo) {
        OutputTarget.checkWritable(output.file(), "--output");
        OutputTarget.checkDistinct(output.file(), "--output", workload.job, "--job", true);
        for (Path p : saveTo) {
            OutputTarget.checkWritable(p, "--save-run");
            OutputTarget.checkDistinct(p, "--save-run", workload.job, "--job", true);
            OutputTarget.checkDistinct(output.file(), "--output", p, "--save-run", false);
        }
    }

    /**
     * Where --save-run puts each job's record: FILE for one job; for several, FILE's name with the job's
     * number and name before the extension (runs.json gives runs.1-seq.json, runs.2-rand.json), so every
     * job's run is kept (fio names may repeat, so the number) and {@code report runs.*.json} reads them all.
     */
    private List<Path> saveTargets(List<WorkloadOptions.PlannedJob> jobs) {
        if (saveRun == null) {
            return List.of();
        }
        if (jobs.size() == 1 || OutputTarget.isStdout(saveRun)) {
            return jobs.size() == 1 ? List.of(saveRun) : java.util.Collections.nCopies(jobs.size(), saveRun);
        }
        String name = saveRun.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".json";
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String job = jobs.get(i).job() == null ? "job" : jobs.get(i).job().name().replaceAll("[^A-Za-z0-9._-]", "_");
            out.add(saveRun.resolveSibling(stem + "." + (i + 1) + "-" + job + ext));
        }
        return out;
    }

    private void save(Path file, RunRecord record) {
        OutputTarget.write(file, RunRecordJson.write(record).getBytes(StandardCharsets.UTF_8), spec.commandLine().getOut());
    }

    /**
     * The same workload on several devices at once (here, on agents, or both), as fio's --client with several
     * hosts: each device in its own session and thread; the runs are printed one after another, or written
     * side by side as one report with --output-format.
     */
    private Integer onSeveral() {
        List<WorkloadOptions.PlannedJob> jobs = plannedJobs();
        if (jobs.size() > 1 || profile != null) {
            throw CliFailure.usage("Several devices run one workload: give the run options or a job file with one job"
                    + (profile != null ? ", and name simulator profiles in -d (sim:optane), not --profile" : "") + ".");
        }
        WorkloadSpec ws = jobs.get(0).spec();
        List<String> own = ws.problems();
        if (!own.isEmpty()) {
            throw CliFailure.usage(own.get(0));
        }
        List<String> names = device.all();
        List<RunRecord> records = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        RuntimeException failed = null;
        for (SideBySide.Outcome o : SideBySide.run(names, ws, name -> AttachedDevice.open(device.named(name),
                new DeviceOptions(ws.seed(), ws.allowWrites()), ws.queues(), spec.commandLine().getErr()))) {
            if (o.ran()) {
                records.add(o.record());
                ran.add(o.device());
            } else {
                spec.commandLine().getErr().println(o.device() + ": " + Main.sentence(o.failure().getMessage()));
                failed = failed == null ? o.failure() : failed;
            }
        }
        Optional<ReportExporter> report = output.report();
        if (!records.isEmpty()) {
            if (report.isPresent()) {
                output.emitReport(spec, report.get(), ReportCommand.render(report.get(), ReportModel.of(records)));
            } else {
                StringBuilder text = new StringBuilder();
                com.fasterxml.jackson.databind.node.ArrayNode json = OutputOptions.object().arrayNode();
                for (int i = 0; i < records.size(); i++) {
                    RunSummary s = new RunSummary(records.get(i));
                    text.append(text.length() == 0 ? "" : "\n").append("== ").append(ran.get(i)).append(" ==\n")
                            .append(s.text());
                    json.add(s.json().put("device_named", ran.get(i)));
                }
                output.emit(spec, text.toString(), OutputOptions.object().set("runs", json));
            }
        }
        if (failed != null) {
            throw CliFailure.refused((names.size() - records.size()) + " of the " + names.size()
                    + " devices did not run the workload (said above).");
        }
        return 0;
    }

    /** The device option as typed, with --profile folded in. */
    private DeviceOption deviceOption(String name) {
        return device.named(name);
    }

    /** "job 'b' of x.fio: " when the file has several jobs, else nothing. */
    private String jobPrefix(WorkloadOptions.PlannedJob j, List<WorkloadOptions.PlannedJob> all) {
        return all.size() > 1 && j.job() != null ? "Job '" + j.job().name() + "' of " + workload.job.getFileName() + ": " : "";
    }

    private String deviceName() {
        if (profile == null) {
            return device.device();
        }
        if (!device.device().equals("sim") || device.all().size() > 1) {
            throw CliFailure.usage("--profile picks a simulator profile; it cannot be combined with -d " + device.device() + " (use -d sim:" + profile + ").");
        }
        return "sim:" + profile;
    }

    private List<WorkloadOptions.PlannedJob> plannedJobs() {
        if (workload.iodepths().size() > 1) {
            throw CliFailure.usage("run takes one --iodepth, not " + workload.iodepths().size()
                    + "; sweep spans several (nvme-workbench sweep --iodepth 1,8,32).");
        }
        return workload.jobs(WorkloadSpec.defaults(), spec.commandLine().getErr());
    }
}
