package org.nvmeworkbench.core.session;

import java.util.List;
import java.util.Set;

import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * What a front end follows of a {@link TuningSession}: the window mirrors these into properties, the
 * command line prints them, an agent streams them. Called on the session's callback thread; return quickly.
 */
public interface SessionListener {

    /** The device, its controller (null when detached) or what it is doing changed. */
    default void stateChanged(ControllerState state, String device, NvmeController controller) {
    }

    /** One sentence for the user: what happened, or why something did not. */
    default void said(String sentence) {
    }

    /** Progress of the run or sweep in progress, 0..1. */
    default void progress(double fraction) {
    }

    /** A run started with {@code spec} as the user asked for it (before the desired features are folded in). */
    default void runStarted(WorkloadSpec spec) {
    }

    /** A run (or one point of a sweep) finished and joined the history. */
    default void runAdded(RunRecord run) {
    }

    /** The 08h value and CD vectors the next runs use. */
    default void desiredFeaturesChanged(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
    }

    /** Admin commands the controller logged since the last time (from {@link TuningSession#drainAdminLog()}). */
    default void adminLogged(List<AdminLogEntry> entries) {
    }

    /** The admin log starts afresh (a new controller was attached). */
    default void adminLogCleared() {
    }
}
