package org.nvmeworkbench.core.workload;

import org.nvmeworkbench.core.record.RunRecord;

/**
 * A running workload as a {@link RunRecord} of the part that has run: cumulative latency histogram,
 * counts and time series as of its last published slice (design pattern "live and saved runs share one
 * model"). May be called from any thread; never blocks the run.
 */
public interface LiveRecord {

    /**
     * The run so far, or null before its first slice. The same object until the run publishes again, so a
     * caller can tell that nothing changed; when the run has ended, its figures equal the finished record's.
     */
    RunRecord soFar();
}
