package org.nvmeworkbench.core.fiojob;

/** A job file cannot be imported; the message is one sentence naming the file and the line. */
public class FioJobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public FioJobException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
