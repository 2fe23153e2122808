package org.nvmeworkbench.core.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.workload.ThroughputBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = "Measure the software's own cost per I/O: simulated I/Os per wall-clock second on sim:null.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    OutputOptions output;

    @Option(names = {"-d", "--device"}, paramLabel = "DEV", defaultValue = "sim:null",
            description = "The device to measure (default: ${DEFAULT-VALUE}, zero media latency).")
    String device;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "2", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--ios", paramLabel = "N", defaultValue = "3000000", description = "I/Os per round (default: ${DEFAULT-VALUE}).")
    long ios;

    @Option(names = "--sweep-heap", description = "Instead: sweep 1,024 points of 2,000 I/Os on sim:tlc and print the heap "
            + "in use after 10, 100 and 1,000 points, to show that a sweep's memory does not grow with its points.")
    boolean sweepHeap;

    /** Bounds that keep a benchmark within a working day on this machine; beyond them it is a typo, not a plan. */
    static final int MAX_ROUNDS = 1000;
    static final long MAX_IOS = 1_000_000_000L;

    @Override
    public Integer call() {
        if (rounds < 1 || warmups < 0 || ios < 1) {
            throw CliFailure.usage("bench needs at least one round of at least one I/O and no negative warm-ups.");
        }
        if (rounds > MAX_ROUNDS || warmups > MAX_ROUNDS) {
            throw CliFailure.usage("--rounds and --warmups must be at most " + MAX_ROUNDS + ", not " + Math.max(rounds, warmups) + ".");
        }
        if (ios > MAX_IOS) {
            throw CliFailure.usage("--ios must be at most " + MAX_IOS + " per round, not " + ios + ".");
        }
        if (sweepHeap) {
            output.emit(spec, SweepHeap.measure(spec.commandLine().getErr()), OutputOptions.object());
            return 0;
        }
        ThroughputBenchmark.Figures f;
        try {
            f = ThroughputBenchmark.measure(device, warmups, rounds, ios);
        } catch (org.nvmeworkbench.core.device.DeviceException e) {
            // As run and identify say it: a device that is not there at all is a typo (2); one that refused, 1.
            org.nvmeworkbench.core.device.DeviceCatalog catalog = org.nvmeworkbench.core.device.DeviceCatalog.load();
            throw AttachedDevice.listed(catalog, device) ? CliFailure.refused(Main.sentence(e.getMessage()))
                    : CliFailure.usage(Main.sentence(e.getMessage()));
        }
        StringBuilder sb = new StringBuilder();
        ObjectNode o = OutputOptions.object();
        o.put("device", f.device()).put("ios_per_round", f.iosPerRound()).put("ios_per_wall_second", f.iosPerWallSecond())
                .put("ns_per_io", f.nsPerIo());
        ArrayNode arr = o.putArray("rounds");
        for (int i = 0; i < f.rounds().length; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "round %d: %.2fM I/Os per wall-clock second%n", i + 1, f.rounds()[i] / 1e6));
            arr.add(f.rounds()[i]);
        }
        sb.append(f.describe()).append('\n');
        output.emit(spec, sb.toString(), o);
        return 0;
    }
}
