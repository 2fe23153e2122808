package org.nvmeworkbench.core.agent;

/** Something about an agent or the way to it, in one sentence. */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the user can fix it in what they typed (exit 2) rather than the agent or network (exit 1). */
    private final boolean usage;

    public AgentException(String sentence, boolean usage) {
        super(sentence);
        this.usage = usage;
    }

    public AgentException(String sentence, boolean usage, Throwable cause) {
        super(sentence, cause);
        this.usage = usage;
    }

    public boolean usage() {
        return usage;
    }
}
