package org.nvmeworkbench.core.device;

/**
 * Options for opening a device.
 *
 * @param seed        the simulator's random seed (ignored by hardware)
 * @param allowWrites whether the user explicitly allowed writes to this device
 */
public record DeviceOptions(long seed, boolean allowWrites) {
    public static final DeviceOptions DEFAULT = new DeviceOptions(1, false);
}
