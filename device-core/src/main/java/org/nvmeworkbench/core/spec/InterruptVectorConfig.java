package org.nvmeworkbench.core.spec;

/**
 * Feature 09h, Interrupt Vector Configuration (per vector): CDW11 IV 15:0 and CD (coalescing disable)
 * bit 16. IV is the controller's MSI-X vector index, never a Linux IRQ number.
 */
public record InterruptVectorConfig(int vector, boolean coalescingDisabled) {
    public static final int CD_BIT = 1 << 16;

    public InterruptVectorConfig {
        if (vector < 0 || vector > 0xFFFF) {
            throw new IllegalArgumentException("IV must be 0..65535, not " + vector + ".");
        }
    }

    public static InterruptVectorConfig fromCdw11(int cdw11) {
        return new InterruptVectorConfig(cdw11 & 0xFFFF, (cdw11 & CD_BIT) != 0);
    }

    public int cdw11() {
        return vector | (coalescingDisabled ? CD_BIT : 0);
    }

    public String describe() {
        return "IV " + vector + ": coalescing " + (coalescingDisabled ? "disabled (CD=1)" : "allowed (CD=0)");
    }
}
