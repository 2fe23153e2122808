package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimTraceListener;
import org.nvmeworkbench.core.sim.SimulatedController;

/**
 * Stands in for a VFIO device in the sweep's tests: a {@code vfio} provider whose functions are simulated
 * controllers (QEMU-like with {@code fixedCoalescing}, refusing Set Features 08h/09h) and which, like a
 * VFIO group, can be open only once at a time. It counts opens and the I/O commands the device fetched.
 */
public final class OneOpenerSim implements DeviceProvider {
    final boolean fixedCoalescing;
    public final List<SimulatedController> opened = new ArrayList<>();
    public long ioCommands;
    private SimulatedController open;

    public OneOpenerSim(boolean fixedCoalescing) {
        this.fixedCoalescing = fixedCoalescing;
    }

    public DeviceCatalog catalog() {
        return new DeviceCatalog(List.of(this));
    }

    @Override
    public String scheme() {
        return "vfio";
    }

    @Override
    public List<DeviceInfo> discover() {
        return List.of();
    }

    @Override
    public PciFunction open(String spec, DeviceOptions options) {
        if (open != null && isOpen(open)) {
            throw new DeviceException(spec + " is already open; a VFIO group can be opened only once.");
        }
        SimulatedController sim = SimulatedController.create(SimConfig.builder().profile(MediaProfile.NULL)
                .seed(options.seed()).fixedCoalescing(fixedCoalescing).build());
        sim.setTraceListener(new SimTraceListener() {
            @Override
            public void sqeFetched(int qid, int cid, int opcode, int sqHead, long t) {
                if (qid != 0) {
                    ioCommands++;
                }
            }
        });
        open = sim;
        opened.add(sim);
        return sim;
    }

    /** A closed simulator refuses everything with PciException; relax(0) lets no device time pass. */
    private static boolean isOpen(SimulatedController sim) {
        try {
            sim.relax(0);
            return true;
        } catch (PciException e) {
            return false;
        }
    }
}
