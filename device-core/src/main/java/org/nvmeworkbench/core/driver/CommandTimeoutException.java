package org.nvmeworkbench.core.driver;

/**
 * An admin command did not complete within the driver's timeout; the driver sent Abort for it
 * before throwing, and {@link #abortResult()} says how the device answered (null when Abort itself
 * timed out).
 */
public class CommandTimeoutException extends DriverException {
    private static final long serialVersionUID = 1L;

    private final int opcode;
    private final int cid;
    private final transient AdminResult abortResult;

    public CommandTimeoutException(String message, int opcode, int cid, AdminResult abortResult) {
        super(message);
        this.opcode = opcode;
        this.cid = cid;
        this.abortResult = abortResult;
    }

    public int opcode() {
        return opcode;
    }

    public int cid() {
        return cid;
    }

    public AdminResult abortResult() {
        return abortResult;
    }
}
