package org.nvmeworkbench.core.driver;

/** The driver could not do what was asked; the message is one sentence a user can act on. */
public class DriverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DriverException(String message) {
        super(message);
    }

    public DriverException(String message, Throwable cause) {
        super(message, cause);
    }
}
