package org.nvmeworkbench.core.record;

import java.util.List;

import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * The features as read back from the device after it was set up for the run (Get Features, SEL 0),
 * which is what was in force: a device may round or ignore what the host asked for.
 *
 * @param coalescing     Feature 08h DW0, or -1 when the device refused to report it
 * @param vectors        Feature 09h DW0 of each I/O vector used
 * @param numberOfQueues Feature 07h DW0 (NSQA/NCQA), or -1 when not read
 */
public record FeatureReadback(int coalescing, List<VectorFeature> vectors, int numberOfQueues) {

    /** Feature 09h of one vector: its DW0 (IV 15:0, CD bit 16). */
    public record VectorFeature(int iv, int value) {
        public boolean coalescingDisabled() {
            return (value & (1 << 16)) != 0;
        }
    }

    public FeatureReadback {
        vectors = List.copyOf(vectors);
    }

    public static final FeatureReadback NONE = new FeatureReadback(-1, List.of(), -1);

    /** The 08h value decoded, or null when it was not read. */
    public InterruptCoalescing interruptCoalescing() {
        return coalescing < 0 ? null : InterruptCoalescing.fromCdw11(coalescing);
    }
}
