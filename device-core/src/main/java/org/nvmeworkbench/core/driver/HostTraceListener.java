package org.nvmeworkbench.core.driver;

/**
 * What the host's side of the I/O rings does, for the Lab perspective: the driver's half of a command's
 * journey (the controller's half is the simulator's trace). Called on the thread that submits and
 * reaps, at device time {@code t} ({@link org.nvmeworkbench.core.pci.PciFunction#nanoTime()}), with
 * primitive arguments only. Ring positions are the values after the action, as the doorbells carry them.
 * Every method defaults to doing nothing; a listener must be quick.
 */
public interface HostTraceListener {

    /** The host wrote command {@code cid}'s SQE; {@code sqTail} is the tail after it (the entry sits just before). */
    default void sqeWritten(int qid, int cid, int sqTail, long t) {
    }

    /** The host wrote the SQ tail doorbell: every SQE written since the last ring is now the device's. */
    default void sqDoorbellRung(int qid, int tail, long t) {
    }

    /** The host consumed command {@code cid}'s CQE; {@code cqHead} and {@code phase} are the host's after it. */
    default void cqeConsumed(int qid, int cid, int cqHead, int phase, long t) {
    }

    /** The host wrote the CQ head doorbell, releasing every entry consumed since the last write. */
    default void cqDoorbellRung(int qid, int head, long t) {
    }
}
