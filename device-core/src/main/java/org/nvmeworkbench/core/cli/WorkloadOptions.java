package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.nvmeworkbench.core.fiojob.FioJob;
import org.nvmeworkbench.core.fiojob.FioJobException;
import org.nvmeworkbench.core.fiojob.FioJobFile;
import org.nvmeworkbench.core.fiojob.FioJobNote;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

import picocli.CommandLine.Option;

/**
 * The workload options of {@code run} and {@code sweep}, in fio's names, and {@code --job FILE}: a .fio
 * job file gives the starting point and every option typed on the command line overrides it. Options
 * left out stay null here, which is how an explicit value is told from a default.
 */
public final class WorkloadOptions {
    @Option(names = "--job", paramLabel = "FILE.fio",
            description = "Take the workload from a fio job file, read by fio's rules (run runs every job, sweep the first); "
                    + "what the workbench does differently is listed on stderr, options given here override every job.")
    Path job;

    @Option(names = "--rw", paramLabel = "PATTERN", description = "read, write, randread, randwrite, rw, randrw (default: randread).")
    String rw;

    @Option(names = "--bs", paramLabel = "SIZE", converter = ValueConverters.Size.class,
            description = "Block size in fio's units, e.g. 4k, 64k (default: 4k; fio's 4KiB is 4000 B).")
    Integer bs;

    @Option(names = "--iodepth", paramLabel = "N", split = ",",
            description = "Commands in flight per queue (default: 32); sweep takes several, e.g. 1,8,32, as a grid axis.")
    List<Integer> iodepth;

    @Option(names = "--queues", paramLabel = "N", description = "I/O queue pairs, one vector each (default: 1).")
    Integer queues;

    @Option(names = "--runtime", paramLabel = "TIME", converter = ValueConverters.Time.class,
            description = "Device time limit, e.g. 2s, 500ms.")
    Long runtimeNanos;

    @Option(names = "--ios", paramLabel = "N", converter = ValueConverters.Number.class, description = "I/O count limit.")
    Long ios;

    @Option(names = "--rwmixread", paramLabel = "PCT", description = "Reads in a mixed pattern, percent (default: 50).")
    Integer rwmixread;

    @Option(names = "--coalesce", paramLabel = "THR,TIME", converter = ValueConverters.Coalesce.class,
            description = "Set Feature 08h first: raw THR (0's based) and TIME (100 us units), e.g. 7,2.")
    InterruptCoalescing coalesce;

    @Option(names = "--cd-vectors", paramLabel = "IV,...", converter = ValueConverters.Vectors.class,
            description = "Set Feature 09h CD=1 on these vectors (and CD=0 on the run's others).")
    Set<Integer> cdVectors;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the workload and the simulator (default: 1).")
    Long seed;

    @Option(names = "--allow-writes", description = "Allow the workload to write to the device.")
    boolean allowWrites;

    @Option(names = "--polling", description = "Reap completions by polling instead of interrupts (fio's hipri).")
    Boolean polling;

    @Option(names = "--cpus_allowed", paramLabel = "CPUS",
            description = "CPUs the run's queue threads may use, fio's list syntax, e.g. 0-3 or 0,5,8-15 (default: every CPU).")
    String cpusAllowed;

    @Option(names = "--cpus_allowed_policy", paramLabel = "POLICY",
            description = "shared (every queue may run on any allowed CPU; fio's default) or split (each queue its own CPU).")
    String cpusAllowedPolicy;

    @Option(names = "--numa_cpu_nodes", paramLabel = "NODES", description = "Only the CPUs of these NUMA nodes, e.g. 0 or 0-1.")
    String numaCpuNodes;

    @Option(names = "--numa_mem_policy", paramLabel = "POLICY",
            description = "Where the queues' DMA memory is: default, local, prefer:N, bind:NODES or interleave:NODES.")
    String numaMemPolicy;

    @Option(names = "--irq-affinity", paramLabel = "spread|CPUS",
            description = "Where each vector's interrupt is taken: spread (over the host's CPUs, as Linux spreads "
                    + "managed vectors; the default) or a CPU list, the k-th vector on its k-th CPU (one CPU: all on it).")
    String irqAffinity;

    /** Whether {@code --coalesce} was given (sweep sets 08h itself and refuses it). */
    public boolean coalesceGiven() {
        return coalesce != null;
    }

