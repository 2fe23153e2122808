package org.nvmeworkbench.core.session;

/**
 * The session's refusals, word for word: the window, the command line and an agent's clients show these
 * same sentences for the same situation (tests pin them on each front end).
 */
public final class SessionWords {
    private SessionWords() {
    }

    public static final String NO_DEVICE = "No device is attached; attach one in the Devices view.";
    public static final String RUN_IN_PROGRESS = "A run is in progress; stop it or wait for it to finish.";
    public static final String NOTHING_TO_RERUN = "Nothing to rerun yet; start a workload first.";
    public static final String APPLY_DURING_SWEEP =
            "A sweep is setting Feature 08h point by point: apply when it has finished, or stop it first.";
    public static final String SET_FEATURE_DURING_RUN =
            "A run is in progress; change coalescing through the Coalescing editor, which asks before it sets Features during I/O.";
}
