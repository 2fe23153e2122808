package org.nvmeworkbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.driver.SimBench;

class WorkloadSpecTest {

    @Test
    void fioNamesParseIncludingTheReadwriteAlias() {
        assertThat(ReadWrite.parse("randread")).isEqualTo(ReadWrite.RANDREAD);
        assertThat(ReadWrite.parse("readwrite")).isEqualTo(ReadWrite.RW);
        assertThat(ReadWrite.parse(" RandRW ")).isEqualTo(ReadWrite.RANDRW);
        assertThatThrownBy(() -> ReadWrite.parse("trim")).hasMessageContaining("use read, write, randread");
    }

    @Test
    void defaultsAreValid() {
        assertThat(WorkloadSpec.defaults().problems()).isEmpty();
        assertThat(WorkloadSpec.defaults().rw()).isEqualTo(ReadWrite.RANDREAD);
        assertThat(WorkloadSpec.defaults().iodepth()).isEqualTo(32);
    }

    @Test
    void writesNeedExplicitPermission() {
        assertThat(WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).problems())
                .containsExactly("randwrite writes to the device; allow writes explicitly (--allow-writes) to run it.");
        assertThat(WorkloadSpec.defaults().withRw(ReadWrite.RANDWRITE).withAllowWrites(true).problems()).isEmpty();
    }

    @Test
    void aRunWithoutAnyLimitIsRefused() {
        assertThat(WorkloadSpec.defaults().withLimits(0, 0).problems())
                .containsExactly("Give a runtime or a number of I/Os; with neither the run would never end.");
    }

    @Test
    void deviceLimitsAreCheckedOneSentenceEach() {
        try (SimBench b = SimBench.attach("null")) {
            assertThat(WorkloadSpec.defaults().withBlockSize(1000).problems(b.ctrl))
                    .containsExactly("The block size 1000 B is not a multiple of the namespace's 512 B logical block.");
            assertThat(WorkloadSpec.defaults().withIodepth(1024).problems(b.ctrl))
                    .containsExactly("iodepth 1024 is more than a queue of this controller can hold "
                            + "(1023: CAP.MQES + 1 entries with one kept empty).");
            assertThat(WorkloadSpec.defaults().withCdVectors(Set.of(5)).problems(b.ctrl))
                    .containsExactly("IV 5 is not used by any of the run's queues (they use [1]).");
            assertThatThrownBy(() -> WorkloadSpec.defaults().withBlockSize(1000).validate(b.ctrl))
                    .isInstanceOf(WorkloadException.class);
        }
    }
}
