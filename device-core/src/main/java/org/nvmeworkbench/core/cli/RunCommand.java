package org.nvmeworkbench.core.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.report.ReportCommand;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.core.session.DeviceIdentity;
import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.core.session.RunStore;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.RunResult;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", description = {"Run a workload in fio's vocabulary and report latency, interrupts and the features in force.",
    "The first limit reached ends the run; with neither --runtime nor --ios: 2s or 100000 I/Os."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DeviceOption device;
    @Mixin
    RunOutputOptions output;

    @Option(names = "--rw", paramLabel = "PATTERN", defaultValue = "randread",
            description = "read, write, randread, randwrite, rw, randrw (default: ${DEFAULT-VALUE}).")
    String rw;

    @Option(names = "--bs", paramLabel = "SIZE", defaultValue = "4k", converter = ValueConverters.Size.class,
            description = "Block size, e.g. 4k, 64KiB (default: ${DEFAULT-VALUE}).")
    int bs;

    @Option(names = "--iodepth", paramLabel = "N", defaultValue = "32", description = "Commands in flight per queue (default: ${DEFAULT-VALUE}).")
    int iodepth;

    @Option(names = "--queues", paramLabel = "N", defaultValue = "1", description = "I/O queue pairs, one vector each (default: ${DEFAULT-VALUE}).")
    int queues;

    @Option(names = "--runtime", paramLabel = "TIME", converter = ValueConverters.Time.class,
            description = "Device time limit, e.g. 2s, 500ms.")
    Long runtimeNanos;

    @Option(names = "--ios", paramLabel = "N", converter = ValueConverters.Number.class, description = "I/O count limit.")
    Long ios;

    @Option(names = "--rwmixread", paramLabel = "PCT", defaultValue = "50", description = "Reads in a mixed pattern, percent (default: ${DEFAULT-VALUE}).")
    int rwmixread;

    @Option(names = "--coalesce", paramLabel = "THR,TIME", converter = ValueConverters.Coalesce.class,
            description = "Set Feature 08h first: raw THR (0's based) and TIME (100 us units), e.g. 7,2.")
    InterruptCoalescing coalesce;

    @Option(names = "--cd-vectors", paramLabel = "IV,...", converter = ValueConverters.Vectors.class,
            description = "Set Feature 09h CD=1 on these vectors (and CD=0 on the run's others).")
    Set<Integer> cdVectors;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the workload and the simulator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--allow-writes", description = "Allow the workload to write to the device.")
    boolean allowWrites;

    @Option(names = "--polling", description = "Reap completions by polling instead of interrupts.")
    boolean polling;

    @Option(names = "--profile", paramLabel = "NAME", description = "Simulator media profile, same as -d sim:NAME.")
    String profile;

    @Option(names = "--save-run", paramLabel = "FILE", description = "Also save the run record (JSON, atomic) to FILE.")
    Path saveRun;

    @Override
    public Integer call() {
        String dev = deviceName();
        WorkloadSpec ws = workload();
        Optional<ReportExporter> report = output.report();
        List<String> own = ws.problems();
        if (!own.isEmpty()) {
            throw CliFailure.usage(own.get(0));
        }
        try (AttachedDevice d = AttachedDevice.open(dev, new DeviceOptions(seed, allowWrites), queues)) {
            List<String> problems = ws.problems(d.ctrl);
            if (!problems.isEmpty()) {
                throw CliFailure.usage(problems.get(0));
            }
            RunResult result = new WorkloadRunner().run(d.ctrl, ws, RunObserver.NONE);
            RunRecord record = RunRecord.from(result, DeviceIdentity.of(dev, d.ctrl));
            if (saveRun != null) {
                RunStore.save(saveRun, record);
            }
            if (report.isPresent()) {
                output.emitReport(spec, report.get(), ReportCommand.render(report.get(), ReportModel.of(List.of(record))));
            } else {
                RunSummary summary = new RunSummary(record, result.featureNotes(), result.notes());
                output.emit(spec, summary.text(), summary.json());
            }
        }
        return 0;
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

    private WorkloadSpec workload() {
        ReadWrite pattern;
        try {
            pattern = ReadWrite.parse(rw);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        if (ios != null && ios < 1) {
            throw CliFailure.usage("--ios must be at least 1, not " + ios + ".");
        }
        if (runtimeNanos != null && runtimeNanos < 1) {
            throw CliFailure.usage("--runtime must be more than 0.");
        }
        WorkloadSpec base = WorkloadSpec.defaults();
        long runtime = runtimeNanos != null ? runtimeNanos : ios != null ? 0 : base.runtimeNanos();
        long count = ios != null ? ios : runtimeNanos != null ? 0 : base.ios();
        return base.withRw(pattern).withBlockSize(bs).withIodepth(iodepth).withQueues(queues).withLimits(runtime, count)
                .withRwmixread(rwmixread).withSeed(seed).withAllowWrites(allowWrites).withCoalescing(coalesce)
                .withCdVectors(cdVectors).withPolling(polling);
    }
}
