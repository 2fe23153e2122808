package org.nvmeworkbench.core.sweep;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * One point of a sweep grid: Feature 08h's raw fields and the queue depth.
 *
 * @param threshold THR, 0's based (0..255)
 * @param time      TIME in 100 us units (0..255)
 * @param iodepth   commands in flight per queue
 */
public record SweepSetting(int threshold, int time, int iodepth) {
    public SweepSetting {
        new InterruptCoalescing(threshold, time); // validates both fields with the spec's sentence
        if (iodepth < 1) {
            throw new IllegalArgumentException("iodepth must be at least 1, not " + iodepth + ".");
        }
    }

    public InterruptCoalescing coalescing() {
        return new InterruptCoalescing(threshold, time);
    }

    /** "THR 7, TIME 2, iodepth 32". */
    public String label() {
        return "THR " + threshold + ", TIME " + time + ", iodepth " + iodepth;
    }

    /** A file-name-safe name, e.g. "thr7-time2-qd32". */
    public String fileStem() {
        return "thr" + threshold + "-time" + time + "-qd" + iodepth;
    }
}
