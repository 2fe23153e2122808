package org.nvmeworkbench.core.record;

/**
 * Counts of a finished run.
 *
 * @param ios        completed commands
 * @param reads      of which reads
 * @param writes     of which writes
 * @param bytes      data moved
 * @param errors     completions with an error status
 * @param interrupts interrupts taken on I/O vectors
 * @param trims      of which trims (Dataset Management deallocates)
 */
public record RunTotals(long ios, long reads, long writes, long bytes, long errors, long interrupts, long trims) {

    /** Counts of a run without trims. */
    public RunTotals(long ios, long reads, long writes, long bytes, long errors, long interrupts) {
        this(ios, reads, writes, bytes, errors, interrupts, 0);
    }
}
