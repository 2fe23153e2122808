package org.nvmeworkbench.core.vfio;

import java.util.Map;
import java.util.TreeMap;

/**
 * Hands out I/O virtual addresses for DMA mappings: first fit over a free list, 4 KiB aligned, freed
 * ranges merged again. The window stays below 2^39 (what emulated and many real IOMMUs translate) and
 * never touches 0xFEE00000-0xFEEFFFFF, where x86 routes MSI writes instead of memory (docs/nvme-reference.md).
 * Address 0 is kept free so a bus address of 0 always means a bug. Setup only: not thread-safe.
 */
final class IovaAllocator {
    static final long PAGE = 4096;
    static final long FIRST = 0x10_0000L;
    static final long LIMIT = 1L << 39;
    static final long MSI_WINDOW_START = 0xFEE0_0000L;
    static final long MSI_WINDOW_END = 0xFEF0_0000L;

    /** start -> end (exclusive) of each free range. */
    private final TreeMap<Long, Long> free = new TreeMap<>();

    IovaAllocator() {
        free.put(FIRST, MSI_WINDOW_START);
        free.put(MSI_WINDOW_END, LIMIT);
    }

    /** A page-aligned range of at least {@code bytes}; throws when the window is exhausted. */
    long allocate(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("A DMA mapping needs at least one byte, not " + bytes + ".");
        }
        long size = roundUp(bytes);
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            long start = e.getKey();
            long end = e.getValue();
            if (end - start >= size) {
                free.remove(start);
                if (end - start > size) {
                    free.put(start + size, end);
                }
                return start;
            }
        }
        throw new IllegalStateException("No I/O virtual address range of " + size + " bytes is left below 2^39.");
    }

    /** Returns a range handed out by {@link #allocate} with the same {@code bytes}. */
    void release(long iova, long bytes) {
        long start = iova;
        long end = iova + roundUp(bytes);
        Map.Entry<Long, Long> before = free.floorEntry(start);
        if (before != null && before.getValue() > start) {
            throw new IllegalStateException("I/O virtual address 0x" + Long.toHexString(iova) + " is already free.");
        }
        if (before != null && before.getValue() == start) {
            start = before.getKey();
            free.remove(start);
        }
        Long after = free.get(end);
        if (after != null) {
            free.remove(end);
            end = after;
        }
        free.put(start, end);
    }

    /** Free bytes left, for tests and diagnostics. */
    long freeBytes() {
        long n = 0;
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            n += e.getValue() - e.getKey();
        }
        return n;
    }

    static long roundUp(long bytes) {
        return (bytes + PAGE - 1) & -PAGE;
    }
}
