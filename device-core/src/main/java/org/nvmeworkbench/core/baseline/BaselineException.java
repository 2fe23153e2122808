package org.nvmeworkbench.core.baseline;

/** A kernel baseline that could not run, in one sentence; {@code usage} when the user's input was at fault. */
public final class BaselineException extends RuntimeException {
    private final boolean usage;

    public BaselineException(String sentence, boolean usage) {
        super(sentence);
        this.usage = usage;
    }

    public BaselineException(String sentence, boolean usage, Throwable cause) {
        super(sentence, cause);
        this.usage = usage;
    }

    public boolean usage() {
        return usage;
    }
}
