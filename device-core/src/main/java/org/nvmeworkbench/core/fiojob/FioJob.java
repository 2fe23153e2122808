package org.nvmeworkbench.core.fiojob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * One job of a .fio file as a workload.
 *
 * @param name        the section name (or its name= option)
 * @param description its description= option, empty when none
 * @param spec        the workload, numjobs clones as that many queue pairs; writes still need the user's
 *                    explicit permission (allowWrites is false)
 * @param notes       what of this job (and of [global] before it) the workbench does not do as fio would,
 *                    in line order
 * @param numjobs     fio's numjobs: the clones of this job (each its own queue pair)
 * @param schedule    when it runs and how it is reported: group, stonewall, wait_for, delays
 * @param pacing      rate, rate_iops and thinktime as given (kept; see the notes)
 * @param cpusAllowed fio's cpus_allowed as given, empty when none (kept for CPU placement)
 * @param refusal     why the workbench cannot run this job, one sentence naming file, line and option; empty
 *                    when it can
 * @param values      the numeric options as parsed, in the units fio's own parser reports them
 *                    ({@code --debug=parse}: bytes, counts, microseconds), e.g. "bs" -> 4096, "runtime" -> 2000000;
 *                    options with a value per direction have ".1" for the write value
 */
public record FioJob(String name, String description, WorkloadSpec spec, List<FioJobNote> notes, int numjobs,
                     JobSchedule schedule, JobPacing pacing, String cpusAllowed, String refusal, Map<String, Long> values) {
    public FioJob {
        notes = List.copyOf(notes);
        values = Map.copyOf(values);
    }

    /** The notes as sentences ("lat.fio line 3: ..."), in line order. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (FioJobNote n : notes) {
            w.add(n.sentence());
        }
        return w;
    }

    /** Whether the workbench can run it. */
    public boolean runnable() {
        return refusal.isEmpty();
    }

    /**
     * When a job runs and how it is reported (fio's HOWTO, "Job description" and "Measurements and reporting").
     *
     * @param group           fio's group id: 0 for the first job, one more at each stonewall or new_group
     * @param stonewall       "wait for preceding jobs in the job file to exit, before starting this one"
     * @param waitFor         wait_for: the job to wait for, empty when none
     * @param groupReporting  report the clones (numjobs) of the group as one
     * @param startDelayNanos startdelay
     * @param rampNanos       ramp_time
     */
    public record JobSchedule(int group, boolean stonewall, String waitFor, boolean groupReporting,
                              long startDelayNanos, long rampNanos) {
    }

    /**
     * fio's rate limits and think time, as given.
     *
     * @param rateBytes     rate= for reads and writes, bytes per second (0 = none)
     * @param rateIops      rate_iops= (0 = none)
     * @param thinktimeNanos thinktime= (0 = none)
     */
    public record JobPacing(long[] rateBytes, long[] rateIops, long thinktimeNanos) {
        public boolean any() {
            return rateBytes[0] + rateBytes[1] + rateIops[0] + rateIops[1] + thinktimeNanos > 0;
        }
    }
}
