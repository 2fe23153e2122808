package org.nvmeworkbench.core.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.workload.WorkloadSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {"Run a workload in fio's vocabulary and report latency, interrupts and the features in force.",
    "The first limit reached ends the run; with neither --runtime nor --ios: 2s or 100000 I/Os.",
    "--job FILE.fio imports a fio job file; options given on the command line override it."})
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
        WorkloadSpec ws = workloadSpec();
        Optional<ReportExporter> report = output.report();
        List<String> own = ws.problems();
        if (!own.isEmpty()) {
            throw CliFailure.usage(own.get(0));
        }
        try (ControllerSession d = AttachedDevice.open(deviceOption(dev), new DeviceOptions(ws.seed(), ws.allowWrites()), ws.queues(),
                spec.commandLine().getErr())) {
            // The workload is checked against the controller by the session's runner (WorkloadException: exit 2).
            RunRecord record = d.run(ws);
            if (saveRun != null) {
                RunStore.save(saveRun, record);
            }
            if (report.isPresent()) {
                output.emitReport(spec, report.get(), ReportCommand.render(report.get(), ReportModel.of(List.of(record))));
            } else {
                RunSummary summary = new RunSummary(record);
                output.emit(spec, summary.text(), summary.json());
            }
        }
        return 0;
    }

    /** The device option as typed, with --profile folded in. */
    private DeviceOption deviceOption(String name) {
        return device.named(name);
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

    private WorkloadSpec workloadSpec() {
        if (workload.iodepths().size() > 1) {
            throw CliFailure.usage("run takes one --iodepth, not " + workload.iodepths().size()
                    + "; sweep spans several (nvme-workbench sweep --iodepth 1,8,32).");
        }
        return workload.spec(WorkloadSpec.defaults(), spec.commandLine().getErr());
    }
}
