package org.nvmeworkbench.core.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.nvmeworkbench.core.spec.Opcodes;

/**
 * The 4 KiB Identify structures, written byte by byte at the offsets of the NVMe base spec 1.4
 * ("Identify Controller Data Structure", "Identify Namespace Data Structure", "Active Namespace ID
 * list"). Little-endian, ASCII fields space padded.
 */
final class IdentifyData {
    static final int SIZE = 4096;
    /** MDTS: 2^5 minimum-size pages = 128 KiB per command. */
    static final int MDTS = 5;
    static final int CONTROLLER_ID = 1;
    /** Abort Command Limit, 0's based: 4 concurrent aborts. */
    static final int ACL = 3;
    /** Asynchronous Event Request Limit, 0's based: 4 outstanding. */
    static final int AERL = 3;

    private IdentifyData() {
    }

    static void controller(byte[] b, SimConfig config, int maxOutstanding) {
        Arrays.fill(b, (byte) 0);
        put16(b, 0x00, PciConfigSpace.VENDOR_ID); // VID
        put16(b, 0x02, PciConfigSpace.VENDOR_ID); // SSVID
        ascii(b, 0x04, 20, "SIM" + Long.toHexString(config.seed()).toUpperCase(java.util.Locale.ROOT), (byte) ' ');
        ascii(b, 0x18, 40, "NVMe Workbench Sim " + config.profile().name(), (byte) ' ');
        ascii(b, 0x40, 8, "SIM1.0", (byte) ' ');
        b[0x48] = 0; // RAB
        b[0x4D] = MDTS;
        put16(b, 0x4E, CONTROLLER_ID);
        put32(b, 0x50, 0x00010400); // VER 1.4
        put16(b, 0x100, 0); // OACS: no optional admin commands
        b[0x102] = ACL;
        b[0x103] = AERL;
        b[0x105] = 0;
        b[0x106] = 63; // ELPE: 64 error log entries, 0's based
        b[0x200] = 0x66; // SQES: required and maximum 2^6 = 64 bytes
        b[0x201] = 0x44; // CQES: 2^4 = 16 bytes
        put16(b, 0x202, Math.min(maxOutstanding, 0xFFFF)); // MAXCMD
        put32(b, 0x204, 1); // NN
        put16(b, 0x208, Opcodes.ONCS_DATASET_MANAGEMENT); // ONCS: Dataset Management (deallocate) only
        b[0x20C] = 0; // VWC: no volatile write cache (power-loss protected buffer)
        // SUBNQN is a NUL-terminated string (NVMe base spec, Identify Controller bytes 1023:768), not space padded.
        ascii(b, 0x300, 256, "nqn.2024-01.org.nvmeworkbench:sim:" + config.profile().name(), (byte) 0);
        // Power state 0 (offset 800h): MP 25.00 W in centiwatts.
        put16(b, 0x800, 2500);
    }

    static void namespace(byte[] b, SimConfig config) {
        Arrays.fill(b, (byte) 0);
        long blocks = config.namespaceBlocks();
        put64(b, 0x00, blocks); // NSZE
        put64(b, 0x08, blocks); // NCAP
        put64(b, 0x10, blocks); // NUSE
        b[0x18] = 0; // NSFEAT
        b[0x19] = 0; // NLBAF: one format (0's based)
        b[0x1A] = 0; // FLBAS: format 0, no metadata
        b[0x21] = 0x01; // DLFEAT: a deallocated block reads as all zeros (NVM Command Set spec, Identify Namespace)
        put64(b, 0x78, 0x5349_4D00_0000_0001L); // EUI64
        // LBAF0: MS 0, LBADS, RP 0 (best performance)
        put32(b, 0x80, Integer.numberOfTrailingZeros(config.lbaSize()) << 16);
    }

    /** Active namespace IDs greater than {@code after}: only namespace 1 exists. */
    static void activeNamespaces(byte[] b, int after) {
        Arrays.fill(b, (byte) 0);
        if (Integer.compareUnsigned(after, 1) < 0) {
            put32(b, 0, 1);
        }
    }

    private static void ascii(byte[] b, int at, int width, String s, byte pad) {
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < width; i++) {
            b[at + i] = i < src.length ? src[i] : pad;
        }
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static void put32(byte[] b, int at, int v) {
        put16(b, at, v);
        put16(b, at + 2, v >>> 16);
    }

    static void put64(byte[] b, int at, long v) {
        put32(b, at, (int) v);
        put32(b, at + 4, (int) (v >>> 32));
    }
}
