package org.nvmeworkbench.core.record;

/**
 * One MSI-X vector during a run.
 *
 * @param iv          the controller's vector index
 * @param interrupts  how often it fired
 * @param completions I/O completions its queues posted
 */
public record VectorCount(int iv, long interrupts, long completions) {
    /** 0 when the vector never fired. */
    public double completionsPerInterrupt() {
        return interrupts == 0 ? 0 : (double) completions / interrupts;
    }
}
