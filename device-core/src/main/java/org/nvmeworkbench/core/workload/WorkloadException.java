package org.nvmeworkbench.core.workload;

/** A workload cannot run as specified; the message is one sentence saying why and what to change. */
public class WorkloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkloadException(String message) {
        super(message);
    }

    public WorkloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
