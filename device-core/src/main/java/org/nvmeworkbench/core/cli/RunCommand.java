package org.nvmeworkbench.core.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.sim.Faults;
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

    @Option(names = "--fault", paramLabel = "KIND[:ARG]@WHEN",
            description = "Simulator only: inject a fault after WHEN I/O commands (5000) or WHEN of device time (2s, 500ms); "
                    + "KIND is cfs, error-status, lost-interrupt, stuck-command, masked-vector or slow-command. "
                    + "May be given more than once; the record's notes say what fired and how the driver recovered.")
    List<String> faults;

    @Override
    public Integer call() {
        String dev = deviceName();
        WorkloadSpec ws = workloadSpec();
        Optional<ReportExporter> report = output.report();
        checkFiles();
        List<Faults.Armed> armed = FaultRequest.parse(faults, dev);
        List<String> own = ws.problems();
        if (!own.isEmpty()) {
            throw CliFailure.usage(own.get(0));
        }
        try (AttachedDevice d = AttachedDevice.open(dev, new DeviceOptions(ws.seed(), ws.allowWrites()), ws.queues())) {
            List<String> problems = ws.problems(d.ctrl);
            if (!problems.isEmpty()) {
                throw CliFailure.usage(problems.get(0));
            }
            FaultRequest injected = FaultRequest.arm(d.ctrl, armed);
            RunRecord record;
            try (InterruptHandling.Scope ctrlC = InterruptHandling.stopping(() -> d.session.work().stop())) {
                record = d.session.work().run(ws).join();
            } catch (CompletionException e) {
                throw injected.afterFailure(d.ctrl, AttachedDevice.unwrap(e));
            }
            record = injected.annotate(record);
            boolean interrupted = InterruptHandling.wasInterrupted();
            if (interrupted) {
                record = record.withNote(InterruptHandling.note(record.totals().ios()));
            }
            // A run that could not be saved was still measured: its results are printed first, then the failure.
            CliFailure notSaved = null;
            if (saveRun != null) {
                try {
                    save(record);
                } catch (CliFailure e) {
                    notSaved = e;
                }
            }
            if (report.isPresent()) {
                output.emitReport(spec, report.get(), ReportCommand.render(report.get(), ReportModel.of(List.of(record))));
            } else {
                RunSummary summary = new RunSummary(record);
                output.emit(spec, summary.text(), summary.json());
            }
            if (notSaved != null) {
                throw notSaved;
            }
            return interrupted ? InterruptHandling.EXIT_INTERRUPTED : 0;
        }
    }

    /** Before any I/O: no folder as an output, and no output that is an input or the other output. */
    private void checkFiles() {
        OutputTarget.checkWritable(output.file(), "--output");
        OutputTarget.checkWritable(saveRun, "--save-run");
        OutputTarget.checkDistinct(output.file(), "--output", workload.job, "--job", true);
        OutputTarget.checkDistinct(saveRun, "--save-run", workload.job, "--job", true);
        OutputTarget.checkDistinct(output.file(), "--output", saveRun, "--save-run", false);
    }

    private void save(RunRecord record) {
        OutputTarget.write(saveRun, RunRecordJson.write(record).getBytes(StandardCharsets.UTF_8), spec.commandLine().getOut());
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
