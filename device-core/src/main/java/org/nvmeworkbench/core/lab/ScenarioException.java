package org.nvmeworkbench.core.lab;

/** A scenario file that cannot be used; the message is one sentence naming the file and the field or line. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
