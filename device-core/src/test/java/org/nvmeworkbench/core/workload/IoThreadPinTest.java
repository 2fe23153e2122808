package org.nvmeworkbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Platform;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.host.CpuSet;
import org.nvmeworkbench.core.host.CpusAllowedPolicy;
import org.nvmeworkbench.core.host.InterruptAffinity;
import org.nvmeworkbench.core.vfio.ThreadAffinity;

/** On a real device cpus_allowed pins the thread that drives it, and the run gives the thread its affinity back. */
class IoThreadPinTest {
    @Test
    void splitPinsToTheFirstCpuAndTheAffinityComesBack() {
        Assumptions.assumeTrue(Platform.isLinux(), "sched_setaffinity is Linux's");
        CpuSet before = ThreadAffinity.current();
        int last = before.last();
        List<String> notes = new ArrayList<>();
        CpuPlacement asked = CpuPlacement.NONE.withCpusAllowed(CpuSet.of(last)).withPolicy(CpusAllowedPolicy.SPLIT)
                .withIrqAffinity(InterruptAffinity.SPREAD);
        try (IoThreadPin pin = IoThreadPin.apply(asked, notes)) {
            assertThat(ThreadAffinity.current()).isEqualTo(CpuSet.of(last));
        }
        assertThat(ThreadAffinity.current()).isEqualTo(before);
        assertThat(notes).singleElement().asString().contains("pinned to CPUs " + last)
                .contains("where interrupts are taken and NUMA nodes and memory policy are not set");
    }

    @Test
    void withoutCpusAllowedNothingIsPinnedAndTheNoteSaysSo() {
        List<String> notes = new ArrayList<>();
        assertThat(IoThreadPin.apply(CpuPlacement.NONE, notes)).isSameAs(IoThreadPin.NONE);
        assertThat(notes).isEmpty();
        IoThreadPin.apply(CpuPlacement.NONE.withIrqAffinity(InterruptAffinity.parse("0")), notes);
        assertThat(notes).singleElement().asString().contains("irq_affinity=0 was not applied");
    }
}
