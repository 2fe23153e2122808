package org.nvmeworkbench.core.telemetry;

/**
 * One interrupt vector at an instant.
 *
 * @param iv                  the controller's vector index (0 is the admin queue's)
 * @param count               interrupts delivered since interrupts were enabled or counts reset
 * @param ratePerSecond       interrupts per second of device time since the previous snapshot
 * @param masked              whether the vector is masked
 * @param pending             whether a signal is held while masked
 * @param coalescingDisabled  CD as the driver last set or read it (Feature 09h); false when unknown
 * @param cpu                 the host CPU that takes its interrupts; -1 when the function does not say
 */
public record VectorSnapshot(int iv, long count, double ratePerSecond, boolean masked, boolean pending,
                             boolean coalescingDisabled, int cpu) {

    /** A vector whose CPU is not known. */
    public VectorSnapshot(int iv, long count, double ratePerSecond, boolean masked, boolean pending,
                          boolean coalescingDisabled) {
        this(iv, count, ratePerSecond, masked, pending, coalescingDisabled, -1);
    }
}
