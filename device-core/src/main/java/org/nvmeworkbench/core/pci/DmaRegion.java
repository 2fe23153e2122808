package org.nvmeworkbench.core.pci;

import java.nio.ByteBuffer;

/**
 * Memory that both host and device reach: a little-endian {@link ByteBuffer} view for the host and
 * the bus address (IOVA) the device uses. Page aligned (4 KiB) and zeroed when allocated.
 */
public interface DmaRegion extends AutoCloseable {

    /** The host's view, little-endian, position 0, capacity {@link #size()}. Absolute get/put only. */
    ByteBuffer buffer();

    /** The address the device uses to reach byte 0 of this region. */
    long busAddress();

    int size();

    /** Returns the memory; the region must not be used afterwards. Idempotent. */
    @Override
    void close();
}
