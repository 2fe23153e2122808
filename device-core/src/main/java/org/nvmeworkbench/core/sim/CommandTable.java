package org.nvmeworkbench.core.sim;

import java.util.Arrays;

/**
 * Commands the controller has fetched and not yet completed, in primitive arrays indexed by slot.
 * The table's size bounds the controller's outstanding commands: when it is full the controller stops
 * fetching until a slot frees, as hardware does.
 */
final class CommandTable {
    static final int FREE = 0;
    static final int RUNNING = 1;
    /** Held until something happens (Asynchronous Event Request). */
    static final int HELD = 2;
    /** A stuck-command fault: completes only when aborted or on reset. */
    static final int STUCK = 3;
    static final int WAITING_FOR_CQ = 4;
    /** Its SQ was deleted while it waited for CQ space: freed without a completion. */
    static final int DROPPED = 5;

    final int capacity;
    final int[] state;
    final int[] sqid;
    final int[] cid;
    final int[] opcode;
    final int[] status;
    final int[] result;
    final boolean[] dnr;
    final int[] generation;
    final int[] next; // CQ wait list link
    final int[] blocks;
    final long[] slba;
    final long[] prp1;
    final long[] prp2;
    private final int[] freeSlots;
    private int freeTop;

    CommandTable(int capacity) {
        this.capacity = capacity;
        state = new int[capacity];
        sqid = new int[capacity];
        cid = new int[capacity];
        opcode = new int[capacity];
        status = new int[capacity];
        result = new int[capacity];
        dnr = new boolean[capacity];
        generation = new int[capacity];
        next = new int[capacity];
        blocks = new int[capacity];
        slba = new long[capacity];
        prp1 = new long[capacity];
        prp2 = new long[capacity];
        freeSlots = new int[capacity];
        clear();
    }

    void clear() {
        Arrays.fill(state, FREE);
        for (int i = 0; i < capacity; i++) {
            generation[i]++;
            freeSlots[i] = capacity - 1 - i;
        }
        freeTop = capacity;
    }

    /** A free slot, or -1 when every slot is in use. */
    int allocate() {
        if (freeTop == 0) {
            return -1;
        }
        int slot = freeSlots[--freeTop];
        state[slot] = RUNNING;
        status[slot] = 0;
        result[slot] = 0;
        dnr[slot] = false;
        next[slot] = -1;
        return slot;
    }

    void release(int slot) {
        state[slot] = FREE;
        generation[slot]++;
        freeSlots[freeTop++] = slot;
    }

    int inUse() {
        return capacity - freeTop;
    }
}
