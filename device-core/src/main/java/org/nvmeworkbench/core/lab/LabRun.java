package org.nvmeworkbench.core.lab;

import org.nvmeworkbench.core.driver.HostInterruptWork;
import org.nvmeworkbench.core.record.RunRecord;

/**
 * One run of a scenario (the first, or a rerun after new feature values), with the figures the Lab's
 * own trace measured.
 *
 * @param label                  what the run was ("as set", or the rerun's label)
 * @param result                 the workload's result, as the Runs view shows it
 * @param meanInterruptResponse  mean device time from a signal being raised to the host consuming the
 *                               first completion it carried (ns); 0 when no interrupt carried any
 * @param journeys               commands followed through all eight steps in this run
 * @param hostWork               what the driver's interrupt handler did in this run, as it counted it
 */
public record LabRun(String label, RunRecord result, double meanInterruptResponse, long journeys,
                     HostInterruptWork hostWork) {

    /** Interrupts per second of device time. */
    public double interruptsPerSecond() {
        return result.durationNanos() == 0 ? 0 : result.totals().interrupts() * 1e9 / result.durationNanos();
    }

    /** Read latency percentile {@code p} (0..100) in ns; 0 without reads. */
    public long readPercentileNanos(double p) {
        return result.readLatency().count() == 0 ? 0 : result.readLatency().valueAtPercentile(p);
    }
}
