package org.nvmeworkbench.core.sim;

import java.util.Arrays;

/**
 * The simulator's pending events: a binary min-heap over primitive arrays, ordered by (time, sequence)
 * so that events at the same instant run in the order they were scheduled. Slots are recycled, so
 * scheduling and popping allocate nothing once the arrays have grown to the working set.
 */
final class EventQueue {
    static final int CONTROLLER_READY = 1;
    static final int SHUTDOWN_COMPLETE = 2;
    static final int SQ_FETCH = 3;
    static final int COMMAND_DONE = 4;
    static final int COALESCING_TIMER = 5;
    static final int INTERRUPT_DELIVERY = 6;
    static final int CQ_DRAIN = 7;
    /** Traced runs only: a command's media service starts (its unit was busy until then). */
    static final int MEDIA_START = 8;

    private long[] time;
    private long[] seq;
    private int[] kind;
    private int[] argA;
    private int[] argB;
    private int[] epoch;
    private int[] heap;
    private int[] position; // slot -> index in heap
    private int[] freeSlots;
    private int freeTop;
    private int size;
    private long nextSeq;

    // The event last popped.
    long poppedTime;
    int poppedKind;
    int poppedA;
    int poppedB;
    int poppedEpoch;

    EventQueue(int capacity) {
        allocate(capacity);
    }

    private void allocate(int capacity) {
        time = new long[capacity];
        seq = new long[capacity];
        kind = new int[capacity];
        argA = new int[capacity];
        argB = new int[capacity];
        epoch = new int[capacity];
        heap = new int[capacity];
        position = new int[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeTop = capacity;
    }

    private void grow() {
        int old = time.length;
        int cap = old * 2;
        time = Arrays.copyOf(time, cap);
        seq = Arrays.copyOf(seq, cap);
        kind = Arrays.copyOf(kind, cap);
        argA = Arrays.copyOf(argA, cap);
        argB = Arrays.copyOf(argB, cap);
        epoch = Arrays.copyOf(epoch, cap);
        heap = Arrays.copyOf(heap, cap);
        position = Arrays.copyOf(position, cap);
        freeSlots = Arrays.copyOf(freeSlots, cap);
        for (int i = old; i < cap; i++) {
            freeSlots[freeTop++] = i;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Time of the earliest event; only valid when not empty. */
    long peekTime() {
        return time[heap[0]];
    }

    /** Schedules an event; returns its slot, valid for {@link #cancel} until the event is popped. */
    int schedule(long t, int k, int a, int b, int ep) {
        if (freeTop == 0) {
            grow();
        }
        int slot = freeSlots[--freeTop];
        time[slot] = t;
        seq[slot] = nextSeq++;
        kind[slot] = k;
        argA[slot] = a;
        argB[slot] = b;
        epoch[slot] = ep;
        siftUp(size++, slot);
        return slot;
    }

    /** Removes the earliest event into the popped* fields. */
    void pop() {
        int slot = heap[0];
        poppedTime = time[slot];
        poppedKind = kind[slot];
        poppedA = argA[slot];
        poppedB = argB[slot];
        poppedEpoch = epoch[slot];
        removeAt(0);
        freeSlots[freeTop++] = slot;
    }

    /** Removes a scheduled event that has not been popped yet. */
    void cancel(int slot) {
        removeAt(position[slot]);
        freeSlots[freeTop++] = slot;
    }

    private void removeAt(int i) {
        int last = heap[--size];
        if (i == size) {
            return;
        }
        siftDown(i, last);
        if (heap[i] == last) {
            siftUp(i, last);
        }
    }

    private void siftUp(int i, int slot) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!before(slot, p)) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = slot;
        position[slot] = i;
    }

    private void siftDown(int i, int slot) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!before(c, slot)) {
                break;
            }
            heap[i] = c;
            position[c] = i;
            i = child;
        }
        heap[i] = slot;
        position[slot] = i;
    }

    void clear() {
        size = 0;
        freeTop = 0;
        int capacity = time.length;
        for (int i = 0; i < capacity; i++) {
            freeSlots[freeTop++] = capacity - 1 - i;
        }
    }

    private boolean before(int x, int y) {
        long tx = time[x];
        long ty = time[y];
        return tx < ty || (tx == ty && seq[x] < seq[y]);
    }
}
