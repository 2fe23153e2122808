package org.nvmeworkbench.core.spec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The data buffer of an Identify command: every CNS returns one 4 KiB structure, little endian, at
 * absolute offsets (NVMe base spec, Identify command). Views leave the caller's position and order alone.
 */
final class IdentifyBuffer {
    /** Bytes in every Identify data structure. */
    static final int SIZE = 4096;

    private IdentifyBuffer() {
    }

    /** A little-endian view of {@code b} to read {@code structure} (e.g. "Identify Namespace") from. */
    static ByteBuffer reading(ByteBuffer b, String structure) {
        if (b.limit() < SIZE) {
            throw new IllegalArgumentException(structure + " data is 4096 bytes, not " + b.limit() + ".");
        }
        return b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A little-endian view of {@code b} to write {@code structure} into, its 4096 bytes already zeroed. */
    static ByteBuffer writing(ByteBuffer b, String structure) {
        if (b.limit() < SIZE) {
            throw new IllegalArgumentException(structure + " data needs 4096 bytes, not " + b.limit() + ".");
        }
        ByteBuffer p = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < SIZE; i += 8) {
            p.putLong(i, 0L);
        }
        return p;
    }
}
