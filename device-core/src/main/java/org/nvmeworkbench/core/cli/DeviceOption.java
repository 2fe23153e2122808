package org.nvmeworkbench.core.cli;

import picocli.CommandLine.Option;

/** {@code -d DEV}: sim (default profile), sim:PROFILE or vfio:DDDD:BB:DD.F. */
final class DeviceOption {
    @Option(names = {"-d", "--device"}, paramLabel = "DEV", defaultValue = "sim",
            description = "sim, sim:PROFILE or vfio:DDDD:BB:DD.F (default: ${DEFAULT-VALUE}).")
    String device = "sim";
}
