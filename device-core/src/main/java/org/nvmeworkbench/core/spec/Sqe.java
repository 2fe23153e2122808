package org.nvmeworkbench.core.spec;

import java.nio.ByteBuffer;

/**
 * Submission queue entry layout, 64 bytes (NVMe base spec, "Submission Queue Entry"). Encoders and
 * decoders work on a little-endian buffer at an absolute offset so the per-I/O path allocates nothing.
 */
public final class Sqe {
    private Sqe() {
    }

    public static final int SIZE = 64;
    /** CC.IOSQES value for 64-byte entries (2^6). */
    public static final int IOSQES = 6;

    public static final int DW0 = 0;
    public static final int NSID = 4;
    public static final int MPTR = 16;
    public static final int PRP1 = 24;
    public static final int PRP2 = 32;
    public static final int CDW10 = 40;
    public static final int CDW11 = 44;
    public static final int CDW12 = 48;
    public static final int CDW13 = 52;
    public static final int CDW14 = 56;
    public static final int CDW15 = 60;

    public static int opcode(ByteBuffer b, int at) { return b.get(at) & 0xFF; }
    public static int fuse(ByteBuffer b, int at) { return (b.get(at + 1) >>> 0) & 0x3; }
    public static int psdt(ByteBuffer b, int at) { return (b.get(at + 1) >>> 6) & 0x3; }
    public static int cid(ByteBuffer b, int at) { return b.getShort(at + 2) & 0xFFFF; }
    public static int nsid(ByteBuffer b, int at) { return b.getInt(at + NSID); }
    public static long prp1(ByteBuffer b, int at) { return b.getLong(at + PRP1); }
    public static long prp2(ByteBuffer b, int at) { return b.getLong(at + PRP2); }
    public static int cdw(ByteBuffer b, int at, int n) { return b.getInt(at + CDW10 + 4 * (n - 10)); }

    /**
     * Writes a whole entry: DW0 (opcode, CID; FUSE and PSDT zero, i.e. PRPs), NSID, PRP1/PRP2 and
     * CDW10..15. Words 2, 3 and MPTR are cleared.
     */
    public static void write(ByteBuffer b, int at, int opcode, int cid, int nsid, long prp1, long prp2,
                             int cdw10, int cdw11, int cdw12, int cdw13, int cdw14, int cdw15) {
        b.putInt(at, (opcode & 0xFF) | ((cid & 0xFFFF) << 16));
        b.putInt(at + NSID, nsid);
        b.putLong(at + 8, 0L);
        b.putLong(at + MPTR, 0L);
        b.putLong(at + PRP1, prp1);
        b.putLong(at + PRP2, prp2);
        b.putInt(at + CDW10, cdw10);
        b.putInt(at + CDW11, cdw11);
        b.putInt(at + CDW12, cdw12);
        b.putInt(at + CDW13, cdw13);
        b.putInt(at + CDW14, cdw14);
        b.putInt(at + CDW15, cdw15);
    }
}
