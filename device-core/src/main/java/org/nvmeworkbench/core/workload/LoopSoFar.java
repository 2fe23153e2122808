package org.nvmeworkbench.core.workload;

import java.util.List;

import org.nvmeworkbench.core.record.TimeSample;

/** The read side of what an {@link IoLoop} publishes per slice: its cumulative latency and its time series. */
record LoopSoFar(PublishedLatency latency, TimeSeriesRecorder series) {

    long version() {
        return latency.version();
    }

    PublishedLatency.Copy latencyCopy() {
        return latency.read();
    }

    List<TimeSample> timeSeries() {
        return series.soFar();
    }
}
