package org.nvmeworkbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.SimBench;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;

/** fio's rw=trim, randtrim and trimwrite as Dataset Management deallocates, under the same consent as writes. */
class TrimTest {
    private static RunRecord run(SimBench b, WorkloadSpec spec) {
        return new WorkloadRunner().run(b.ctrl, spec, RunObserver.NONE);
    }

    private static WorkloadSpec trims(ReadWrite rw, long ios) {
        return WorkloadSpec.defaults().withRw(rw).withBlockSize(64 * 1024).withIodepth(8).withLimits(0, ios);
    }

    @Test
    void aTrimNeedsTheSameYesAsAWrite() {
        try (SimBench b = SimBench.attach("tlc")) {
            assertThat(trims(ReadWrite.RANDTRIM, 100).problems(b.ctrl))
                    .anySatisfy(p -> assertThat(p).contains("randtrim writes to the device; allow writes explicitly"));
            assertThat(trims(ReadWrite.RANDTRIM, 100).withAllowWrites(true).problems(b.ctrl)).isEmpty();
        }
    }

    @Test
    void randtrimSendsDeallocatesWhoseCostIsTheMediaModels() {
        try (SimBench tlc = SimBench.attach("tlc"); SimBench none = SimBench.attach("null")) {
            RunRecord r = run(tlc, trims(ReadWrite.RANDTRIM, 2_000).withAllowWrites(true));
            assertThat(r.totals().errors()).isZero();
            assertThat(r.totals().trims()).isEqualTo(2_000);
            assertThat(r.totals().reads() + r.totals().writes()).isZero();
            assertThat(r.trimLatency().count()).isEqualTo(2_000);
            // TLC acknowledges a deallocate as a metadata write from its buffer: 18 us; null media: nothing.
            assertThat(r.trimLatency().min()).isGreaterThanOrEqualTo(18_000);
            RunRecord free = run(none, trims(ReadWrite.RANDTRIM, 2_000).withAllowWrites(true));
            assertThat(free.trimLatency().valueAtPercentile(50)).isLessThan(r.trimLatency().min());
            assertThat(RunRecordJson.read(RunRecordJson.write(r)).trimLatency()).isEqualTo(r.trimLatency());
            assertThat(RunRecordJson.read(RunRecordJson.write(r)).totals()).isEqualTo(r.totals());
        }
    }

    @Test
    void trimwriteTrimsThenWritesTheSameBlocks() {
        try (SimBench b = SimBench.attach("tlc")) {
            RunRecord r = run(b, trims(ReadWrite.TRIMWRITE, 2_000).withIodepth(1).withAllowWrites(true));
            assertThat(r.totals().errors()).isZero();
            assertThat(r.totals().trims()).isEqualTo(1_000);
            assertThat(r.totals().writes()).isEqualTo(1_000);
            // Sequential: 1000 trims and 1000 writes of 64 KiB each cover 1000 x 64 KiB once.
            assertThat(b.sim.namespaceBytesDeallocated()).isEqualTo(1_000L * 64 * 1024);
        }
    }

    @Test
    void aTrimAboveMdtsIsOneCommandForItsRangeIsNotADataTransfer() {
        try (SimBench b = SimBench.attach("null")) {
            WorkloadSpec big = trims(ReadWrite.TRIM, 500).withBlockSize(1024 * 1024).withAllowWrites(true);
            assertThat(big.commandsPerIo(b.ctrl.maxTransferBytes())).isEqualTo(1);
            RunRecord r = run(b, big);
            assertThat(r.totals().trims()).isEqualTo(500);
            assertThat(r.vectors().stream().mapToLong(org.nvmeworkbench.core.record.VectorCount::completions).sum()).isEqualTo(500);
            assertThat(r.notes()).noneSatisfy(n -> assertThat(n).contains("MDTS"));
        }
    }
}
