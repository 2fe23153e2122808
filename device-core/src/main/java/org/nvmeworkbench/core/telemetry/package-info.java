/**
 * What the UI samples at 10-30 Hz from its own thread: ring occupancy, vector counts and rates,
 * sliding-window percentiles. Writers (the driver and the workload) publish with opaque stores once
 * per batch; {@link org.nvmeworkbench.core.telemetry.TelemetrySource#snapshot()} reads them without
 * ever locking the I/O path.
 */
package org.nvmeworkbench.core.telemetry;
