package org.nvmeworkbench.core.sim;

import java.util.List;
import java.util.Locale;

/**
 * How the simulated media behaves: latency distributions with tails, internal parallelism (a die and
 * channel model: each LBA stripe maps to one of {@code parallelUnits} units that serve one operation
 * at a time, so more operations queue behind a busy unit) and write buffering (writes are acknowledged
 * from a buffer of {@code writeBufferBytes} that drains at {@code drainBytesPerSecond}; a full buffer
 * makes writes wait for space).
 *
 * <p>A read takes {@code readService} on its unit plus {@code readTransferNanos} outside the unit
 * (controller and bus). An unbuffered write takes {@code writeService} on its unit.
 *
 * @param name                 the profile's name, as in {@code sim:NAME}
 * @param description          one line for {@code list}
 * @param readService          time a read occupies its unit
 * @param readTransferNanos    fixed part of a read outside the unit
 * @param writeService         time an unbuffered write (or a write when there is no buffer) occupies its unit
 * @param bufferedWriteNanos   latency of a write acknowledged from the buffer
 * @param parallelUnits        concurrent media operations; 0 means unlimited
 * @param writeBufferBytes     write buffer size; 0 means writes go straight to the units
 * @param drainBytesPerSecond  rate at which the buffer drains to the media
 * @param fetchNanos           from an SQ tail doorbell to the command fetch
 * @param adminNanos           admin command execution time
 */
public record MediaProfile(String name, String description, LatencyDistribution readService, long readTransferNanos,
                           LatencyDistribution writeService, long bufferedWriteNanos, int parallelUnits,
                           long writeBufferBytes, long drainBytesPerSecond, long fetchNanos, long adminNanos) {

    /**
     * Datacenter TLC NAND. Figures: Intel SSD D7-P4610 product brief, 4 KiB random read 643K IOPS,
     * random write 199K IOPS, typical latency 77 us read and 18 us write (QD1); Samsung PM9A3 datasheet
     * in the same range (~1M random read IOPS). Body: 50 us of die time (tR) plus 25 us of controller
     * and transfer, sigma 0.15; 0.1% of reads hit a busy die or a read retry (3-8x). 32 units of 50 us
     * give at most 640K reads/s, the P4610's figure. Writes: 18 us from a 16 MiB power-loss protected
     * buffer that drains at 815 MB/s (199K x 4 KiB), so sustained random writes settle near 199K IOPS.
     * Tai et al. (OSDI 2021) measured a P3700 (older TLC-class NVMe) at 80 us with interrupts.
     */
    public static final MediaProfile TLC = new MediaProfile("tlc",
            "Datacenter TLC NAND SSD (P4610/PM9A3 class, ~77 us reads)",
            new LatencyDistribution(50_000, 0.15, 0.001, 3, 8), 25_000,
            new LatencyDistribution(600_000, 0.2, 0.01, 2, 5), 18_000,
            32, 16L << 20, 815_000_000L, 1_000, 10_000);

    /**
     * Optane-class (3D XPoint). Figures: Intel Optane SSD DC P4800X datasheet, 4 KiB random read and
     * write latency under 10 us, 550K read / 500K write IOPS, 99.999% QoS under 60 us; Tai et al.
     * (OSDI 2021): 4 KiB read 10 us with interrupts, 8 us polled. Body: 7 us on one of 4 units plus
     * 1 us transfer (8 us polled), sigma 0.05; 1e-5 of operations take 4-7x. No write buffer: XPoint
     * writes in place, about as fast as reads.
     */
    public static final MediaProfile OPTANE = new MediaProfile("optane",
            "Optane-class SSD (P4800X class, ~8 us reads)",
            new LatencyDistribution(7_000, 0.05, 0.00001, 4, 7), 1_000,
            new LatencyDistribution(8_000, 0.05, 0.00001, 4, 7), 0,
            4, 0, 0, 300, 5_000);

    /**
     * Zero media latency and unlimited parallelism: what remains is the cost of the driver, the
     * simulator and the host model, for overhead measurements. No external source; by construction.
     */
    public static final MediaProfile NULL = new MediaProfile("null",
            "Zero-latency media, for measuring driver and host overhead",
            LatencyDistribution.ZERO, 0, LatencyDistribution.ZERO, 0, 0, 0, 0, 0, 0);

    private static final List<MediaProfile> ALL = List.of(TLC, OPTANE, NULL);

    public MediaProfile {
        if (parallelUnits < 0 || writeBufferBytes < 0 || drainBytesPerSecond < 0 || readTransferNanos < 0
                || bufferedWriteNanos < 0 || fetchNanos < 0 || adminNanos < 0) {
            throw new IllegalArgumentException("Media profile figures cannot be negative.");
        }
        if (writeBufferBytes > 0 && drainBytesPerSecond == 0) {
            throw new IllegalArgumentException("A write buffer needs a drain rate.");
        }
    }

    /** The profile called {@code name} (case-insensitive), or null. */
    public static MediaProfile byName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (MediaProfile p : ALL) {
            if (p.name.equals(n)) {
                return p;
            }
        }
        return null;
    }

    /** The built-in profile names, default first. */
    public static List<String> names() {
        return List.of(TLC.name, OPTANE.name, NULL.name);
    }

    public static List<MediaProfile> all() {
        return ALL;
    }
}
