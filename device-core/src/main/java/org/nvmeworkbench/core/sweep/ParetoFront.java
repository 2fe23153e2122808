package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The settings no other setting beats on both counts: lower (or equal) cost and lower (or equal) latency
 * at the chosen percentile, one of them strictly. Everything off the front is a setting to avoid.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** The non-dominated points, cheapest first. */
    public static List<SweepPoint> of(List<SweepPoint> points, SweepCost cost, double percentile) {
        List<SweepPoint> front = new ArrayList<>();
        for (SweepPoint p : points) {
            boolean dominated = false;
            for (SweepPoint q : points) {
                if (q != p && dominates(q, p, cost, percentile)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(p);
            }
        }
        front.sort(Comparator.comparingDouble((SweepPoint p) -> p.cost(cost)).thenComparingLong(p -> p.latency(percentile)));
        return front;
    }

    static boolean dominates(SweepPoint a, SweepPoint b, SweepCost cost, double percentile) {
        double ca = a.cost(cost);
        double cb = b.cost(cost);
        long la = a.latency(percentile);
        long lb = b.latency(percentile);
        return ca <= cb && la <= lb && (ca < cb || la < lb);
    }
}
