package org.nvmeworkbench.core.device;

/** A device cannot be found or opened; the message is one sentence that says what to do. */
public class DeviceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
