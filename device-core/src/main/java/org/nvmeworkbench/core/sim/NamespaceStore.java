package org.nvmeworkbench.core.sim;

import java.nio.ByteBuffer;
import java.util.logging.Logger;

/**
 * The data of namespace 1, kept sparsely: 64 KiB chunks allocated on their first write, in a two-level
 * directory so a 3.84 TB namespace costs a few hundred KiB until written. Never-written blocks read as
 * zeros.
 *
 * <p>At most {@code retainedBytes} of chunks are kept. Beyond that, writes to chunks not yet allocated
 * are acknowledged but their data is dropped (reads of those blocks return zeros), counted in
 * {@link #droppedBytes()} and logged once; chunks already allocated keep taking writes.
 */
final class NamespaceStore {
    private static final Logger LOG = Logger.getLogger(NamespaceStore.class.getName());
    static final int CHUNK_SHIFT = 16;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int DIR_SHIFT = 10; // chunks per directory page
    private static final byte[] ZEROS = new byte[CHUNK];

    private final long capacityBytes;
    private final long retainedBytes;
    private byte[][][] directory;
    private long allocatedBytes;
    private long droppedBytes;
    private boolean warned;

    NamespaceStore(long capacityBytes, long retainedBytes) {
        this.capacityBytes = capacityBytes;
        this.retainedBytes = retainedBytes;
        clear();
    }

    void clear() {
        long chunks = (capacityBytes + CHUNK - 1) >>> CHUNK_SHIFT;
        directory = new byte[(int) ((chunks + (1 << DIR_SHIFT) - 1) >>> DIR_SHIFT)][][];
        allocatedBytes = 0;
        droppedBytes = 0;
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    long droppedBytes() {
        return droppedBytes;
    }

    /** Copies {@code length} bytes at namespace byte {@code from} into {@code dst} at {@code at}. */
    void read(long from, ByteBuffer dst, int at, int length) {
        while (length > 0) {
            int inChunk = (int) (from & (CHUNK - 1));
            int n = Math.min(length, CHUNK - inChunk);
            byte[] chunk = chunk(from >>> CHUNK_SHIFT, false);
            if (chunk == null) {
                dst.put(at, ZEROS, 0, n);
            } else {
                dst.put(at, chunk, inChunk, n);
            }
            from += n;
            at += n;
            length -= n;
        }
    }

    /** Copies {@code length} bytes from {@code src} at {@code at} to namespace byte {@code to}. */
    void write(long to, ByteBuffer src, int at, int length) {
        while (length > 0) {
            int inChunk = (int) (to & (CHUNK - 1));
            int n = Math.min(length, CHUNK - inChunk);
            byte[] chunk = chunk(to >>> CHUNK_SHIFT, true);
            if (chunk == null) {
                droppedBytes += n;
            } else {
                src.get(at, chunk, inChunk, n);
            }
            to += n;
            at += n;
            length -= n;
        }
    }

    /**
     * Deallocates {@code length} bytes at namespace byte {@code from}: a chunk wholly inside is freed (its
     * memory returns to the retained budget), a partly covered one has those bytes zeroed, so deallocated
     * blocks read as zeros, as Identify Namespace's DLFEAT says.
     */
    void deallocate(long from, long length) {
        while (length > 0) {
            int inChunk = (int) (from & (CHUNK - 1));
            int n = (int) Math.min(length, CHUNK - inChunk);
            long index = from >>> CHUNK_SHIFT;
            byte[][] page = directory[(int) (index >>> DIR_SHIFT)];
            int slot = (int) (index & ((1 << DIR_SHIFT) - 1));
            if (page != null && page[slot] != null) {
                if (n == CHUNK) {
                    page[slot] = null;
                    allocatedBytes -= CHUNK;
                } else {
                    java.util.Arrays.fill(page[slot], inChunk, inChunk + n, (byte) 0);
                }
            }
            from += n;
            length -= n;
        }
    }

    private byte[] chunk(long index, boolean create) {
        int dir = (int) (index >>> DIR_SHIFT);
        byte[][] page = directory[dir];
        if (page == null) {
            if (!create) {
                return null;
            }
            page = new byte[1 << DIR_SHIFT][];
            directory[dir] = page;
        }
        int slot = (int) (index & ((1 << DIR_SHIFT) - 1));
        byte[] chunk = page[slot];
        if (chunk == null && create) {
            if (allocatedBytes + CHUNK > retainedBytes) {
                if (!warned) {
                    warned = true;
                    LOG.warning("The simulator keeps at most " + (retainedBytes >> 20)
                            + " MiB of written data; further writes to new places are not retained and read back as zeros.");
                }
                return null;
            }
            chunk = new byte[CHUNK];
            page[slot] = chunk;
            allocatedBytes += CHUNK;
        }
        return chunk;
    }
}
