package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.VectorSet;
import org.nvmeworkbench.core.spec.Cqe;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.Registers;
import org.nvmeworkbench.core.spec.Sqe;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's share of one I/O on the null profile at iodepth 32 with a minimal host loop: submit,
 * doorbell, events, CQE, coalesced interrupt, reap. Not run by the test suite; run with JMH's runner
 * or {@link #main} for a rough figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SimulatorIoPathBenchmark {
    static final int DEPTH = 32;
    static final int BATCH = 4096;

    private TestHost host;
    private ByteBuffer sq;
    private ByteBuffer cq;
    private long buffer;
    private int sqTail;
    private int cqHead;
    private int phase = 1;
    private int cid;
    private final VectorSet vectors = VectorSet.of(1);
    private int sqDoorbell;
    private int cqDoorbell;

    @Setup(Level.Trial)
    public void setUp() {
        host = TestHost.nullMedia().enable(16, 2).ioPair(1, 256, 1);
        TestHost.check(host.setFeature(FeatureId.INTERRUPT_COALESCING, 7 | (1 << 8), false));
        host.settle();
        DmaRegion buf = host.sim.allocateDma(4096);
        buffer = buf.busAddress();
        sq = host.sqMem[1].buffer();
        cq = host.cqMem[1].buffer();
        sqDoorbell = Registers.sqTailDoorbell(1, 0);
        cqDoorbell = Registers.cqHeadDoorbell(1, 0);
        for (int i = 0; i < DEPTH; i++) {
            submit();
        }
        host.sim.mmioWrite32(sqDoorbell, sqTail);
    }

    private void submit() {
        Sqe.write(sq, sqTail << 6, Opcodes.READ, cid++ & 0xFFFF, 1, buffer, 0, cid & 0xFFFF, 0, 7, 0, 0, 0);
        sqTail = (sqTail + 1) & 255;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ioPath() {
        int done = 0;
        SimulatedController sim = host.sim;
        while (done < BATCH) {
            sim.awaitInterrupt(vectors, 1_000_000_000L);
            int n = 0;
            while (Cqe.phase(cq, cqHead << 4) == phase) {
                if (++cqHead == 256) {
                    cqHead = 0;
                    phase ^= 1;
                }
                submit();
                n++;
            }
            if (n > 0) {
                sim.mmioWrite32(cqDoorbell, cqHead);
                sim.mmioWrite32(sqDoorbell, sqTail);
            }
            done += n;
        }
        return done;
    }

    public static void main(String[] args) {
        SimulatorIoPathBenchmark b = new SimulatorIoPathBenchmark();
        b.setUp();
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            int ios = 0;
            for (int i = 0; i < 500; i++) {
                ios += b.ioPath();
            }
            long ns = System.nanoTime() - start;
            System.out.printf("%.1f ns per I/O, %.2f M IOPS wall, %d interrupts%n", (double) ns / ios, ios * 1e3 / ns,
                    b.host.sim.interruptCount(1));
        }
    }
}
