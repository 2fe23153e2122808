package org.nvmeworkbench.core.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.resultfile.ResultFiles;
import org.nvmeworkbench.core.resultfile.ResultListing;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The kernel's side of "kernel vs ours" (the seed's comparison): the same workload run by fio through the
 * kernel's nvme driver (io_uring, O_DIRECT) on a namespace's block device, its JSON+ brought in as a run
 * record beside the workbench's own runs. fio opens the target read-only unless the workload writes, and a
 * writing workload needs the same explicit yes as the workbench's own writes.
 */
public final class KernelBaseline {
    /** What differs between the two measurements, said with every baseline. */
    public static final String DIFFERENCES = "Measured by fio through the kernel's nvme driver (io_uring, O_DIRECT): its "
            + "latency is fio's completion latency as the application sees it, through the block layer, the kernel's "
            + "interrupt handler and io_uring's completion; the kernel's own interrupt coalescing and vectors are whatever "
            + "the device and driver have (not measured: no interrupt counts, vectors or CPU share). The workbench's runs "
            + "measure from its submission doorbell to its reaping of the completion, in userspace, with 08h as set.";

    private KernelBaseline() {
    }

    /** fio's command line for {@code spec} on {@code target}, its JSON+ written to {@code output}. */
    public static List<String> command(String fio, WorkloadSpec spec, Path target, Path output) {
        List<String> c = new ArrayList<>(List.of(fio, "--name=kernel-baseline", "--filename=" + target,
                "--ioengine=io_uring", "--direct=1", "--rw=" + spec.rw().fioName(), "--bs=" + spec.blockSize(),
                "--iodepth=" + spec.iodepth(), "--numjobs=" + spec.queues(), "--group_reporting",
                "--randseed=" + spec.seed(), "--output-format=json+", "--output=" + output));
        if (spec.rw().mixed()) {
            c.add("--rwmixread=" + spec.rwmixread());
        }
        if (spec.ios() > 0) {
            // fio's io_size is a job's bytes, wrapping round a small target; the workbench's --ios is the run's
            // total. (number_ios only caps a job below its size, and time_based ignores it.)
            c.add("--io_size=" + Math.max(1, spec.ios() / spec.queues()) * spec.blockSize());
        }
        if (spec.runtimeNanos() > 0) {
            c.add("--runtime=" + Math.max(1, TimeUnit.NANOSECONDS.toMillis(spec.runtimeNanos())) + "ms");
            if (spec.ios() == 0) {
                c.add("--time_based");
            }
        }
        if (!WriteConfirmation.needed(spec)) {
            c.add("--readonly");
        }
        return c;
    }

    /**
     * Runs fio on {@code target} and reads its JSON+ back: one record per direction the workload used. Blocks
     * for the run's length.
     *
     * @throws BaselineException in one sentence: no fio, fio refused or failed, its output unreadable
     */
    public static List<RunRecord> run(String fio, WorkloadSpec spec, Path target, Path workDir) {
        if (WriteConfirmation.needed(spec) && !spec.allowWrites()) {
            throw new BaselineException("A " + spec.rw().fioName() + " baseline writes to " + target
                    + "; nothing was written. Give --allow-writes to confirm writing to it.", true);
        }
        if (!Files.exists(target)) {
            throw new BaselineException(target + " does not exist.", true);
        }
        Path out = workDir.resolve("kernel-baseline-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
        Path log = workDir.resolve(out.getFileName() + ".log");
        try {
            Process p;
            try {
                p = new ProcessBuilder(command(fio, spec, target, out)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new BaselineException("fio could not be started (" + e.getMessage() + "); install it "
                        + "(apt install fio) or give its path with --fio.", true, e);
            }
            int exit = p.waitFor();
            if (exit != 0 || !Files.isRegularFile(out)) {
                String said = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "";
                String first = said.isEmpty() ? "no output" : said.lines().filter(l -> !l.isBlank()).findFirst().orElse(said);
                throw new BaselineException("fio failed on " + target + " (exit " + exit + "): " + first, false);
            }
            ResultListing l = ResultFiles.open(List.of(out));
            if (!l.problems().isEmpty() || l.records().isEmpty()) {
                throw new BaselineException("fio's output could not be read: "
                        + (l.problems().isEmpty() ? "it has no run." : l.problems().get(0)), false);
            }
            return l.records();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BaselineException("Interrupted while fio ran.", false, e);
        } catch (IOException e) {
            throw new BaselineException("fio's output could not be read (" + e.getMessage() + ").", false, e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // A temporary file left in the work folder is harmless.
            }
        }
    }
}
