package org.nvmeworkbench.core.driver;

/**
 * The running counts behind {@link HostInterruptWork}, one per controller. Plain fields: only the thread
 * that takes interrupts writes them; another thread reading them sees recent values.
 */
final class HostInterruptTally {
    long interrupts;
    long cqsExamined;
    long emptyExaminations;
    long maskSetWrites;
    long maskClearWrites;
    long cqHeadDoorbells;

    HostInterruptWork snapshot() {
        return new HostInterruptWork(interrupts, cqsExamined, emptyExaminations, maskSetWrites, maskClearWrites,
                cqHeadDoorbells);
    }
}
