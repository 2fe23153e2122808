package org.nvmeworkbench.core.sim;

import java.util.Arrays;

/**
 * Interrupt coalescing state per interrupt vector: Feature 08h (global THR and TIME) and Feature 09h
 * (per-vector Coalescing Disable), as docs/nvme-reference.md states them.
 *
 * <p>The rules implemented:
 * <ul>
 * <li>Threshold = THR + 1 completion entries (THR is 0's based); window = TIME x 100 us. A 0 in either
 * field turns coalescing off: every completion is signalled at once.</li>
 * <li>Only I/O completion queues are coalesced. Vector 0 is the admin vector and is never coalesced:
 * Get Features 09h reports CD=1 for it (as QEMU does and the Samsung 960 EVO was seen to), so an I/O CQ
 * that shares vector 0 is not coalesced either, and admin completions are always signalled at once.</li>
 * <li>A completion with an error status is signalled at once and carries whatever was pending on its
 * vector.</li>
 * <li>CD=1 on a vector (09h) turns coalescing off for that vector alone.</li>
 * </ul>
 *
 * <p>The choices the spec leaves open, and the ones made here:
 * <ul>
 * <li>TIME is kept per vector: each vector has its own timer.</li>
 * <li>The timer is armed by the first completion that becomes pending after the vector was last
 * signalled, and expires TIME x 100 us later whatever happens in between; it is not re-armed by later
 * completions.</li>
 * <li>On a signal (threshold, timer, error, admin) the pending count drops to 0 and the timer is
 * disarmed.</li>
 * <li>A CQ head doorbell write does NOT restart aggregation: the count is of completions posted since
 * the last signal, not of entries the host has not consumed. So at iodepth 32 with THR 7 and a long
 * TIME, completions per interrupt is exactly 8 even when the host reaps more than 8 per wake-up.</li>
 * <li>Entries posted while the vector is masked still count; the signal they cause is held in the
 * PBA until unmask.</li>
 * </ul>
 */
final class VectorCoalescing {
    /** Returned by {@link #completionPosted} when the entry was held and the timer was armed just now. */
    static final int HELD_TIMER_ARMED = -1;
    /** Returned by {@link #completionPosted} when the entry was held behind an armed timer. */
    static final int HELD = 0;

    private final int[] pending;
    private final boolean[] armed;
    private final long[] deadline;
    private final int[] timerGeneration;
    private final boolean[] coalescingDisabled;
    /** Why {@link #completionPosted} last returned a signal: a SimTraceListener CAUSE_ constant. */
    int lastCause;
    private int threshold; // THR as encoded
    private int time; // TIME as encoded

    VectorCoalescing(int vectors) {
        pending = new int[vectors];
        armed = new boolean[vectors];
        deadline = new long[vectors];
        timerGeneration = new int[vectors];
        coalescingDisabled = new boolean[vectors];
    }

    /** Features back to their defaults (08h = 0, CD = 0 on every I/O vector) and no pending state. */
    void reset() {
        threshold = 0;
        time = 0;
        Arrays.fill(pending, 0);
        Arrays.fill(armed, false);
        Arrays.fill(coalescingDisabled, false);
        for (int i = 0; i < timerGeneration.length; i++) {
            timerGeneration[i]++;
        }
    }

    int vectors() {
        return pending.length;
    }

    /** Feature 08h CDW11 as currently set. */
    int feature08() {
        return threshold | (time << 8);
    }

    void setFeature08(int cdw11) {
        threshold = cdw11 & 0xFF;
        time = (cdw11 >>> 8) & 0xFF;
    }

    boolean coalescingDisabled(int vector) {
        return vector == 0 || coalescingDisabled[vector];
    }

    void setCoalescingDisabled(int vector, boolean disabled) {
        coalescingDisabled[vector] = disabled;
    }

    /**
     * A completion entry was posted on a CQ that signals {@code vector}. Returns the number of entries
     * the signal carries when the vector must be signalled now (>= 1), {@link #HELD} when the entry is
     * held behind an armed timer, or {@link #HELD_TIMER_ARMED} when the caller must schedule the timer
     * at {@link #deadline(int)} with {@link #timerGeneration(int)}.
     */
    int completionPosted(int vector, boolean adminQueue, boolean error, long now) {
        int carried = ++pending[vector];
        if (adminQueue || error || threshold == 0 || time == 0 || vector == 0 || coalescingDisabled[vector]
                || carried >= threshold + 1) {
            lastCause = error ? SimTraceListener.CAUSE_ERROR
                    : adminQueue || threshold == 0 || time == 0 || vector == 0 || coalescingDisabled[vector]
                            ? SimTraceListener.CAUSE_IMMEDIATE : SimTraceListener.CAUSE_THRESHOLD;
            signalled(vector);
            return carried;
        }
        if (!armed[vector]) {
            armed[vector] = true;
            deadline[vector] = now + time * 100_000L;
            timerGeneration[vector]++;
            return HELD_TIMER_ARMED;
        }
        return HELD;
    }

    /** The timer of {@code vector} fired; returns the entries to signal, or 0 if the timer is stale. */
    int timerExpired(int vector, int generation) {
        if (!armed[vector] || timerGeneration[vector] != generation) {
            return 0;
        }
        int carried = pending[vector];
        signalled(vector);
        return carried;
    }

    private void signalled(int vector) {
        pending[vector] = 0;
        if (armed[vector]) {
            armed[vector] = false;
            timerGeneration[vector]++;
        }
    }

    int pending(int vector) {
        return pending[vector];
    }

    boolean timerArmed(int vector) {
        return armed[vector];
    }

    long deadline(int vector) {
        return deadline[vector];
    }

    int timerGeneration(int vector) {
        return timerGeneration[vector];
    }
}
