package org.nvmeworkbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.VectorCount;

/**
 * I/Os above MDTS go as several commands, as the Linux block layer splits a bio at max_hw_sectors: counted,
 * said in the record, each I/O measured once with the latency of its last command. The simulator's MDTS
 * is 128 KiB and it fails a longer command with Invalid Field, so a run that did not split would fail.
 */
class SplitAtMdtsTest {
    private static final int MDTS = 128 * 1024;

    private static RunRecord run(SimBench b, WorkloadSpec spec) {
        return new WorkloadRunner().run(b.ctrl, spec, RunObserver.NONE);
    }

    @Test
    void aOneMegabyteReadGoesAsEightCommandsAndCountsAsOneIo() {
        try (SimBench b = SimBench.attach("tlc")) {
            assertThat(b.ctrl.maxTransferBytes()).isEqualTo(MDTS);
            WorkloadSpec spec = WorkloadSpec.defaults().withBlockSize(1024 * 1024).withIodepth(4).withLimits(0, 400);
            assertThat(spec.problems(b.ctrl)).isEmpty();
            RunRecord r = run(b, spec);
            assertThat(r.totals().errors()).isZero();
            assertThat(r.totals().ios()).isEqualTo(400);
            assertThat(r.latency().count()).as("one latency per I/O, not per command").isEqualTo(400);
            assertThat(r.totals().bytes()).isEqualTo(400L * 1024 * 1024);
            long completions = r.vectors().stream().mapToLong(VectorCount::completions).sum();
            assertThat(completions).as("NVMe completions: eight per I/O").isEqualTo(3_200);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("400 I/O(s) of up to 1024 KiB were above")
                    .contains("MDTS, 128 KiB").contains("3200 commands for 400 I/Os"));
            // A command of 128 KiB on this profile takes tens of microseconds: the I/O's is the last of its eight.
            assertThat(r.latency().min()).isGreaterThan(0);
        }
    }

    @Test
    void onlyTheSizesAboveMdtsOfAMixAreSplit() {
        try (SimBench b = SimBench.attach("null")) {
            WorkloadSpec spec = WorkloadSpec.defaults().withBlockSize(256 * 1024)
                    .withShape(IoShape.PLAIN.withMix(BlockSizeMix.range(64 * 1024, 256 * 1024, "bsrange=64k-256k")))
                    .withIodepth(8).withLimits(0, 2_000);
            RunRecord r = run(b, spec);
            assertThat(r.totals().errors()).isZero();
            long completions = r.vectors().stream().mapToLong(VectorCount::completions).sum();
            assertThat(completions).isGreaterThan(2_000).isLessThan(4_000);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("were above the controller's largest transfer"));
        }
    }

    @Test
    void withoutSplittingNothingIsSaid() {
        try (SimBench b = SimBench.attach("null")) {
            RunRecord r = run(b, WorkloadSpec.defaults().withBlockSize(MDTS).withLimits(0, 1_000));
            assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("MDTS"));
            assertThat(r.vectors().stream().mapToLong(VectorCount::completions).sum()).isEqualTo(1_000);
        }
    }

    @Test
    void aDepthThatCannotHoldThePiecesIsRefusedBeforeAnyIo() {
        try (SimBench b = SimBench.attach("null")) {
            int maxDepth = b.ctrl.maxQueueEntries() - 1;
            WorkloadSpec spec = WorkloadSpec.defaults().withBlockSize(1024 * 1024).withIodepth(maxDepth / 8 + 1).withLimits(0, 10);
            assertThat(spec.problems(b.ctrl)).anySatisfy(p -> assertThat(p).contains("each split into 8 commands")
                    .contains("needs " + (maxDepth / 8 + 1) * 8 + " queue entries"));
        }
    }

    @Test
    void theSplitPathAllocatesNothingPerIo() {
        try (SimBench b = SimBench.attach("null")) {
            WorkloadSpec spec = WorkloadSpec.defaults().withBlockSize(512 * 1024).withIodepth(8);
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            run(b, spec.withLimits(0, 20_000)); // warm up
            long before = mx.getThreadAllocatedBytes(thread);
            run(b, spec.withLimits(0, 10_000));
            long small = mx.getThreadAllocatedBytes(thread) - before;
            before = mx.getThreadAllocatedBytes(thread);
            run(b, spec.withLimits(0, 40_000));
            long large = mx.getThreadAllocatedBytes(thread) - before;
            // 30,000 more I/Os (120,000 more commands): what a run allocates per 100 ms slice and per run, not per I/O.
            assertThat(large - small).as("bytes for 30,000 more split I/Os").isLessThan(30_000L * 4);
        }
    }
}
