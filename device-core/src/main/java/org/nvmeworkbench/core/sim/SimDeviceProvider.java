package org.nvmeworkbench.core.sim;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.pci.PciFunction;

/** The built-in simulator as a device provider: {@code sim} (= {@code sim:tlc}) and {@code sim:PROFILE}. */
public final class SimDeviceProvider implements DeviceProvider {
    public static final String SCHEME = "sim";

    /** Whether {@code spec} names the simulator ({@code sim} or {@code sim:PROFILE}). */
    public static boolean names(String spec) {
        return spec != null && (spec.equals(SCHEME) || spec.startsWith(SCHEME + ":"));
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> discover() {
        List<DeviceInfo> out = new ArrayList<>();
        out.add(new DeviceInfo(SCHEME, "Simulated NVMe controller, default profile: "
                + MediaProfile.TLC.description(), true, ""));
        for (MediaProfile p : MediaProfile.all()) {
            out.add(new DeviceInfo(SCHEME + ":" + p.name(), "Simulated NVMe controller: " + p.description(), true, ""));
        }
        return out;
    }

    @Override
    public PciFunction open(String spec, DeviceOptions options) {
        return SimulatedController.create(configFor(spec, options), spec);
    }

    /** The config {@code open} uses for {@code spec}. */
    public static SimConfig configFor(String spec, DeviceOptions options) {
        String profileName = "tlc";
        if (spec != null && spec.startsWith(SCHEME + ":")) {
            profileName = spec.substring(SCHEME.length() + 1);
        } else if (spec == null || !spec.equals(SCHEME)) {
            throw new DeviceException("'" + spec + "' is not a simulator; use sim or sim:PROFILE.");
        }
        MediaProfile profile = MediaProfile.byName(profileName);
        if (profile == null) {
            throw new DeviceException("Unknown simulator profile '" + profileName + "'; choose one of: "
                    + String.join(", ", MediaProfile.names()) + ".");
        }
        long seed = options == null ? DeviceOptions.DEFAULT.seed() : options.seed();
        return SimConfig.builder().profile(profile).seed(seed).build();
    }
}
