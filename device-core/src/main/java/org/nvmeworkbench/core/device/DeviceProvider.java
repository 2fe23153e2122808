package org.nvmeworkbench.core.device;

import java.util.List;

import org.nvmeworkbench.core.pci.PciFunction;

/**
 * Extension point: a kind of device the workbench can attach to (the simulator, VFIO, a third
 * party's). Found with {@link java.util.ServiceLoader}; {@link DeviceCatalog} asks each in turn.
 */
public interface DeviceProvider {

    /** The scheme of the device strings it owns, e.g. {@code sim} for {@code sim:tlc}. */
    String scheme();

    /** What it offers on this machine right now, for {@code list}. Never touches a device. */
    List<DeviceInfo> discover();

    /**
     * Opens the device the user named. Throws {@link DeviceException} with one sentence saying what
     * is wrong and what to do when it cannot (unknown profile, bound to the kernel, mounted, ...).
     *
     * @param spec the whole string the user gave, e.g. {@code sim:optane} or {@code vfio:0000:00:05.0}
     */
    PciFunction open(String spec, DeviceOptions options);
}
