package org.nvmeworkbench.core.lab;

/** The eight steps of an NVMe I/O command, in the order a command passes them. */
public enum JourneyStep {
    HOST_WRITES_SQE("Host writes the SQE", true),
    SQ_TAIL_DOORBELL("Host rings the SQ tail doorbell", true),
    CONTROLLER_FETCHES("Controller fetches the SQE", false),
    EXECUTES("Controller executes the command", false),
    CONTROLLER_WRITES_CQE("Controller writes the CQE", false),
    INTERRUPT_RAISED("Controller raises the interrupt", false),
    HOST_CONSUMES_CQE("Host consumes the CQE", true),
    CQ_HEAD_DOORBELL("Host rings the CQ head doorbell", true);

    private final String text;
    private final boolean host;

    JourneyStep(String text, boolean host) {
        this.text = text;
        this.host = host;
    }

    /** One line for a stage view's label. */
    public String text() {
        return text;
    }

    /** True for the host's steps, false for the controller's. */
    public boolean byHost() {
        return host;
    }

    /** The step named {@code name} (case-insensitive, '-' or '_'), or null. */
    public static JourneyStep byName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (JourneyStep s : values()) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        return null;
    }
}
