package org.nvmeworkbench.core.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.sim.SimDeviceProvider;

/**
 * A device opened through the catalog with the driver attached, for one command. Closing detaches the
 * driver (queues deleted, controller disabled) and releases the function.
 */
final class AttachedDevice implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AttachedDevice.class.getName());

    final String spec;
    final PciFunction pci;
    final NvmeController ctrl;

    private AttachedDevice(String spec, PciFunction pci, NvmeController ctrl) {
        this.spec = spec;
        this.pci = pci;
        this.ctrl = ctrl;
    }

    static AttachedDevice open(String spec, DeviceOptions options, int ioQueues) {
        DeviceCatalog catalog = DeviceCatalog.load();
        String scheme = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        boolean known = false;
        for (DeviceProvider p : catalog.providers()) {
            known |= p.scheme().equals(scheme);
        }
        if (!known) {
            throw CliFailure.usage("Unknown device '" + spec + "': use sim, sim:PROFILE or vfio:DDDD:BB:DD.F (see the list command).");
        }
        PciFunction pci;
        try {
            pci = catalog.open(spec, options);
        } catch (DeviceException e) {
            // A device that is not there at all is a typo (usage); one that is there but refused is not.
            throw listed(catalog, spec) ? e : CliFailure.usage(Main.sentence(e.getMessage()));
        }
        try {
            int queues = Math.max(1, ioQueues);
            NvmeController ctrl = NvmeController.attach(pci, DriverOptions.DEFAULT.withIoQueues(queues));
            LOG.fine(() -> spec + " attached: " + queues + " I/O queue(s) asked for, " + ctrl.grantedQueues() + " granted, "
                    + ctrl.vectorCount() + " interrupt vector(s)");
            return new AttachedDevice(spec, pci, ctrl);
        } catch (RuntimeException e) {
            closeQuietly(pci);
            throw e;
        }
    }

    private static boolean listed(DeviceCatalog catalog, String spec) {
        for (DeviceInfo d : catalog.discover()) {
            if (d.spec().equals(spec)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the device is the built-in simulator, whose state lives only as long as this process. */
    boolean simulated() {
        return SimDeviceProvider.names(spec);
    }

    @Override
    public void close() {
        try {
            ctrl.close();
        } finally {
            closeQuietly(pci);
        }
    }

    private static void closeQuietly(PciFunction pci) {
        try {
            pci.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing " + pci.name() + " failed", e);
        }
    }
}
