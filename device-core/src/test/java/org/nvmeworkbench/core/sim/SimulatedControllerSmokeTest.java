package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.Opcodes;

class SimulatedControllerSmokeTest {

    @Test
    void readsCompleteWithCoalescedInterrupts() {
        TestHost h = TestHost.nullMedia().enable(32, 2).ioPair(1, 64, 1);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, 7 | (255 << 8), false));
        DmaRegion buf = h.sim.allocateDma(4096);
        for (int i = 0; i < 32; i++) {
            h.read(1, i * 8L, 8, buf);
        }
        h.ring(1);
        int got = 0;
        while (got < 32) {
            assertThat(h.await(1, 1_000_000_000L)).isEqualTo(1);
            List<TestHost.Completion> c = h.reap(1);
            got += c.size();
        }
        while (h.await(1, 1_000_000) >= 0) {
            h.reap(1); // signals still in flight when the host woke up
        }
        assertThat(h.sim.interruptCount(1)).isEqualTo(4);
        assertThat(h.admin(Opcodes.IDENTIFY, 0, buf.busAddress(), 1, 0).status()).isZero();
        assertThat(buf.buffer().getShort(0) & 0xFFFF).isEqualTo(PciConfigSpace.VENDOR_ID);
    }
}
