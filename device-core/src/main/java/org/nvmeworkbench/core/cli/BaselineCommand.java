package org.nvmeworkbench.core.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.baseline.BaselineException;
import org.nvmeworkbench.core.baseline.KernelBaseline;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.vfio.KernelNamespaces;
import org.nvmeworkbench.core.workload.WorkloadSpec;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "baseline", description = {"Run the same workload with fio through the kernel's nvme driver (io_uring, O_DIRECT) "
        + "and bring the result in as a run: the kernel beside the workbench's own driver.",
    "Name the controller the kernel holds (-d vfio:DDDD:BB:DD.F, its first namespace) or the block device or file "
        + "(--filename); fio opens it read-only unless the workload writes, which needs --allow-writes."})
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = {"-d", "--device"}, paramLabel = "vfio:BDF", description = "A controller bound to the kernel's nvme driver.")
        String device;
        @Option(names = "--filename", paramLabel = "PATH", description = "fio's --filename: a namespace's block device, or a file.")
        Path filename;
    }

    @Mixin
    RunOutputOptions output;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--fio", paramLabel = "PATH", defaultValue = "fio", description = "The fio to run (default: fio on PATH).")
    String fio;

    @Option(names = "--save-run", paramLabel = "FILE", description = "Also save the run record (JSON, atomic) to FILE.")
    Path saveRun;

    @Override
    public Integer call() throws IOException {
        WorkloadSpec ws = workload.spec(WorkloadSpec.defaults(), spec.commandLine().getErr());
        List<String> problems = ws.problems();
        if (!problems.isEmpty()) {
            throw CliFailure.usage(problems.get(0));
        }
        Path on = target.filename != null ? target.filename : namespaceOf(target.device);
        List<RunRecord> records;
        Path work = Files.createTempDirectory("nvme-workbench-baseline");
        try {
            records = KernelBaseline.run(fio, ws, on, work);
        } catch (BaselineException e) {
            throw e.usage() ? CliFailure.usage(e.getMessage()) : CliFailure.refused(e.getMessage());
        } finally {
            Files.deleteIfExists(work);
        }
        StringBuilder text = new StringBuilder();
        ArrayNode runs = OutputOptions.object().arrayNode();
        for (RunRecord r : records) {
            RunSummary s = new RunSummary(r);
            text.append(text.length() == 0 ? "" : "\n").append(s.text());
            runs.add(s.json());
        }
        text.append("\n").append(KernelBaseline.DIFFERENCES).append('\n');
        ObjectNode json = OutputOptions.object().put("target", on.toString()).put("differences", KernelBaseline.DIFFERENCES);
        json.set("runs", runs);
        output.emit(spec, text.toString(), json);
        if (saveRun != null) {
            // One direction (randread, randwrite) is one record; a mixed workload's directions are each a run.
            OutputTarget.write(saveRun, RunRecordJson.write(records.get(0)).getBytes(StandardCharsets.UTF_8),
                    spec.commandLine().getOut());
        }
        return 0;
    }

    /** The first namespace of a controller the kernel holds; one sentence when it is not the kernel's. */
    static Path namespaceOf(String device) {
        if (device == null || !device.startsWith("vfio:")) {
            throw CliFailure.usage("A kernel baseline runs on a controller the kernel's nvme driver holds: -d vfio:DDDD:BB:DD.F "
                    + "(as list shows it) or --filename /dev/nvmeXnY.");
        }
        KernelNamespaces.Controller c = new KernelNamespaces().of(device.substring("vfio:".length()));
        if (!c.kernelBound()) {
            throw CliFailure.usage(device + " is not bound to the kernel's nvme driver" + (c.driver().isEmpty() ? ""
                    : " (it is bound to " + c.driver() + ")") + "; a kernel baseline needs the kernel's driver on it.");
        }
        if (c.namespaces().isEmpty()) {
            throw CliFailure.usage(device + " has no namespace the kernel shows as a block device.");
        }
        return Path.of(c.namespaces().get(0));
    }
}
