package org.nvmeworkbench.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.record.RunStore;
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

    @Option(names = "--save-run", paramLabel = "FILE", description = "Also save the run record (JSON, atomic) to FILE.")
    Path saveRun;

    @Override
    public Integer call() {
        String dev = deviceName();
        List<WorkloadOptions.PlannedJob> jobs = plannedJobs();
        Optional<ReportExporter> report = output.report();
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
            List<RunRecord> records = new ArrayList<>();
            // fio runs the jobs of a group together; here they run one after another, in file order, each on
            // its own queue pairs (see README, "fio job files").
            for (WorkloadOptions.PlannedJob j : jobs) {
                try {
                    records.add(d.run(j.spec()));
                } catch (WorkloadException e) {
                    throw CliFailure.usage(jobPrefix(j, jobs) + e.getMessage());
                }
            }
            if (saveRun != null) {
                RunStore.save(saveRun, records.get(0));
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
            return device.device;
        }
        if (!device.device.equals("sim")) {
            throw CliFailure.usage("--profile picks a simulator profile; it cannot be combined with -d " + device.device + " (use -d sim:" + profile + ").");
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
