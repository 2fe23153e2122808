package org.nvmeworkbench.core.pci;

/**
 * A failure of the PCI function or its backend, worded as one sentence a user can act on
 * (the message never needs a stack trace to be understood).
 */
public class PciException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PciException(String message) {
        super(message);
    }

    public PciException(String message, Throwable cause) {
        super(message, cause);
    }
}
