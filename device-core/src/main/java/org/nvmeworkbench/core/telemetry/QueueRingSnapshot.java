package org.nvmeworkbench.core.telemetry;

/**
 * One I/O queue pair's rings at an instant, as the host knows them.
 *
 * @param qid          queue identifier
 * @param entries      entries per ring (SQ and CQ have the same size)
 * @param sqHead       SQ head as the device last reported it in a CQE (SQHD)
 * @param sqTail       SQ tail the host last wrote to the doorbell or is about to
 * @param cqHead       CQ head the host consumed up to
 * @param cqTail       where the device's newest posted entry ends, as a peek at the CQ phase tags shows
 * @param phase        the phase tag the host expects next
 * @param sqOccupancy  (sqTail - sqHead) mod entries
 * @param cqOccupancy  (cqTail - cqHead) mod entries: posted, not yet consumed
 * @param inFlight     commands submitted and not yet completed
 * @param vector       the interrupt vector the CQ signals
 */
public record QueueRingSnapshot(int qid, int entries, int sqHead, int sqTail, int cqHead, int cqTail, int phase,
                                int sqOccupancy, int cqOccupancy, int inFlight, int vector) {
}
