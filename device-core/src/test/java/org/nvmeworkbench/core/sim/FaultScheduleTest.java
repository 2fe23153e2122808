package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.spec.StatusCode;

class FaultScheduleTest {
    private static final long SECOND = 1_000_000_000L;
    private final TestHost h = TestHost.nullMedia().enable(16, 4).ioPair(1, 16, 1);
    private final DmaRegion buf = h.sim.allocateDma(4096);

    private int readStatus(int lba) {
        h.read(1, lba, 1, buf);
        h.ring(1);
        assertThat(h.await(1, SECOND)).isEqualTo(1);
        return h.reap(1).get(0).status();
    }

    @Test
    void clearDisarmsFaultsTheControllerAlreadyTookButThatWaitForTheirCount() {
        h.sim.faults().inject("error-status@2");
        assertThat(readStatus(0)).isZero(); // the controller takes the fault here: due at command 2
        assertThat(h.sim.scheduledFaults()).containsExactly("error-status at command 2");

        h.sim.faults().clear();

        assertThat(readStatus(1)).isZero();
        assertThat(readStatus(2)).isZero();
        assertThat(readStatus(3)).isZero();
        assertThat(h.sim.scheduledFaults()).isEmpty();
    }

    @Test
    void faultsArmedAfterAClearStillTakeEffect() {
        h.sim.faults().inject("error-status@5");
        assertThat(readStatus(0)).isZero();
        h.sim.faults().clear();
        h.sim.faults().inject("error-status");
        assertThat(readStatus(1)).isEqualTo(StatusCode.UNRECOVERED_READ_ERROR);
        assertThat(h.sim.scheduledFaults()).isEmpty();
    }
}
