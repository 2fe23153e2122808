package org.nvmeworkbench.core.spec;

/**
 * Controller register offsets in BAR0 and their fields (NVMe base spec, "Controller Registers";
 * docs/nvme-reference.md). Pure functions over register values.
 */
public final class Registers {
    private Registers() {
    }

    public static final int CAP = 0x00;
    public static final int VS = 0x08;
    public static final int INTMS = 0x0C;
    public static final int INTMC = 0x10;
    public static final int CC = 0x14;
    public static final int CSTS = 0x1C;
    public static final int NSSR = 0x20;
    public static final int AQA = 0x24;
    public static final int ASQ = 0x28;
    public static final int ACQ = 0x30;
    public static final int DOORBELL_BASE = 0x1000;

    /** Written to NSSR to request an NVM subsystem reset ("NVMe"). */
    public static final int NSSR_RESET_VALUE = 0x4E564D65;

    // CAP fields
    public static int capMqes(long cap) { return (int) (cap & 0xFFFF); }
    public static boolean capCqr(long cap) { return ((cap >>> 16) & 1) != 0; }
    public static int capAms(long cap) { return (int) ((cap >>> 17) & 0x3); }
    /** CAP.TO in 500 ms units. */
    public static int capTo(long cap) { return (int) ((cap >>> 24) & 0xFF); }
    public static int capDstrd(long cap) { return (int) ((cap >>> 32) & 0xF); }
    public static boolean capNssrs(long cap) { return ((cap >>> 36) & 1) != 0; }
    public static int capCss(long cap) { return (int) ((cap >>> 37) & 0xFF); }
    public static int capMpsMin(long cap) { return (int) ((cap >>> 48) & 0xF); }
    public static int capMpsMax(long cap) { return (int) ((cap >>> 52) & 0xF); }

    public static long cap(int mqes, boolean cqr, int timeoutUnits, int dstrd, boolean nssrs, int css,
                           int mpsMin, int mpsMax) {
        return (mqes & 0xFFFFL) | (cqr ? 1L << 16 : 0) | ((timeoutUnits & 0xFFL) << 24)
                | ((dstrd & 0xFL) << 32) | (nssrs ? 1L << 36 : 0) | ((css & 0xFFL) << 37)
                | ((mpsMin & 0xFL) << 48) | ((mpsMax & 0xFL) << 52);
    }

    // VS
    public static int vsMajor(int vs) { return vs >>> 16; }
    public static int vsMinor(int vs) { return (vs >>> 8) & 0xFF; }
    public static int vsTertiary(int vs) { return vs & 0xFF; }

    // CC fields
    public static final int CC_EN = 1;
    public static boolean ccEnabled(int cc) { return (cc & 1) != 0; }
    public static int ccCss(int cc) { return (cc >>> 4) & 0x7; }
    public static int ccMps(int cc) { return (cc >>> 7) & 0xF; }
    public static int ccAms(int cc) { return (cc >>> 11) & 0x7; }
    /** 0 none, 1 normal, 2 abrupt. */
    public static int ccShn(int cc) { return (cc >>> 14) & 0x3; }
    public static int ccIosqes(int cc) { return (cc >>> 16) & 0xF; }
    public static int ccIocqes(int cc) { return (cc >>> 20) & 0xF; }

    public static int cc(boolean enable, int css, int mps, int ams, int shn, int iosqes, int iocqes) {
        return (enable ? 1 : 0) | ((css & 7) << 4) | ((mps & 0xF) << 7) | ((ams & 7) << 11)
                | ((shn & 3) << 14) | ((iosqes & 0xF) << 16) | ((iocqes & 0xF) << 20);
    }

    // CSTS fields
    public static final int CSTS_RDY = 1;
    public static final int CSTS_CFS = 1 << 1;
    public static final int CSTS_NSSRO = 1 << 4;
    public static final int CSTS_PP = 1 << 5;
    public static boolean cstsReady(int csts) { return (csts & CSTS_RDY) != 0; }
    public static boolean cstsFatal(int csts) { return (csts & CSTS_CFS) != 0; }
    /** 0 normal operation, 1 shutdown occurring, 2 shutdown complete. */
    public static int cstsShst(int csts) { return (csts >>> 2) & 0x3; }

    // AQA
    public static int aqaAsqs(int aqa) { return aqa & 0xFFF; }
    public static int aqaAcqs(int aqa) { return (aqa >>> 16) & 0xFFF; }
    /** Both sizes 0's based. */
    public static int aqa(int sqEntries, int cqEntries) {
        return ((sqEntries - 1) & 0xFFF) | (((cqEntries - 1) & 0xFFF) << 16);
    }

    /** SQ y tail doorbell offset. */
    public static int sqTailDoorbell(int qid, int dstrd) {
        return DOORBELL_BASE + (2 * qid) * (4 << dstrd);
    }

    /** CQ y head doorbell offset. */
    public static int cqHeadDoorbell(int qid, int dstrd) {
        return DOORBELL_BASE + (2 * qid + 1) * (4 << dstrd);
    }

    /** Memory page size in bytes for an MPS/MPSMIN/MPSMAX field: 2^(12+n). */
    public static int pageSize(int mps) {
        return 1 << (12 + mps);
    }
}
