package org.nvmeworkbench.core.telemetry;

import java.util.List;

/**
 * Everything the live views draw, taken at one instant of device time.
 *
 * @param deviceNanos the device's clock (virtual time on the simulator)
 * @param state       idle, running or finished
 * @param queues      the I/O queue pairs, by queue id
 * @param vectors     the vectors in use: 0 (admin) and the I/O queues' vectors
 * @param iops        completions per second over the last window of device time
 * @param totalIos    completions so far in this run
 * @param p50Nanos    median latency over the last ~1 s of device time, 0 when no I/O completed
 * @param p99Nanos    99th percentile over the same window
 * @param p999Nanos   99.9th percentile over the same window
 */
public record TelemetrySnapshot(long deviceNanos, RunState state, List<QueueRingSnapshot> queues,
                                List<VectorSnapshot> vectors, double iops, long totalIos, long p50Nanos,
                                long p99Nanos, long p999Nanos) {

    public TelemetrySnapshot {
        queues = List.copyOf(queues);
        vectors = List.copyOf(vectors);
    }
}
