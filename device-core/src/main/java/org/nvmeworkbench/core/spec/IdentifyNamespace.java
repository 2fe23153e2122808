package org.nvmeworkbench.core.spec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Identify Namespace data structure (CNS 00h) of the NVM command set, 4 KiB, little-endian
 * (NVMe base spec 1.4, figure 245). An inactive namespace reads as all zeros.
 *
 * @param nsze   Namespace Size in logical blocks, bytes 7:0
 * @param ncap   Namespace Capacity, bytes 15:8
 * @param nuse   Namespace Utilization, bytes 23:16
 * @param nsfeat Namespace Features, byte 24
 * @param nlbaf  Number of LBA Formats, 0's based, byte 25
 * @param flbas  Formatted LBA Size: format index 3:0, metadata at end of LBA bit 4, byte 26
 * @param mc     Metadata Capabilities, byte 27
 * @param dpc    End-to-end Data Protection Capabilities, byte 28
 * @param dps    End-to-end Data Protection Type Settings, byte 29
 * @param nmic   Namespace Multi-path I/O and Namespace Sharing Capabilities, byte 30
 * @param lbaf   LBA Formats 0..nlbaf, 4 bytes each from byte 128
 */
public record IdentifyNamespace(long nsze, long ncap, long nuse, int nsfeat, int nlbaf, int flbas, int mc, int dpc,
                                int dps, int nmic, List<LbaFormat> lbaf) {

    public static final int SIZE = IdentifyBuffer.SIZE;
    /** The structure holds 16 LBA format entries (bytes 191:128) in NVMe 1.4. */
    public static final int MAX_FORMATS = 16;
    private static final int LBAF_OFFSET = 128;

    public IdentifyNamespace {
        lbaf = List.copyOf(lbaf);
        if (lbaf.size() > MAX_FORMATS) {
            throw new IllegalArgumentException("At most 16 LBA formats, not " + lbaf.size() + ".");
        }
    }

    /** A formatted namespace of {@code blocks} blocks of {@code lbaSize} bytes, no metadata. */
    public static IdentifyNamespace of(long blocks, int lbaSize) {
        if (Integer.bitCount(lbaSize) != 1 || lbaSize < 512) {
            throw new IllegalArgumentException("The LBA size must be a power of two of at least 512, not " + lbaSize + ".");
        }
        return new IdentifyNamespace(blocks, blocks, blocks, 0, 0, 0, 0, 0, 0, 0,
                List.of(new LbaFormat(0, Integer.numberOfTrailingZeros(lbaSize), 0)));
    }

    public static IdentifyNamespace parse(ByteBuffer b) {
        ByteBuffer p = IdentifyBuffer.reading(b, "Identify Namespace");
        int nlbaf = p.get(25) & 0xFF;
        int count = Math.min(nlbaf + 1, MAX_FORMATS);
        List<LbaFormat> formats = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            formats.add(LbaFormat.fromDword(p.getInt(LBAF_OFFSET + 4 * i)));
        }
        return new IdentifyNamespace(p.getLong(0), p.getLong(8), p.getLong(16), p.get(24) & 0xFF, nlbaf,
                p.get(26) & 0xFF, p.get(27) & 0xFF, p.get(28) & 0xFF, p.get(29) & 0xFF, p.get(30) & 0xFF, formats);
    }

    public void writeTo(ByteBuffer b) {
        ByteBuffer p = IdentifyBuffer.writing(b, "Identify Namespace");
        p.putLong(0, nsze);
        p.putLong(8, ncap);
        p.putLong(16, nuse);
        p.put(24, (byte) nsfeat);
        p.put(25, (byte) nlbaf);
        p.put(26, (byte) flbas);
        p.put(27, (byte) mc);
        p.put(28, (byte) dpc);
        p.put(29, (byte) dps);
        p.put(30, (byte) nmic);
        for (int i = 0; i < lbaf.size(); i++) {
            p.putInt(LBAF_OFFSET + 4 * i, lbaf.get(i).dword());
        }
    }

    /** The LBA format in use: FLBAS bits 3:0. */
    public int formatIndex() {
        return flbas & 0xF;
    }

    public LbaFormat currentFormat() {
        int i = formatIndex();
        return i < lbaf.size() ? lbaf.get(i) : new LbaFormat(0, 0, 0);
    }

    /** Bytes per logical block of the format in use; 0 for an inactive namespace. */
    public int lbaSize() {
        return currentFormat().lbaSize();
    }

    /** An inactive namespace's page is all zeros. */
    public boolean active() {
        return nsze != 0 && currentFormat().lbads() >= 9;
    }

    public long sizeBytes() {
        return nsze * lbaSize();
    }

    /** id-ns style lines. */
    public List<String> describe() {
        List<String> l = new ArrayList<>();
        int lba = lbaSize();
        l.add(String.format("nsze    : 0x%x (%d blocks, %s)", nsze, nsze, bytes(nsze * lba)));
        l.add(String.format("ncap    : 0x%x", ncap));
        l.add(String.format("nuse    : 0x%x", nuse));
        l.add(String.format("nsfeat  : 0x%x", nsfeat));
        l.add(String.format("nlbaf   : %d (%d formats)", nlbaf, nlbaf + 1));
        l.add(String.format("flbas   : 0x%x (format %d in use)", flbas, formatIndex()));
        for (int i = 0; i < lbaf.size(); i++) {
            LbaFormat f = lbaf.get(i);
            l.add(String.format("lbaf %2d : ms:%-3d lbads:%-2d rp:%d (%s, %d bytes)%s", i, f.ms(), f.lbads(), f.rp(),
                    f.relativePerformance(), f.lbaSize(), i == formatIndex() ? " (in use)" : ""));
        }
        return l;
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format("%.2f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format("%.2f MiB", n / (double) (1L << 20));
        }
        return n + " bytes";
    }
}
