package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.pci.InterruptMode;

/**
 * How the driver brings a controller up and waits on it.
 *
 * @param interruptMode         MSI-X (default), MSI or pin-based
 * @param ioQueues              I/O queue pairs to ask for with Number of Queues (07h); also sizes the
 *                              vectors requested (one per queue plus the admin vector)
 * @param adminQueueEntries     admin SQ and CQ size
 * @param adminTimeoutNanos     how long an admin command may take on the device clock before Abort
 * @param interruptRecheckNanos how long to wait for an interrupt before checking the rings anyway, so a
 *                              lost interrupt costs this much time instead of a hang; longer than the
 *                              longest aggregation time (25.5 ms) so coalescing is never cut short
 * @param pollAdmin             wait for admin completions by polling instead of by interrupt
 * @param defaultMaxIoBytes     per-slot data buffer of a queue pair created without an explicit size
 */
public record DriverOptions(InterruptMode interruptMode, int ioQueues, int adminQueueEntries,
                            long adminTimeoutNanos, long interruptRecheckNanos, boolean pollAdmin,
                            int defaultMaxIoBytes) {

    public static final DriverOptions DEFAULT = new DriverOptions(InterruptMode.MSIX, 16, 32,
            5_000_000_000L, 100_000_000L, false, 128 * 1024);

    public DriverOptions {
        if (interruptMode == null) {
            throw new IllegalArgumentException("An interrupt mode is required (MSIX, MSI or PIN).");
        }
        if (ioQueues < 1 || ioQueues > 65535) {
            throw new IllegalArgumentException("The number of I/O queues must be 1..65535, not " + ioQueues + ".");
        }
        if (adminQueueEntries < 2 || adminQueueEntries > 4096) {
            throw new IllegalArgumentException("The admin queue needs 2..4096 entries, not " + adminQueueEntries + ".");
        }
        if (adminTimeoutNanos <= 0 || interruptRecheckNanos <= 0) {
            throw new IllegalArgumentException("Timeouts must be positive.");
        }
        if (defaultMaxIoBytes < 512 || defaultMaxIoBytes > IoQueuePair.MAX_IO_BYTES) {
            throw new IllegalArgumentException("The per-slot buffer must be 512 B..2 MiB, not " + defaultMaxIoBytes + " B.");
        }
    }

    public DriverOptions withInterruptMode(InterruptMode mode) {
        return new DriverOptions(mode, ioQueues, adminQueueEntries, adminTimeoutNanos, interruptRecheckNanos,
                pollAdmin, defaultMaxIoBytes);
    }

    public DriverOptions withIoQueues(int queues) {
        return new DriverOptions(interruptMode, queues, adminQueueEntries, adminTimeoutNanos, interruptRecheckNanos,
                pollAdmin, defaultMaxIoBytes);
    }

    public DriverOptions withAdminTimeoutNanos(long nanos) {
        return new DriverOptions(interruptMode, ioQueues, adminQueueEntries, nanos, interruptRecheckNanos,
                pollAdmin, defaultMaxIoBytes);
    }

    public DriverOptions withInterruptRecheckNanos(long nanos) {
        return new DriverOptions(interruptMode, ioQueues, adminQueueEntries, adminTimeoutNanos, nanos,
                pollAdmin, defaultMaxIoBytes);
    }

    public DriverOptions withPollAdmin(boolean poll) {
        return new DriverOptions(interruptMode, ioQueues, adminQueueEntries, adminTimeoutNanos, interruptRecheckNanos,
                poll, defaultMaxIoBytes);
    }
}
