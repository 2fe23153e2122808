package org.nvmeworkbench.core.driver;

/**
 * What the host's interrupt handler did, counted by {@link IoInterruptHandler} as it did it: interrupts
 * taken, completion queues examined (and how many of those examinations found nothing), INTMS/INTMC
 * writes and CQ head doorbell writes. A snapshot; {@link #minus} gives one run's share.
 *
 * @param interrupts        interrupts the handler took
 * @param cqsExamined       completion queues looked at for new entries
 * @param emptyExaminations examinations that found no new entry (wasted work)
 * @param maskSetWrites     INTMS writes (mask on entry; pin-based and MSI only)
 * @param maskClearWrites   INTMC writes (unmask after the doorbells; pin-based and MSI only)
 * @param cqHeadDoorbells   CQ head doorbell writes
 */
public record HostInterruptWork(long interrupts, long cqsExamined, long emptyExaminations, long maskSetWrites,
                                long maskClearWrites, long cqHeadDoorbells) {

    public static final HostInterruptWork NONE = new HostInterruptWork(0, 0, 0, 0, 0, 0);

    /** This minus an earlier snapshot of the same controller: the work done in between. */
    public HostInterruptWork minus(HostInterruptWork earlier) {
        return new HostInterruptWork(interrupts - earlier.interrupts, cqsExamined - earlier.cqsExamined,
                emptyExaminations - earlier.emptyExaminations, maskSetWrites - earlier.maskSetWrites,
                maskClearWrites - earlier.maskClearWrites, cqHeadDoorbells - earlier.cqHeadDoorbells);
    }

    /** INTMS plus INTMC writes. */
    public long maskWrites() {
        return maskSetWrites + maskClearWrites;
    }

    public double cqsExaminedPerInterrupt() {
        return perInterrupt(cqsExamined);
    }

    public double emptyExaminationsPerInterrupt() {
        return perInterrupt(emptyExaminations);
    }

    public double maskWritesPerInterrupt() {
        return perInterrupt(maskWrites());
    }

    public double cqHeadDoorbellsPerInterrupt() {
        return perInterrupt(cqHeadDoorbells);
    }

    private double perInterrupt(long n) {
        return interrupts == 0 ? 0 : (double) n / interrupts;
    }
}
