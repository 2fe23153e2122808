package org.nvmeworkbench.core.session;

/** What the attached controller is doing, as the status bar says it. */
public enum ControllerState {
    DETACHED("no device attached"),
    ATTACHING("attaching"),
    IDLE("idle"),
    BUSY("admin command"),
    RUNNING("running a workload");

    private final String text;

    ControllerState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
