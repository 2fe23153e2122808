package org.nvmeworkbench.ui.session;

import java.util.List;

import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * {@code fixedsim}: a simulator whose Features 08h and 09h cannot be changed, as QEMU's controller answers
 * (Feature Not Changeable). Registered for the tests only, so the command line and the window can be asked the
 * same thing of the same kind of device.
 */
public final class FixedCoalescingSim implements DeviceProvider {
    @Override
    public String scheme() {
        return "fixedsim";
    }

    @Override
    public List<DeviceInfo> discover() {
        return List.of();
    }

    @Override
    public PciFunction open(String spec, DeviceOptions options) {
        return SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL).seed(options.seed())
                .fixedCoalescing(true).build());
    }
}
