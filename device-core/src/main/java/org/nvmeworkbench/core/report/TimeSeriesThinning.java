package org.nvmeworkbench.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nvmeworkbench.core.record.TimeSample;

/**
 * A run's time series as a chart draws it: one sample per 100 ms of device time is 450,000 samples for a
 * 12.5-hour run, which made a 525 MB HTML report. Beyond {@link #MAX_POINTS} consecutive samples are merged:
 * the mean IOPS, interrupt rate, p50 and in-flight count, and the highest p99, so a latency spike stays
 * visible. The record keeps every sample; the CSV export writes them all.
 */
final class TimeSeriesThinning {
    /** Enough points for any chart width a report has. */
    static final int MAX_POINTS = 2000;

    private TimeSeriesThinning() {
    }

    /** How many samples go into one drawn point: 1 when the series is short enough. */
    static int factor(int samples) {
        return samples <= MAX_POINTS ? 1 : (samples + MAX_POINTS - 1) / MAX_POINTS;
    }

    static List<TimeSample> forChart(List<TimeSample> series) {
        int k = factor(series.size());
        if (k == 1) {
            return series;
        }
        List<TimeSample> out = new ArrayList<>(series.size() / k + 1);
        for (int from = 0; from < series.size(); from += k) {
            int to = Math.min(series.size(), from + k);
            double iops = 0;
            double irq = 0;
            double p50 = 0;
            double inFlight = 0;
            long p99 = 0;
            for (int i = from; i < to; i++) {
                TimeSample t = series.get(i);
                iops += t.iops();
                irq += t.interruptsPerSecond();
                p50 += t.p50Nanos();
                inFlight += t.inFlight();
                p99 = Math.max(p99, t.p99Nanos());
            }
            int n = to - from;
            out.add(new TimeSample(series.get(to - 1).atNanos(), iops / n, irq / n, Math.round(p50 / n), p99,
                    (int) Math.round(inFlight / n)));
        }
        return out;
    }

    /** The caption's note when a run's series was thinned, else empty. */
    static String note(List<Integer> sampleCounts) {
        int most = sampleCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
        int k = factor(most);
        if (k == 1) {
            return "";
        }
        return String.format(Locale.ROOT, " The longest run's %,d samples are drawn as %,d points, each the mean of %d "
                + "samples (p99: their highest); the CSV export has every sample.", most, (most + k - 1) / k, k);
    }
}
