package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.spec.StatusCode;

/**
 * How an admin command completed: the status (SCT and SC packed as {@link StatusCode#code}) and DW0
 * of its completion entry.
 */
public record AdminResult(int status, int dw0) {

    public boolean ok() {
        return StatusCode.isSuccess(status);
    }

    /** e.g. "Successful Completion (SCT 0h, SC 00h), DW0 0x0000070a". */
    public String describe() {
        return StatusCode.describe(status) + String.format(", DW0 0x%08x", dw0);
    }
}
