package org.nvmeworkbench.core.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Media timing from a {@link MediaProfile}: when an operation issued now completes. Units (dies or
 * channels) serve one operation at a time; an operation goes to the unit its LBA stripe maps to and
 * waits for it. The write buffer is a level that drains at a constant rate. O(1), no allocation.
 */
final class MediaModel {
    /** LBA stripe per unit: 16 KiB, a NAND page. */
    private static final int STRIPE_SHIFT = 14;

    private final MediaProfile profile;
    private final SplittableRandom random;
    private final long[] unitFreeAt;
    /** When the last operation's service started (after waiting for its unit or the buffer), ns. */
    private long lastStart;
    private double bufferLevel; // bytes
    private long bufferUpdatedAt;

    MediaModel(MediaProfile profile, SplittableRandom random) {
        this.profile = profile;
        this.random = random;
        this.unitFreeAt = new long[Math.max(1, profile.parallelUnits())];
    }

    void reset() {
        Arrays.fill(unitFreeAt, 0);
        bufferLevel = 0;
        bufferUpdatedAt = 0;
    }

    /** When the operation last asked for started its service: at {@code now}, or once its unit was free. */
    long lastStart() {
        return lastStart;
    }

    long readDone(long now, long byteOffset) {
        long service = profile.readService().sample(random);
        return onUnit(now, byteOffset, service) + profile.readTransferNanos();
    }

    long writeDone(long now, long byteOffset, int bytes) {
        if (profile.writeBufferBytes() == 0) {
            return onUnit(now, byteOffset, profile.writeService().sample(random));
        }
        drain(now);
        long wait = 0;
        double over = bufferLevel + bytes - profile.writeBufferBytes();
        if (over > 0) {
            wait = (long) Math.ceil(over * 1e9 / profile.drainBytesPerSecond());
        }
        bufferLevel += bytes;
        lastStart = now + wait;
        return now + wait + profile.bufferedWriteNanos();
    }

    /**
     * A Dataset Management deallocate of {@code ranges} ranges: no data moves and no die is read or
     * programmed; the controller updates its logical-to-physical map. The model charges each range as a
     * metadata write: acknowledged from the power-loss protected buffer (the profile's buffered write
     * time, taking no buffer space, since the map update is a few bytes), or, without a buffer, one
     * write on the unit of the range's first block, as an in-place medium updates its map there.
     */
    long deallocateDone(long now, long byteOffset, int ranges) {
        if (profile.writeBufferBytes() > 0) {
            lastStart = now;
            return now + (long) ranges * profile.bufferedWriteNanos();
        }
        long done = now;
        for (int i = 0; i < ranges; i++) {
            done = onUnit(done, byteOffset, profile.writeService().sample(random));
        }
        return done;
    }

    /** A flush completes when the buffer has drained. */
    long flushDone(long now) {
        lastStart = now;
        if (profile.writeBufferBytes() == 0) {
            return now;
        }
        drain(now);
        return now + (long) Math.ceil(bufferLevel * 1e9 / profile.drainBytesPerSecond());
    }

    double bufferLevel() {
        return bufferLevel;
    }

    private void drain(long now) {
        if (now > bufferUpdatedAt) {
            bufferLevel = Math.max(0, bufferLevel - (now - bufferUpdatedAt) * (profile.drainBytesPerSecond() / 1e9));
            bufferUpdatedAt = now;
        }
    }

    private long onUnit(long now, long byteOffset, long service) {
        if (profile.parallelUnits() == 0) {
            lastStart = now;
            return now + service;
        }
        int unit = unitOf(byteOffset >>> STRIPE_SHIFT);
        long start = Math.max(now, unitFreeAt[unit]);
        lastStart = start;
        long done = start + service;
        unitFreeAt[unit] = done;
        return done;
    }

    private int unitOf(long stripe) {
        // A fixed scramble spreads neighbouring stripes over the units, as controllers interleave pages.
        long h = stripe * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int) Long.remainderUnsigned(h, unitFreeAt.length);
    }
}
