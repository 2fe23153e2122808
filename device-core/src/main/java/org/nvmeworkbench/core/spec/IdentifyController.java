package org.nvmeworkbench.core.spec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Identify Controller data structure (CNS 01h), 4 KiB, little-endian (NVMe base spec 1.4,
 * figure 247 "Identify - Identify Controller Data Structure"). Byte offsets are given per field.
 * Fields this tool does not use stay zero when written.
 *
 * @param vid      PCI Vendor ID, bytes 1:0
 * @param ssvid    PCI Subsystem Vendor ID, bytes 3:2
 * @param sn       Serial Number, bytes 23:4 (20 ASCII)
 * @param mn       Model Number, bytes 63:24 (40 ASCII)
 * @param fr       Firmware Revision, bytes 71:64 (8 ASCII)
 * @param rab      Recommended Arbitration Burst (2^n commands), byte 72
 * @param ieee     IEEE OUI Identifier, bytes 75:73 (24 bits, little-endian as stored)
 * @param cmic     Controller Multi-Path I/O and Namespace Sharing Capabilities, byte 76
 * @param mdts     Maximum Data Transfer Size (2^n minimum pages, 0 = no limit), byte 77
 * @param cntlid   Controller ID, bytes 79:78
 * @param ver      Version (same layout as the VS register), bytes 83:80
 * @param rtd3r    RTD3 Resume Latency in microseconds, bytes 87:84
 * @param rtd3e    RTD3 Entry Latency in microseconds, bytes 91:88
 * @param oaes     Optional Asynchronous Events Supported, bytes 95:92
 * @param ctratt   Controller Attributes, bytes 99:96
 * @param cntrltype Controller Type (1 I/O, 2 discovery, 3 admin), byte 111
 * @param oacs     Optional Admin Command Support, bytes 257:256
 * @param acl      Abort Command Limit (0's based), byte 258
 * @param aerl     Asynchronous Event Request Limit (0's based), byte 259
 * @param frmw     Firmware Updates, byte 260
 * @param lpa      Log Page Attributes, byte 261
 * @param elpe     Error Log Page Entries (0's based), byte 262
 * @param npss     Number of Power States Support (0's based), byte 263
 * @param wctemp   Warning Composite Temperature Threshold in kelvin, bytes 267:266
 * @param cctemp   Critical Composite Temperature Threshold in kelvin, bytes 269:268
 * @param sqes     Submission Queue Entry Size (required 3:0, maximum 7:4, as 2^n), byte 512
 * @param cqes     Completion Queue Entry Size (same layout), byte 513
 * @param maxcmd   Maximum Outstanding Commands, bytes 515:514
 * @param nn       Number of Namespaces, bytes 519:516
 * @param oncs     Optional NVM Command Support, bytes 521:520
 * @param fuses    Fused Operation Support, bytes 523:522
 * @param fna      Format NVM Attributes, byte 524
 * @param vwc      Volatile Write Cache, byte 525
 * @param awun     Atomic Write Unit Normal (0's based), bytes 527:526
 * @param awupf    Atomic Write Unit Power Fail (0's based), bytes 529:528
 * @param sgls     SGL Support, bytes 539:536
 * @param subnqn   NVM Subsystem NVMe Qualified Name, bytes 1023:768 (256, NUL padded)
 */
public record IdentifyController(int vid, int ssvid, String sn, String mn, String fr, int rab, int ieee,
                                 int cmic, int mdts, int cntlid, int ver, long rtd3r, long rtd3e, int oaes,
                                 int ctratt, int cntrltype, int oacs, int acl, int aerl, int frmw, int lpa,
                                 int elpe, int npss, int wctemp, int cctemp, int sqes, int cqes, int maxcmd,
                                 long nn, int oncs, int fuses, int fna, int vwc, int awun, int awupf, int sgls,
                                 String subnqn) {

    /** Size of every Identify data structure. */
    public static final int SIZE = IdentifyBuffer.SIZE;

    public IdentifyController {
        sn = AsciiField.check("SN", sn, 20);
        mn = AsciiField.check("MN", mn, 40);
        fr = AsciiField.check("FR", fr, 8);
        subnqn = AsciiField.check("SUBNQN", subnqn, 256);
    }

    /** A structure with the identity fields set and every other field zero except the required ones. */
    public static IdentifyController of(int vid, String sn, String mn, String fr, int mdts, int cntlid, int ver,
                                        long nn) {
        // SQES/CQES: required and maximum 2^6 = 64 B and 2^4 = 16 B, the only sizes NVM controllers use.
        return new IdentifyController(vid, vid, sn, mn, fr, 0, 0, 0, mdts, cntlid, ver, 0, 0, 0, 0, 1,
                0, 3, 3, 0x02, 0, 63, 0, 0, 0, 0x66, 0x44, 0, nn, 0, 0, 0, 0, 0, 0, 0, "");
    }

    /** Reads the structure at absolute offsets from index 0 of {@code b}, whatever its byte order. */
    public static IdentifyController parse(ByteBuffer b) {
        ByteBuffer p = IdentifyBuffer.reading(b, "Identify Controller");
        int ieee = (p.get(73) & 0xFF) | (p.get(74) & 0xFF) << 8 | (p.get(75) & 0xFF) << 16;
        return new IdentifyController(u16(p, 0), u16(p, 2), AsciiField.read(p, 4, 20), AsciiField.read(p, 24, 40),
                AsciiField.read(p, 64, 8), u8(p, 72), ieee, u8(p, 76), u8(p, 77), u16(p, 78), p.getInt(80),
                u32(p, 84), u32(p, 88), p.getInt(92), p.getInt(96), u8(p, 111), u16(p, 256), u8(p, 258),
                u8(p, 259), u8(p, 260), u8(p, 261), u8(p, 262), u8(p, 263), u16(p, 266), u16(p, 268),
                u8(p, 512), u8(p, 513), u16(p, 514), u32(p, 516), u16(p, 520), u16(p, 522), u8(p, 524),
                u8(p, 525), u16(p, 526), u16(p, 528), p.getInt(536), AsciiField.read(p, 768, 256));
    }

    /** Writes all 4096 bytes at absolute offsets from index 0 of {@code b}; unused bytes become zero. */
    public void writeTo(ByteBuffer b) {
        ByteBuffer p = IdentifyBuffer.writing(b, "Identify Controller");
        p.putShort(0, (short) vid);
        p.putShort(2, (short) ssvid);
        AsciiField.write(p, 4, 20, sn, (byte) ' ');
        AsciiField.write(p, 24, 40, mn, (byte) ' ');
        AsciiField.write(p, 64, 8, fr, (byte) ' ');
        p.put(72, (byte) rab);
        p.put(73, (byte) ieee);
        p.put(74, (byte) (ieee >>> 8));
        p.put(75, (byte) (ieee >>> 16));
        p.put(76, (byte) cmic);
        p.put(77, (byte) mdts);
        p.putShort(78, (short) cntlid);
        p.putInt(80, ver);
        p.putInt(84, (int) rtd3r);
        p.putInt(88, (int) rtd3e);
        p.putInt(92, oaes);
        p.putInt(96, ctratt);
        p.put(111, (byte) cntrltype);
        p.putShort(256, (short) oacs);
        p.put(258, (byte) acl);
        p.put(259, (byte) aerl);
        p.put(260, (byte) frmw);
        p.put(261, (byte) lpa);
        p.put(262, (byte) elpe);
        p.put(263, (byte) npss);
        p.putShort(266, (short) wctemp);
        p.putShort(268, (short) cctemp);
        p.put(512, (byte) sqes);
        p.put(513, (byte) cqes);
        p.putShort(514, (short) maxcmd);
        p.putInt(516, (int) nn);
        p.putShort(520, (short) oncs);
        p.putShort(522, (short) fuses);
        p.put(524, (byte) fna);
        p.put(525, (byte) vwc);
        p.putShort(526, (short) awun);
        p.putShort(528, (short) awupf);
        p.putInt(536, sgls);
        AsciiField.write(p, 768, 256, subnqn, (byte) 0);
    }

    /** Largest transfer in bytes for a minimum page size of {@code pageBytes}, or 0 for no limit. */
    public long maxTransferBytes(int pageBytes) {
        return mdts == 0 ? 0 : (long) pageBytes << mdts;
    }

    /** VER as "1.4.0"; a controller older than 1.2 may report 0 here. */
    public String version() {
        return ver == 0 ? "not reported" : Registers.vsMajor(ver) + "." + Registers.vsMinor(ver) + "."
                + Registers.vsTertiary(ver);
    }

    /** id-ctrl style lines: nvme-cli's field names, each with what the value means. */
    public List<String> describe() {
        List<String> l = new ArrayList<>();
        l.add(String.format("vid       : 0x%04x", vid));
        l.add(String.format("ssvid     : 0x%04x", ssvid));
        l.add("sn        : " + sn);
        l.add("mn        : " + mn);
        l.add("fr        : " + fr);
        l.add(String.format("rab       : %d (arbitration burst of %s)", rab, FeatureText.plural(1L << Math.min(rab, 30), "command")));
        l.add(String.format("ieee      : %06x", ieee));
        l.add(String.format("cmic      : 0x%x", cmic));
        l.add(String.format("mdts      : %d (%s)", mdts,
                mdts == 0 ? "no transfer size limit" : "max transfer " + (4096L << mdts) / 1024 + " KiB with 4 KiB pages"));
        l.add(String.format("cntlid    : 0x%x", cntlid));
        l.add(String.format("ver       : 0x%x (NVMe %s)", ver, version()));
        l.add(String.format("oacs      : 0x%x", oacs));
        l.add(String.format("acl       : %d (%d aborts outstanding at most)", acl, acl + 1));
        l.add(String.format("aerl      : %d (%d async events outstanding at most)", aerl, aerl + 1));
        l.add(String.format("frmw      : 0x%x", frmw));
        l.add(String.format("lpa       : 0x%x", lpa));
        l.add(String.format("elpe      : %d (%d error log entries)", elpe, elpe + 1));
        l.add(String.format("npss      : %d (%s)", npss, FeatureText.plural(npss + 1, "power state")));
        l.add(String.format("sqes      : 0x%02x (%d..%d bytes per SQ entry)", sqes, 1 << (sqes & 0xF), 1 << (sqes >>> 4)));
        l.add(String.format("cqes      : 0x%02x (%d..%d bytes per CQ entry)", cqes, 1 << (cqes & 0xF), 1 << (cqes >>> 4)));
        l.add(String.format("maxcmd    : %d", maxcmd));
        l.add(String.format("nn        : %d (namespaces)", nn));
        l.add(String.format("oncs      : 0x%x", oncs));
        l.add(String.format("vwc       : 0x%x (%s)", vwc, (vwc & 1) != 0 ? "volatile write cache present" : "no volatile write cache"));
        if (!subnqn.isEmpty()) {
            l.add("subnqn    : " + subnqn);
        }
        return l;
    }

    private static int u8(ByteBuffer b, int at) { return b.get(at) & 0xFF; }
    private static int u16(ByteBuffer b, int at) { return b.getShort(at) & 0xFFFF; }
    private static long u32(ByteBuffer b, int at) { return b.getInt(at) & 0xFFFFFFFFL; }
}
