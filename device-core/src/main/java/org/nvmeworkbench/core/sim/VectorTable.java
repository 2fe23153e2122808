package org.nvmeworkbench.core.sim;

import java.util.Arrays;

import org.nvmeworkbench.core.pci.InterruptMode;

/**
 * The function's interrupt side: mode and granted vectors, the MSI-X table (16-byte entries; vector
 * control bit 0 = mask) and pending-bit array, the INTMS mask for pin-based and MSI, and per vector the
 * signals delivered (counts) and whether one is waiting to be consumed (an eventfd with a non-zero
 * counter). {@code maskVector} and MSI-X table writes change the same state.
 */
final class VectorTable {
    final int tableSize;
    final int capacity;
    InterruptMode mode;
    int granted;
    final int[] entries;
    final boolean[] pending;
    final long[] count;
    final long[] ready;
    int readyCount;
    int intms;
    boolean functionMask;

    VectorTable(int tableSize) {
        this.tableSize = tableSize;
        this.capacity = Math.max(tableSize, 32);
        entries = new int[tableSize * 4];
        pending = new boolean[capacity];
        count = new long[capacity];
        ready = new long[(capacity + 63) >>> 6];
        powerOn();
    }

    /** PCI power-on: MSI-X entries masked, nothing pending, no mode. */
    void powerOn() {
        mode = null;
        granted = 0;
        Arrays.fill(entries, 0);
        for (int v = 0; v < tableSize; v++) {
            entries[v * 4 + 3] = 1;
        }
        intms = 0;
        functionMask = false;
        clearSignals();
    }

    void clearSignals() {
        Arrays.fill(pending, false);
        Arrays.fill(count, 0);
        Arrays.fill(ready, 0);
        readyCount = 0;
    }

    boolean isMasked(int v) {
        if (mode == InterruptMode.MSIX) {
            return v < tableSize && (functionMask || (entries[v * 4 + 3] & 1) != 0);
        }
        if (mode == InterruptMode.PIN || mode == InterruptMode.MSI) {
            return v < 32 && ((intms >>> v) & 1) != 0;
        }
        return false;
    }

    /** Sets or clears the mask of the current mode; returns whether the vector was masked before. */
    boolean setMasked(int v, boolean masked) {
        boolean was = isMasked(v);
        if (mode == InterruptMode.MSIX || mode == null) {
            if (v < tableSize) {
                entries[v * 4 + 3] = masked ? entries[v * 4 + 3] | 1 : entries[v * 4 + 3] & ~1;
            }
        } else if (v < 32) {
            intms = masked ? intms | (1 << v) : intms & ~(1 << v);
        }
        return was;
    }

    void markReady(int v) {
        long bit = 1L << v;
        int w = v >>> 6;
        if ((ready[w] & bit) == 0) {
            ready[w] |= bit;
            readyCount++;
        }
    }

    void consume(int v) {
        long bit = 1L << v;
        int w = v >>> 6;
        if ((ready[w] & bit) != 0) {
            ready[w] &= ~bit;
            readyCount--;
        }
    }

    /** PBA dword {@code index}: pending bits of vectors 32*index .. 32*index+31. */
    int pbaWord(int index) {
        int word = 0;
        for (int b = 0; b < 32; b++) {
            int v = index * 32 + b;
            if (v < tableSize && pending[v]) {
                word |= 1 << b;
            }
        }
        return word;
    }
}
