package org.nvmeworkbench.core.driver;

/**
 * The controller set CSTS.CFS (Controller Fatal Status): it will not complete anything until it is
 * reset. {@link NvmeController#recover()} resets it and re-applies the desired features.
 */
public class ControllerFatalException extends DriverException {
    private static final long serialVersionUID = 1L;

    public ControllerFatalException(String message) {
        super(message);
    }
}
