package org.nvmeworkbench.core.workload;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.telemetry.TelemetrySource;

/**
 * Follows a run from another part of the program. Every method is called on the run's thread:
 * return quickly. {@link #cancelled()} is polled once per batch of completions.
 */
public interface RunObserver {
    RunObserver NONE = new RunObserver() {
    };

    /** The run has started I/O; {@code live} may be sampled from any thread until the run finishes. */
    default void started(TelemetrySource live) {
    }

    /** {@link #started(TelemetrySource)}, with the run so far as a record ({@code record}, any thread). */
    default void started(TelemetrySource live, LiveRecord record) {
        started(live);
    }

    /** Fraction done, 0..1, roughly ten times per second of device time. */
    default void progress(double fraction) {
    }

    /** True to stop issuing I/O; in-flight commands are drained and the result is still produced. */
    default boolean cancelled() {
        return false;
    }

    default void finished(RunRecord record) {
    }
}
