package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.report.Percentiles;

/**
 * The setting a sweep recommends for a latency target and why, in one or two sentences.
 *
 * @param chosen      the recommended point; when no point meets the target, the lowest-latency one; null
 *                    when there were no points or no target
 * @param meetsTarget whether {@code chosen} meets the target
 * @param explanation what was chosen and why, or what to do when nothing qualifies
 */
public record Recommendation(SweepPoint chosen, boolean meetsTarget, String explanation) {

    /**
     * Among the points whose latency at {@code percentile} is at most {@code targetNanos}, the one with the
     * lowest cost; ties go to lower latency, then the smaller THR and TIME. {@code targetNanos <= 0} means
     * no target was given.
     */
    public static Recommendation choose(List<SweepPoint> points, double percentile, long targetNanos, SweepCost cost) {
        String p = "p" + Percentiles.label(percentile);
        if (points.isEmpty()) {
            return new Recommendation(null, false, "No point of the sweep finished, so there is nothing to recommend.");
        }
        Comparator<SweepPoint> cheapest = Comparator.comparingDouble((SweepPoint x) -> x.cost(cost))
                .thenComparingLong(x -> x.latency(percentile))
                .thenComparingInt(x -> x.setting().threshold())
                .thenComparingInt(x -> x.setting().time());
        if (targetNanos <= 0) {
            List<SweepPoint> front = ParetoFront.of(points, cost, percentile);
            return new Recommendation(null, false, "No latency target was given (e.g. --slo-p99 200us); the "
                    + front.size() + " setting(s) on the Pareto front trade " + cost.label() + " for " + p
                    + ", from " + describe(front.get(0), percentile, cost, p) + " to "
                    + describe(front.get(front.size() - 1), percentile, cost, p) + ".");
        }
        List<SweepPoint> meeting = new ArrayList<>();
        for (SweepPoint x : points) {
            if (x.latency(percentile) <= targetNanos) {
                meeting.add(x);
            }
        }
        String target = p + " <= " + Figures.latency(targetNanos);
        if (meeting.isEmpty()) {
            SweepPoint fastest = points.stream().min(Comparator.comparingLong((SweepPoint x) -> x.latency(percentile))
                    .thenComparing(cheapest)).orElseThrow();
            return new Recommendation(fastest, false, "No setting meets " + target + ": the lowest " + p + " is "
                    + Figures.latency(fastest.latency(percentile)) + " (" + fastest.setting().label()
                    + "). Relax the target, lower the iodepth (queueing adds latency) or use faster media; "
                    + "coalescing cannot make completions arrive sooner than they do with it off.");
        }
        SweepPoint best = meeting.stream().min(cheapest).orElseThrow();
        StringBuilder s = new StringBuilder();
        s.append(best.setting().label()).append(" (").append(best.setting().coalescing().describe()).append(") meets ")
                .append(target).append(" at ").append(Figures.latency(best.latency(percentile))).append(" with ")
                .append(Figures.count(best.cost(cost))).append(' ').append(cost.label()).append(", the least of the ")
                .append(meeting.size()).append(" of ").append(points.size()).append(" settings that meet it");
        SweepPoint off = offAt(points, best.setting().iodepth());
        if (off != null && off != best && off.cost(cost) > 0) {
            s.append("; coalescing off at the same iodepth costs ").append(Figures.count(off.cost(cost))).append(' ')
                    .append(cost.label());
            if (best.cost(cost) > 0) {
                s.append(String.format(java.util.Locale.ROOT, " (%.1fx)", off.cost(cost) / best.cost(cost)));
            }
        }
        s.append('.');
        return new Recommendation(best, true, s.toString());
    }

    private static String describe(SweepPoint x, double percentile, SweepCost cost, String p) {
        return x.setting().label() + " (" + Figures.count(x.cost(cost)) + " " + cost.label() + ", " + p + " "
                + Figures.latency(x.latency(percentile)) + ")";
    }

    /** The point with coalescing off (THR 0 or TIME 0) at {@code iodepth}, the baseline of the saving. */
    private static SweepPoint offAt(List<SweepPoint> points, int iodepth) {
        for (SweepPoint x : points) {
            if (x.setting().iodepth() == iodepth && !x.setting().coalescing().enabled()) {
                return x;
            }
        }
        return null;
    }
}
