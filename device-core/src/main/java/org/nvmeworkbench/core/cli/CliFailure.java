package org.nvmeworkbench.core.cli;

/**
 * A command cannot do what was asked; the message is one sentence for stderr and the exit code says
 * whose fault it was: {@link #USAGE} for the command line, {@link #REFUSED} for the device.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The device refused or failed, or a file could not be read or written. */
    public static final int REFUSED = 1;
    /** The command line is wrong: syntax, a value out of range, a workload the device cannot run. */
    public static final int USAGE = 2;

    private final int exitCode;

    private CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliFailure usage(String sentence) {
        return new CliFailure(USAGE, sentence);
    }

    public static CliFailure refused(String sentence) {
        return new CliFailure(REFUSED, sentence);
    }

    public int exitCode() {
        return exitCode;
    }
}