    /** The {@code --iodepth} values typed, empty when none were. */
    public List<Integer> iodepths() {
        return iodepth == null ? List.of() : List.copyOf(iodepth);
    }

    /**
     * The workload: {@code defaults} (or the job file's first job, whose warnings go to {@code err}, one line
     * each), then every option given on the command line. {@code --runtime} and {@code --ios} replace both
     * limits together: with only one of them the run has no other limit. Does not validate the result.
     */
    public WorkloadSpec spec(WorkloadSpec defaults, PrintWriter err) {
        if (job == null) {
            return overridden(defaults);
        }
        FioJobFile file = readJob(err);
        if (file.jobs().size() > 1) {
            err.println(job.getFileName() + ": only the first job, " + file.jobs().get(0).name() + ", is used here; the other "
                    + (file.jobs().size() - 1) + " job(s) were not run (run runs them all).");
            err.flush();
        }
        return overridden(file.jobs().get(0).spec());
    }

    /** A job to run: the file's job (null without --job) and its workload with the command line on top. */
    public record PlannedJob(FioJob job, WorkloadSpec spec) {
    }

    /**
     * Every job of the job file in file order (or the one workload of the command line), each with the command
     * line's options on top; the file's notes go to {@code err} in line order, those about size and runtime
     * left out when --ios or --runtime replaced them. A job the workbench cannot run refuses the whole file
     * before any I/O, in one sentence naming file, line and option.
     */
    public List<PlannedJob> jobs(WorkloadSpec defaults, PrintWriter err) {
        if (job == null) {
            return List.of(new PlannedJob(null, overridden(defaults)));
        }
        FioJobFile file = readJob(err);
        List<PlannedJob> out = new ArrayList<>();
        for (FioJob j : file.jobs()) {
            out.add(new PlannedJob(j, overridden(j.spec())));
        }
        return out;
    }

    /** Whether --ios or --runtime replaced the job file's limits. */
    private boolean limitsGiven() {
        return ios != null || runtimeNanos != null;
    }

    private FioJobFile readJob(PrintWriter err) {
        FioJobFile file;
        try {
            file = FioJobFile.read(job);
        } catch (FioJobException e) {
            throw CliFailure.usage(e.getMessage());
        }
        FioJob refused = file.firstRefused();
        if (refused != null) {
            throw CliFailure.usage(refused.refusal());
        }
        for (FioJobNote n : file.notes()) {
            if (!(n.aboutLimits() && limitsGiven())) {
                err.println(n.sentence());
            }
        }
        err.flush();
        return file;
    }

    /** {@code start} with the CPU options typed here on top; a bad value is one sentence. */
    private CpuPlacement placement(CpuPlacement start) {
        try {
            return start.with(CpuPlacement.ofWords(cpusAllowed, cpusAllowedPolicy, numaCpuNodes, numaMemPolicy, irqAffinity));
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
    }

    private WorkloadSpec overridden(WorkloadSpec start) {
        WorkloadSpec s = start;
        if (rw != null) {
            try {
                s = s.withRw(ReadWrite.parse(rw));
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(e.getMessage());
            }
        }
        if (bs != null) {
            s = s.withBlockSize(bs);
        }
        if (iodepth != null && !iodepth.isEmpty()) {
            s = s.withIodepth(iodepth.get(0));
        }
        if (queues != null) {
            s = s.withQueues(queues);
        }
        if (ios != null && ios < 1) {
            throw CliFailure.usage("--ios must be at least 1, not " + ios + ".");
        }
        if (runtimeNanos != null && runtimeNanos < 1) {
            throw CliFailure.usage("--runtime must be more than 0.");
        }
        if (runtimeNanos != null || ios != null) {
            s = s.withLimits(runtimeNanos == null ? 0 : runtimeNanos, ios == null ? 0 : ios);
        }
        if (rwmixread != null) {
            s = s.withRwmixread(rwmixread);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (coalesce != null) {
            s = s.withCoalescing(coalesce);
        }
        if (cdVectors != null) {
            s = s.withCdVectors(cdVectors);
        }
        if (polling != null) {
            s = s.withPolling(polling);
        }
        s = s.withPlacement(placement(s.placement()));
        // A job file never grants writes: only the user, here, can.
        return s.withAllowWrites(allowWrites);
    }
}
