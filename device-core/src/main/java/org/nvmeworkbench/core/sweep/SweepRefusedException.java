package org.nvmeworkbench.core.sweep;

import org.nvmeworkbench.core.device.DeviceException;

/**
 * The device will not let the sweep set Feature 08h, so every point would run at the device's own
 * setting; thrown before the first point. The message is the one sentence to show.
 */
public final class SweepRefusedException extends DeviceException {
    private static final long serialVersionUID = 1L;

    public SweepRefusedException(String sentence) {
        super(sentence);
    }
}
