package org.nvmeworkbench.core.workload;

import java.util.Arrays;
import java.util.Locale;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * How many simulated I/Os the whole stack (runner, driver, simulator) completes per second of wall
 * clock: the null media profile (zero latency) at iodepth 32 on one queue, so what is measured is the
 * software's own cost per I/O. Not a test: run it by hand or from the CLI.
 *
 * <pre>java -cp ... org.nvmeworkbench.core.workload.ThroughputBenchmark [rounds] [iosPerRound] [device]</pre>
 */
public final class ThroughputBenchmark {

    /**
     * What was measured.
     *
     * @param device            what ran, e.g. {@code sim:null}
     * @param iosPerRound       I/Os per measured round
     * @param iosPerWallSecond  median over the rounds
     * @param nsPerIo           wall-clock nanoseconds per I/O at the median
     * @param rounds            I/Os per wall second of each round, in order
     */
    public record Figures(String device, long iosPerRound, double iosPerWallSecond, double nsPerIo, double[] rounds) {
        public String describe() {
            return String.format(Locale.ROOT, "%s: %.2fM simulated I/Os per wall-clock second (median of %d rounds of %,d), %.0f ns/IO",
                    device, iosPerWallSecond / 1e6, rounds.length, iosPerRound, nsPerIo);
        }
    }

    private ThroughputBenchmark() {
    }

    /** The default workload: null profile, randread 4 KiB, iodepth 32, one queue, THR 7 / TIME 1. */
    public static WorkloadSpec spec(long ios) {
        return WorkloadSpec.defaults().withLimits(0, ios).withCoalescing(new InterruptCoalescing(7, 1));
    }

    /** Runs {@code warmups} unmeasured rounds then {@code rounds} measured ones on {@code device}. */
    public static Figures measure(String device, int warmups, int rounds, long iosPerRound) {
        if (rounds < 1 || iosPerRound < 1) {
            throw new IllegalArgumentException("The benchmark needs at least one round of at least one I/O.");
        }
        double[] perSecond = new double[rounds];
        try (PciFunction pci = DeviceCatalog.load().open(device, new DeviceOptions(1, false));
             NvmeController ctrl = NvmeController.attach(pci, DriverOptions.DEFAULT)) {
            WorkloadRunner runner = new WorkloadRunner();
            WorkloadSpec spec = spec(iosPerRound);
            for (int i = 0; i < warmups; i++) {
                runner.run(ctrl, spec, RunObserver.NONE);
            }
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                RunRecord r = runner.run(ctrl, spec, RunObserver.NONE);
                long wall = System.nanoTime() - t0;
                perSecond[i] = r.totals().ios() * 1e9 / wall;
            }
        }
        double[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        return new Figures(device, iosPerRound, median, 1e9 / median, perSecond);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long ios = args.length > 1 ? Long.parseLong(args[1]) : 3_000_000L;
        String device = args.length > 2 ? args[2] : "sim:null";
        Figures f = measure(device, 2, rounds, ios);
        for (int i = 0; i < f.rounds().length; i++) {
            System.out.printf(Locale.ROOT, "round %d: %.2fM I/Os per wall-clock second%n", i + 1, f.rounds()[i] / 1e6);
        }
        System.out.println(f.describe());
    }
}
