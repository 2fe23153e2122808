package org.nvmeworkbench.core.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.pci.PciFunction;

/**
 * The device providers found on the class path, ordered by scheme. A provider that fails to load
 * is logged and skipped so one broken plugin never takes the others down.
 */
public final class DeviceCatalog {
    private static final Logger LOG = Logger.getLogger(DeviceCatalog.class.getName());

    private final List<DeviceProvider> providers;

    public DeviceCatalog(List<DeviceProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public static DeviceCatalog load() {
        return load(DeviceCatalog.class.getClassLoader());
    }

    public static DeviceCatalog load(ClassLoader loader) {
        List<DeviceProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(DeviceProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, "A device provider could not be loaded: " + e.getMessage(), e);
            }
        }
        found.sort(Comparator.comparing(DeviceProvider::scheme));
        return new DeviceCatalog(found);
    }

    public List<DeviceProvider> providers() {
        return providers;
    }

    /** Every device of every provider, in provider order. */
    public List<DeviceInfo> discover() {
        List<DeviceInfo> all = new ArrayList<>();
        for (DeviceProvider p : providers) {
            all.addAll(p.discover());
        }
        return all;
    }

    /** Opens {@code spec} ({@code sim}, {@code sim:PROFILE}, {@code vfio:BDF}, ...). */
    public PciFunction open(String spec, DeviceOptions options) {
        if (spec == null || spec.isBlank()) {
            throw new DeviceException("No device was named; use sim, sim:PROFILE or vfio:DDDD:BB:DD.F.");
        }
        int colon = spec.indexOf(':');
        String scheme = colon < 0 ? spec : spec.substring(0, colon);
        for (DeviceProvider p : providers) {
            if (p.scheme().equals(scheme)) {
                return p.open(spec, options);
            }
        }
        throw new DeviceException("Unknown device '" + spec + "': use sim, sim:PROFILE or vfio:DDDD:BB:DD.F.");
    }
}
