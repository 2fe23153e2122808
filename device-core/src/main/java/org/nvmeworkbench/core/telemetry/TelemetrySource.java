package org.nvmeworkbench.core.telemetry;

/**
 * Something the UI can sample: a controller at rest or a running workload. {@link #snapshot()} is
 * called from the sampler's thread (10-30 Hz); it may allocate, it never blocks the I/O thread.
 */
public interface TelemetrySource {

    TelemetrySnapshot snapshot();
}
