package org.nvmeworkbench.ui.lab;

import java.util.List;

/**
 * One ring (an SQ or a CQ) as the command path draws it, read from the simulator's real state: its
 * head, tail and phase, and the slots around them with what each holds.
 *
 * @param label  "SQ 1" or "CQ 1"
 * @param size   entries in the ring
 * @param head   the device's SQ head (next to fetch) or the CQ head the host last wrote to the doorbell
 * @param tail   the SQ tail the host last wrote to the doorbell, or the device's CQ tail (next to post)
 * @param phase  for a CQ, the phase tag the controller writes on this pass; -1 for an SQ
 * @param slots  the slots drawn, in ring order from {@link #first}
 * @param first  index of the first slot drawn (rings larger than the picture show a window)
 */
public record RingPicture(String label, int size, int head, int tail, int phase, List<Slot> slots, int first) {

    /** What a slot holds. */
    public enum Content {
        /** Nothing for anyone: free (SQ) or released to the controller (CQ). */
        EMPTY,
        /** SQ: an SQE the host wrote, not yet handed over by the doorbell. */
        WRITTEN,
        /** SQ: an SQE the controller may fetch (between head and tail). CQ: a CQE posted, not yet consumed. */
        FILLED,
        /** CQ: a CQE the host consumed, not yet released by the CQ head doorbell. */
        CONSUMED
    }

    /**
     * @param index    the slot's index in the ring
     * @param content  what it holds
     * @param cid      the command ID in the entry's memory (-1 when the slot is empty)
     * @param phase    a CQE's phase tag in memory (-1 for an SQ slot)
     * @param followed the followed command's entry sits here
     */
    public record Slot(int index, Content content, int cid, int phase, boolean followed) {
    }

    public RingPicture {
        slots = List.copyOf(slots);
    }

    /** Entries between head and tail: waiting to be fetched (SQ) or not yet released (CQ). */
    public int occupancy() {
        return size == 0 ? 0 : Math.floorMod(tail - head, size);
    }

    /** The slot with index {@code i}, or null when it is not drawn. */
    public Slot slot(int i) {
        for (Slot s : slots) {
            if (s.index() == i) {
                return s;
            }
        }
        return null;
    }

    /** One line for the ring's caption, e.g. "SQ 1: head 3, tail 4, 1 waiting (64 entries)". */
    public String describe() {
        if (size == 0) {
            return label + ": not created yet";
        }
        StringBuilder b = new StringBuilder(label).append(": head ").append(head).append(", tail ").append(tail);
        if (phase >= 0) {
            b.append(", phase ").append(phase);
        }
        int n = occupancy();
        b.append(label.startsWith("SQ") ? ", " + n + " to fetch" : ", " + n + " not released");
        return b.append(" (").append(size).append(" entries)").toString();
    }

    /** A ring that does not exist (yet). */
    public static RingPicture none(String label) {
        return new RingPicture(label, 0, 0, 0, -1, List.of(), 0);
    }
}
