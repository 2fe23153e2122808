package org.nvmeworkbench.core.spec;

/**
 * One LBA Format entry of Identify Namespace (NVM command set spec, "LBA Format Data Structure"):
 * MS bits 15:0 (metadata bytes per LBA), LBADS bits 23:16 (LBA data size as 2^n, at least 9),
 * RP bits 25:24 (relative performance, 0 best .. 3 degraded).
 */
public record LbaFormat(int ms, int lbads, int rp) {

    public LbaFormat {
        if (ms < 0 || ms > 0xFFFF || lbads < 0 || lbads > 0xFF || rp < 0 || rp > 3) {
            throw new IllegalArgumentException("LBA format out of range: MS " + ms + ", LBADS " + lbads + ", RP " + rp + ".");
        }
    }

    public static LbaFormat fromDword(int dw) {
        return new LbaFormat(dw & 0xFFFF, (dw >>> 16) & 0xFF, (dw >>> 24) & 0x3);
    }

    public int dword() {
        return ms | (lbads << 16) | (rp << 24);
    }

    /** Data bytes per logical block; 0 when LBADS is 0 (the format is not supported). */
    public int lbaSize() {
        return lbads == 0 ? 0 : 1 << lbads;
    }

    public String relativePerformance() {
        switch (rp) {
            case 0: return "Best";
            case 1: return "Better";
            case 2: return "Good";
            default: return "Degraded";
        }
    }
}
