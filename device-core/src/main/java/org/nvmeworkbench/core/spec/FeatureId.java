package org.nvmeworkbench.core.spec;

/** Feature identifiers this tool works with, and the Get Features select values. */
public final class FeatureId {
    private FeatureId() {
    }

    public static final int NUMBER_OF_QUEUES = 0x07;
    public static final int INTERRUPT_COALESCING = 0x08;
    public static final int INTERRUPT_VECTOR_CONFIGURATION = 0x09;

    /** Get Features SEL (CDW10 10:8). */
    public static final int SEL_CURRENT = 0;
    public static final int SEL_DEFAULT = 1;
    public static final int SEL_SAVED = 2;
    public static final int SEL_SUPPORTED_CAPABILITIES = 3;

    /** Set Features SV (CDW10 bit 31). */
    public static final int SAVE_BIT = 1 << 31;

    /** Capabilities returned for SEL=3 in DW0. */
    public static final int CAP_SAVEABLE = 1;
    public static final int CAP_NAMESPACE_SPECIFIC = 1 << 1;
    public static final int CAP_CHANGEABLE = 1 << 2;

    public static String name(int fid) {
        switch (fid) {
            case NUMBER_OF_QUEUES: return "Number of Queues";
            case INTERRUPT_COALESCING: return "Interrupt Coalescing";
            case INTERRUPT_VECTOR_CONFIGURATION: return "Interrupt Vector Configuration";
            default: return String.format("Feature %02xh", fid);
        }
    }

    public static int cdw10Get(int fid, int sel) {
        return (fid & 0xFF) | ((sel & 0x7) << 8);
    }

    public static int cdw10Set(int fid, boolean save) {
        return (fid & 0xFF) | (save ? SAVE_BIT : 0);
    }
}
