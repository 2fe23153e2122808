package org.nvmeworkbench.core.spec;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 4 KiB Identify Controller data structure (CNS 01h) exactly as the controller returned it, for the
 * fields {@link IdentifyController} does not name: a tool that prints every field (nvme-cli's id-ctrl) must
 * show what the device said, not what a re-encoding kept. Little endian at absolute offsets (NVMe base
 * spec, figure "Identify - Identify Controller Data Structure"). Immutable: it holds its own copy.
 */
public final class IdentifyControllerData {
    private final byte[] bytes;

    private IdentifyControllerData(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of the 4096 bytes at absolute offsets from index 0 of {@code b}. */
    public static IdentifyControllerData copyOf(ByteBuffer b) {
        ByteBuffer p = IdentifyBuffer.reading(b, "Identify Controller");
        byte[] copy = new byte[IdentifyBuffer.SIZE];
        p.get(0, copy);
        return new IdentifyControllerData(copy);
    }

    /** The bytes {@code controller} writes: the fields it names, every other byte zero. */
    public static IdentifyControllerData of(IdentifyController controller) {
        ByteBuffer b = ByteBuffer.allocate(IdentifyBuffer.SIZE);
        controller.writeTo(b);
        return new IdentifyControllerData(b.array());
    }

    public IdentifyController parse() {
        return IdentifyController.parse(view());
    }

    /** A copy of the 4096 bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int u8(int offset) {
        return bytes[offset] & 0xFF;
    }

    public int u16(int offset) {
        return view().getShort(offset) & 0xFFFF;
    }

    public long u32(int offset) {
        return view().getInt(offset) & 0xFFFFFFFFL;
    }

    /** A 128-bit little-endian count (TNVMCAP, UNVMCAP, MEGCAP, MAXDNA), never negative. */
    public BigInteger u128(int offset) {
        byte[] be = new byte[17]; // a leading 0 keeps the value positive
        for (int i = 0; i < 16; i++) {
            be[16 - i] = bytes[offset + i];
        }
        return new BigInteger(be);
    }

    /**
     * An ASCII field as C reads it: up to its first NUL, its space padding kept (SN, MN and FR are padded
     * with spaces, NQNs with NULs; nvme-cli prints them the same way).
     */
    public String ascii(int offset, int length) {
        int nul = offset;
        while (nul < offset + length && bytes[nul] != 0) {
            nul++;
        }
        return new String(bytes, offset, nul - offset, StandardCharsets.US_ASCII);
    }

    /** A 16-byte identifier (FGUID) as the usual 8-4-4-4-12 lower-case hex groups, bytes in stored order. */
    public String uuid(int offset) {
        StringBuilder sb = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                sb.append('-');
            }
            sb.append(String.format("%02x", bytes[offset + i] & 0xFF));
        }
        return sb.toString();
    }

    private ByteBuffer view() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
