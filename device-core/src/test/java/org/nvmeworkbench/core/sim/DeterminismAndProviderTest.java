package org.nvmeworkbench.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.spec.FeatureId;

class DeterminismAndProviderTest {

    /** Random reads at iodepth 16 with coalescing; returns every completion's time and CID. */
    private static List<Long> run(long seed, MediaProfile profile) {
        TestHost h = new TestHost(SimConfig.builder().profile(profile).seed(seed).build()).enable(16, 2).ioPair(1, 64, 1);
        TestHost.check(h.setFeature(FeatureId.INTERRUPT_COALESCING, 3 | (1 << 8), false));
        DmaRegion buf = h.sim.allocateDma(4096);
        SplittableRandom lba = new SplittableRandom(99);
        for (int i = 0; i < 16; i++) {
            h.read(1, lba.nextLong(1 << 30), 8, buf);
        }
        h.ring(1);
        List<Long> out = new ArrayList<>();
        while (out.size() < 400) {
            assertThat(h.await(1, 1_000_000_000L)).isEqualTo(1);
            for (TestHost.Completion c : h.reap(1)) {
                out.add(c.time() * 65536 + c.cid());
                h.read(1, lba.nextLong(1 << 30), 8, buf);
            }
            h.ring(1);
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameCompletionTimes() {
        assertThat(run(7, MediaProfile.TLC)).isEqualTo(run(7, MediaProfile.TLC));
        assertThat(run(7, MediaProfile.TLC)).isNotEqualTo(run(8, MediaProfile.TLC));
    }

    @Test
    void optaneReadsAreAboutEightMicrosecondsPolled() {
        TestHost h = new TestHost(SimConfig.builder().profile(MediaProfile.OPTANE).host(HostModel.FREE).build())
                .enable(16, 2).ioPair(1, 16, 1);
        DmaRegion buf = h.sim.allocateDma(4096);
        long start = h.sim.nanoTime();
        h.read(1, 0, 8, buf);
        h.ring(1);
        while (h.reap(1).isEmpty()) {
            h.sim.relax(100);
        }
        assertThat(h.sim.nanoTime() - start).isBetween(6_000L, 11_000L);
    }

    @Test
    void providerListsTheProfilesAndIsFoundByTheCatalog() {
        List<DeviceInfo> infos = new SimDeviceProvider().discover();
        assertThat(infos).extracting(DeviceInfo::spec).containsExactly("sim", "sim:tlc", "sim:optane", "sim:null");
        try (PciFunction f = DeviceCatalog.load().open("sim:optane", DeviceOptions.DEFAULT)) {
            assertThat(f).isInstanceOf(SimulatedController.class);
            assertThat(((SimulatedController) f).config().profile()).isSameAs(MediaProfile.OPTANE);
            assertThat(f.name()).isEqualTo("sim:optane");
        }
        try (PciFunction f = new SimDeviceProvider().open("sim", new DeviceOptions(42, false))) {
            assertThat(((SimulatedController) f).config().profile()).isSameAs(MediaProfile.TLC);
            assertThat(((SimulatedController) f).config().seed()).isEqualTo(42);
        }
    }

    @Test
    void unknownProfileNamesTheChoices() {
        assertThatThrownBy(() -> new SimDeviceProvider().open("sim:xyz", DeviceOptions.DEFAULT))
                .isInstanceOf(DeviceException.class)
                .hasMessage("Unknown simulator profile 'xyz'; choose one of: tlc, optane, null.");
    }
}
