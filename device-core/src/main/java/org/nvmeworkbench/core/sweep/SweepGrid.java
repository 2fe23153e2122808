package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * THR x TIME (x iodepth) to sweep, in the order given; duplicates are dropped. Points run iodepth-major,
 * then THR, then TIME, so a table of the results reads like the grid.
 */
public record SweepGrid(List<Integer> thresholds, List<Integer> times, List<Integer> iodepths) {
    public SweepGrid {
        thresholds = distinct(thresholds, "THR");
        times = distinct(times, "TIME");
        iodepths = distinct(iodepths, "iodepth");
    }

    private static List<Integer> distinct(List<Integer> values, String what) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("A sweep needs at least one " + what + " value.");
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    public int size() {
        return thresholds.size() * times.size() * iodepths.size();
    }

    /** Every point, validated. */
    public List<SweepSetting> settings() {
        List<SweepSetting> out = new ArrayList<>(size());
        for (int d : iodepths) {
            for (int thr : thresholds) {
                for (int time : times) {
                    out.add(new SweepSetting(thr, time, d));
                }
            }
        }
        return out;
    }
}
