package org.nvmeworkbench.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

class WriteConfirmationTest {
    private final WorkloadSpec randwrite = WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).withBlockSize(4096);

    @Test
    void theQuestionAndTheButtonNameTheDevice() {
        WriteConfirmation q = WriteConfirmation.of("sim:tlc", randwrite, 1000, 512);
        assertThat(q.question()).isEqualTo("Write to sim:tlc?");
        assertThat(q.confirmText()).isEqualTo("Write to sim:tlc");
        assertThat(q.refusal()).contains("sim:tlc").contains("nothing was written");
    }

    @Test
    void theRangeEndsAtTheLastWholeIoThatFitsTheNamespace() {
        // 4 KiB I/Os on 512 B blocks: 8 blocks each; 1000 blocks hold 125 of them, LBAs 0..999.
        assertThat(WriteConfirmation.of("sim:tlc", randwrite, 1000, 512).details()).startsWith("This overwrites LBAs 0..999 on the device");
        // 1003 blocks still hold 125 whole I/Os: the last 3 blocks are never written.
        assertThat(WriteConfirmation.of("sim:tlc", randwrite, 1003, 512).lastLba()).isEqualTo(999);
    }

    @Test
    void onlyPatternsThatWriteNeedIt() {
        assertThat(WriteConfirmation.needed(randwrite)).isTrue();
        assertThat(WriteConfirmation.needed(randwrite.withRw(ReadWrite.RANDREAD))).isFalse();
        assertThat(WriteConfirmation.needed(randwrite.withRw(ReadWrite.RANDRW).withRwmixread(100))).isFalse();
        assertThat(WriteConfirmation.needed(randwrite.withRw(ReadWrite.RANDRW).withRwmixread(70))).isTrue();
    }
}
