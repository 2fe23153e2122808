package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.nvmeworkbench.core.pci.DmaRegion;
import org.nvmeworkbench.core.pci.PciException;

/**
 * The simulated bus: DMA regions handed to the host, each at a bus address of its own. Addresses
 * start above 4 GiB (so a driver that truncates them to 32 bits misses) and a guard page separates
 * regions (so an overrun reaches unmapped memory and fails as a data transfer error). Lookup is a
 * binary search over the few regions, with the last hit cached.
 */
final class DmaSpace {
    static final long FIRST_BUS_ADDRESS = 0x10_0000_0000L;
    private static final long PAGE = 4096;

    private long[] base = new long[16];
    private long[] end = new long[16];
    private ByteBuffer[] buffers = new ByteBuffer[16];
    private int count;
    private long nextAddress = FIRST_BUS_ADDRESS;
    private int lastHit = -1;

    DmaRegion allocate(int bytes) {
        if (bytes <= 0) {
            throw new PciException("A DMA allocation needs a positive size, not " + bytes + " bytes.");
        }
        long rounded = (bytes + PAGE - 1) & -PAGE;
        if (rounded > Integer.MAX_VALUE) {
            throw new PciException("A DMA region is limited to 2 GiB; " + bytes + " bytes were asked for.");
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) rounded).order(ByteOrder.LITTLE_ENDIAN);
        if (count == base.length) {
            base = Arrays.copyOf(base, count * 2);
            end = Arrays.copyOf(end, count * 2);
            buffers = Arrays.copyOf(buffers, count * 2);
        }
        int index = count++;
        base[index] = nextAddress;
        end[index] = nextAddress + rounded;
        buffers[index] = buffer;
        nextAddress += rounded + PAGE;
        return new Region(index, base[index], (int) rounded, buffer);
    }

    /** The index of the region holding {@code [bus, bus + length)}, or -1. */
    int find(long bus, int length) {
        int hit = lastHit;
        if (hit >= 0 && bus >= base[hit] && bus + length <= end[hit]) {
            return hit;
        }
        // The last region whose base is at or below bus (bases ascend: addresses are never reused).
        int lo = 0;
        int hi = count - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (base[mid] <= bus) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found >= 0 && bus + length <= end[found]) {
            lastHit = found;
            return found;
        }
        return -1;
    }

    ByteBuffer buffer(int index) {
        return buffers[index];
    }

    int offset(int index, long bus) {
        return (int) (bus - base[index]);
    }

    void closeAll() {
        for (int i = 0; i < count; i++) {
            end[i] = base[i];
            buffers[i] = null;
        }
        lastHit = -1;
    }

    private void release(int index) {
        end[index] = base[index];
        buffers[index] = null;
        if (lastHit == index) {
            lastHit = -1;
        }
    }

    private final class Region implements DmaRegion {
        private final int index;
        private final long bus;
        private final int size;
        private final ByteBuffer buffer;
        private boolean closed;

        Region(int index, long bus, int size, ByteBuffer buffer) {
            this.index = index;
            this.bus = bus;
            this.size = size;
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public long busAddress() {
            return bus;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(index);
            }
        }
    }
}
