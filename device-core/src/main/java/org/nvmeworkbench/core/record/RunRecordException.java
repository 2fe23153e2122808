package org.nvmeworkbench.core.record;

/** A run record cannot be read or written; the message is one sentence naming the file and what is wrong. */
public class RunRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunRecordException(String message) {
        super(message);
    }

    public RunRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
