package org.nvmeworkbench.core.telemetry;

/** Where a workload is in its life, as the UI shows it. */
public enum RunState {
    IDLE,
    RUNNING,
    FINISHED
}
