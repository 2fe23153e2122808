package org.nvmeworkbench.core.workload;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.record.QueueDepths;
import org.nvmeworkbench.core.record.TimeSample;

/**
 * What the I/O loop measured, handed back once when it ends: the runner makes the run's record from
 * this and never reads the loop's own fields. Times are on the device's clock.
 *
 * @param completed               I/Os completed
 * @param errors                  of which with an error status
 * @param firstErrorStatus        the first error's status field, or -1
 * @param lostInterruptRecoveries times completions were found by polling after their interrupt never came
 * @param cancelled               whether the run was cancelled before its limit
 * @param stuckCommands           commands that did not complete even after Abort
 * @param abortsSent              Abort commands sent for commands that timed out
 * @param abortsAccepted          of which the device accepted
 * @param durationNanos           first submission to last completion
 * @param readLatency             submit-to-reap latency of reads, ns (the loop's own; not to be changed)
 * @param writeLatency            of writes
 * @param timeSeries              figures per 100 ms of device time
 * @param completionsByQid        completions per queue id (index = qid)
 * @param bytes                   bytes moved by the completed I/Os
 * @param queueDepths             how deep the queues ran, counted as fio counts it
 * @param commands                NVMe commands completed: {@code completed}, plus the extra pieces of split I/Os
 * @param splitIos                I/Os above MDTS sent as more than one command
 * @param trimLatency             of trims (Dataset Management deallocates)
 */
record IoOutcome(long completed, long errors, int firstErrorStatus, long lostInterruptRecoveries, boolean cancelled,
                 long stuckCommands, long abortsSent, long abortsAccepted, long durationNanos, Histogram readLatency,
                 Histogram writeLatency, List<TimeSample> timeSeries, long[] completionsByQid, long bytes,
                 QueueDepths queueDepths, long commands, long splitIos, Histogram trimLatency) {

    long completionsOf(int qid) {
        return qid < completionsByQid.length ? completionsByQid[qid] : 0;
    }
}
