package org.nvmeworkbench.core.cli;

import picocli.CommandLine.Option;

/**
 * {@code -d DEV}: sim (default profile), sim:PROFILE or vfio:DDDD:BB:DD.F. Public so that commands outside
 * this package (sweep) mix in the same option instead of declaring it again.
 */
public final class DeviceOption {
    @Option(names = {"-d", "--device"}, paramLabel = "DEV", defaultValue = "sim",
            description = "sim, sim:PROFILE or vfio:DDDD:BB:DD.F (default: ${DEFAULT-VALUE}).")
    String device = "sim";

    /** The device as typed, e.g. {@code sim:fast} or {@code vfio:0000:01:00.0}. */
    public String device() {
        return device;
    }
}
