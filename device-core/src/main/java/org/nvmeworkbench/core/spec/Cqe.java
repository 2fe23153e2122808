package org.nvmeworkbench.core.spec;

import java.nio.ByteBuffer;

/**
 * Completion queue entry layout, 16 bytes (NVMe base spec, "Completion Queue Entry").
 * DW0 result; DW2 SQHD 15:0, SQID 31:16; DW3 CID 15:0, phase 16, SC 24:17, SCT 27:25, CRD 29:28,
 * M 30, DNR 31.
 */
public final class Cqe {
    private Cqe() {
    }

    public static final int SIZE = 16;
    /** CC.IOCQES value for 16-byte entries (2^4). */
    public static final int IOCQES = 4;

    public static int result(ByteBuffer b, int at) { return b.getInt(at); }
    public static int sqHead(ByteBuffer b, int at) { return b.getShort(at + 8) & 0xFFFF; }
    public static int sqId(ByteBuffer b, int at) { return b.getShort(at + 10) & 0xFFFF; }
    public static int cid(ByteBuffer b, int at) { return b.getShort(at + 12) & 0xFFFF; }
    /** The upper half of DW3: phase, status field, CRD, M, DNR. */
    public static int statusWord(ByteBuffer b, int at) { return b.getShort(at + 14) & 0xFFFF; }
    public static int phase(ByteBuffer b, int at) { return b.get(at + 14) & 1; }

    /** SCT and SC of a status word, as {@link StatusCode#code(int, int)} packs them. */
    public static int status(int statusWord) { return (statusWord >>> 1) & 0x7FF; }
    public static boolean dnr(int statusWord) { return (statusWord & 0x8000) != 0; }
    public static boolean more(int statusWord) { return (statusWord & 0x4000) != 0; }

    /**
     * Writes an entry. The phase tag goes in last, in the same 32-bit store as the status, so a host
     * that polls the phase never sees a half-written entry.
     */
    public static void write(ByteBuffer b, int at, int result, int sqHead, int sqId, int cid, int status,
                             boolean dnr, int phase) {
        b.putInt(at, result);
        b.putInt(at + 4, 0);
        b.putInt(at + 8, (sqHead & 0xFFFF) | ((sqId & 0xFFFF) << 16));
        int statusWord = (phase & 1) | ((status & 0x7FF) << 1) | (dnr ? 0x8000 : 0);
        b.putInt(at + 12, (cid & 0xFFFF) | (statusWord << 16));
    }
}
