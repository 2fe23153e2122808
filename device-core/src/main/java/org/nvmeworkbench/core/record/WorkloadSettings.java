package org.nvmeworkbench.core.record;

import java.util.List;

/**
 * The workload a run was asked for, in fio's vocabulary; kept apart from the runner's own spec type so
 * the file format does not change when the runner does.
 *
 * @param rw            fio's rw= name, e.g. randread
 * @param blockSize     bytes per I/O
 * @param iodepth       commands kept in flight per queue
 * @param queues        I/O queue pairs
 * @param runtimeNanos  the time limit, 0 when the run was bounded by {@code ios}
 * @param ios           the I/O count limit, 0 when bounded by time
 * @param rwmixread     percentage of reads in a mixed workload
 * @param allowWrites   whether writes were allowed
 * @param polling       completions were polled instead of waited for by interrupt
 * @param coalescing    the 08h CDW11 the run asked for, or -1 when it left the device's value alone
 * @param cdVectors     vectors the run asked to have coalescing disabled (09h CD=1)
 */
public record WorkloadSettings(String rw, int blockSize, int iodepth, int queues, long runtimeNanos, long ios,
                               int rwmixread, boolean allowWrites, boolean polling, int coalescing,
                               List<Integer> cdVectors) {
    public WorkloadSettings {
        cdVectors = List.copyOf(cdVectors);
    }
}
