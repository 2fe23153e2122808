package org.nvmeworkbench.core.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.driver.CompletionSink;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimulatedController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.ThroughputBenchmark;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one I/O through the driver and the simulator (null profile, iodepth 32, one queue, THR 7 /
 * TIME 1), and through the whole workload runner. Not part of the test suite; run with
 * {@code java -cp <test classpath> org.openjdk.jmh.Main IoPathBenchmark -prof gc}: {@code ioPath}
 * should show ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class IoPathBenchmark implements CompletionSink {
    static final int BATCH = 4096;
    static final int RUNNER_IOS = 200_000;

    private SimulatedController sim;
    private NvmeController ctrl;
    private IoQueuePair queue;
    private final VectorSet vectors = VectorSet.of(1);
    private final Histogram latency = new Histogram(1, 60_000_000_000L, 3);
    private long lba;
    private long now;
    private long completed;

    @Setup(Level.Trial)
    public void attach() {
        sim = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).build());
        ctrl = NvmeController.attach(sim, DriverOptions.DEFAULT);
        ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, 0x0107, false);
        queue = ctrl.createIoQueuePair(1, 33, 1, 4096);
        for (int cid = 0; cid < 32; cid++) {
            queue.submitRead(cid, next(), 8);
        }
        queue.ringSqDoorbell();
    }

    @TearDown(Level.Trial)
    public void close() {
        ctrl.close();
        sim.close();
    }

    /** One I/O: submit, doorbell (batched), interrupt, reap, latency into HdrHistogram, resubmit. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ioPath() {
        long target = completed + BATCH;
        while (completed < target) {
            sim.awaitInterrupt(vectors, 1_000_000_000L);
            now = sim.nanoTime();
            queue.reapCompletions(this);
            queue.ringSqDoorbell();
        }
        return completed;
    }

    @Override
    public void onCompletion(int qid, int cid, int status, long result) {
        latency.recordValue(Math.max(0, now - queue.submittedAt(cid)));
        completed++;
        queue.submitRead(cid, next(), 8);
    }

    private long next() {
        lba = lba * 6364136223846793005L + 1442695040888963407L;
        return ((lba >>> 33) % 1_000_000L) * 8;
    }

    /** A whole run through {@link WorkloadRunner}, as the CLI does it (queue setup included). */
    @Benchmark
    @OperationsPerInvocation(RUNNER_IOS)
    public long runner() {
        ctrl.deleteIoQueuePair(queue);
        try {
            return new WorkloadRunner().run(ctrl, ThroughputBenchmark.spec(RUNNER_IOS), RunObserver.NONE).totals().ios();
        } finally {
            queue = ctrl.createIoQueuePair(1, 33, 1, 4096);
            completed = 0;
            for (int cid = 0; cid < 32; cid++) {
                queue.submitRead(cid, next(), 8);
            }
            queue.ringSqDoorbell();
        }
    }
}
