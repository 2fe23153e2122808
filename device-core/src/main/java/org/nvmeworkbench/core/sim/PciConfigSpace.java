package org.nvmeworkbench.core.sim;

/**
 * The simulated function's configuration space: a type-0 header for an NVMe controller (class code
 * 010802h) with a 64-bit memory BAR0, and a capability list holding MSI-X (11h) and MSI (05h).
 *
 * <p>Vendor ID {@value #VENDOR_ID} ("SI", device {@value #DEVICE_ID} "MU") marks the simulator; it is not a
 * PCI-SIG assignment used by any real NVMe vendor we know of, and Identify Controller reports the same
 * VID and SSVID, so nothing can mistake the simulator for hardware in a log or a report.
 */
final class PciConfigSpace {
    static final int VENDOR_ID = 0x5349;
    static final int DEVICE_ID = 0x4D55;
    static final int COMMAND = 0x04;
    static final int COMMAND_MEMORY = 1 << 1;
    static final int COMMAND_BUS_MASTER = 1 << 2;
    static final int COMMAND_INTX_DISABLE = 1 << 10;
    static final int BAR0 = 0x10;
    static final int MSIX_CAP = 0x40;
    static final int MSI_CAP = 0x50;
    static final int MSIX_ENABLE = 1 << 15;
    static final int MSIX_FUNCTION_MASK = 1 << 14;

    private final byte[] bytes = new byte[256];
    private final long barSize;

    PciConfigSpace(long barSize, int msixTableSize, int tableOffset, int pbaOffset) {
        this.barSize = barSize;
        put16(0x00, VENDOR_ID);
        put16(0x02, DEVICE_ID);
        put16(0x06, 1 << 4); // status: capabilities list present
        put8(0x08, 0x01); // revision
        put8(0x09, 0x02); // prog-if: NVM Express
        put8(0x0A, 0x08); // subclass: non-volatile memory controller
        put8(0x0B, 0x01); // class: mass storage
        put8(0x0E, 0x00); // header type 0
        put32(BAR0, 0x4); // 64-bit memory BAR, not prefetchable
        put16(0x2C, VENDOR_ID);
        put16(0x2E, DEVICE_ID);
        put8(0x34, MSIX_CAP);
        put8(0x3D, 1); // INTA#
        // MSI-X: table and PBA in BAR0 (BIR 0)
        put8(MSIX_CAP, 0x11);
        put8(MSIX_CAP + 1, MSI_CAP);
        put16(MSIX_CAP + 2, msixTableSize - 1);
        put32(MSIX_CAP + 4, tableOffset);
        put32(MSIX_CAP + 8, pbaOffset);
        // MSI: 64-bit, per-vector masking, multiple message capable = 32 (5)
        put8(MSI_CAP, 0x05);
        put8(MSI_CAP + 1, 0);
        put16(MSI_CAP + 2, (1 << 7) | (1 << 8) | (5 << 1));
    }

    void powerOn() {
        put16(COMMAND, 0);
        put32(BAR0, 0x4);
        put32(BAR0 + 4, 0);
        put16(MSIX_CAP + 2, get16(MSIX_CAP + 2) & 0x7FF);
        put16(MSI_CAP + 2, get16(MSI_CAP + 2) & ~0x71);
    }

    boolean busMaster() {
        return (bytes[COMMAND] & COMMAND_BUS_MASTER) != 0;
    }

    int read8(int offset) {
        check(offset, 1);
        return bytes[offset] & 0xFF;
    }

    int read16(int offset) {
        check(offset, 2);
        return get16(offset);
    }

    int read32(int offset) {
        check(offset, 4);
        return get16(offset) | (get16(offset + 2) << 16);
    }

    /** Applies a host write: only the fields a host may change take it. */
    void write16(int offset, int value) {
        check(offset, 2);
        if (offset == COMMAND) {
            int writable = COMMAND_MEMORY | COMMAND_BUS_MASTER | COMMAND_INTX_DISABLE;
            put16(COMMAND, (get16(COMMAND) & ~writable) | (value & writable));
        } else if (offset == MSIX_CAP + 2) {
            int writable = MSIX_ENABLE | MSIX_FUNCTION_MASK;
            put16(offset, (get16(offset) & ~writable) | (value & writable));
        } else if (offset == MSI_CAP + 2) {
            int writable = 0x71; // enable, multiple message enable
            put16(offset, (get16(offset) & ~writable) | (value & writable));
        } else if (offset == 0x3C) {
            put8(0x3C, value);
        } else if (offset >= MSI_CAP + 4 && offset < MSI_CAP + 0x18) {
            put16(offset, value);
        } else if (offset >= BAR0 && offset < BAR0 + 8) {
            int aligned = offset & ~3;
            int cur = read32(aligned);
            int shift = (offset & 2) * 8;
            write32(aligned, (cur & ~(0xFFFF << shift)) | ((value & 0xFFFF) << shift));
        }
    }

    void write32(int offset, int value) {
        check(offset, 4);
        if (offset == BAR0) {
            // Sizing: the low bits below the BAR's size read back as zero; bits 3:0 are the type.
            put32(BAR0, (int) ((value & ~(barSize - 1)) & 0xFFFFFFF0L) | 0x4);
        } else if (offset == BAR0 + 4) {
            put32(BAR0 + 4, value);
        } else {
            write16(offset, value & 0xFFFF);
            write16(offset + 2, value >>> 16);
        }
    }

    private void check(int offset, int width) {
        if (offset < 0 || offset + width > bytes.length || (offset & (width - 1)) != 0) {
            throw new org.nvmeworkbench.core.pci.PciException("Configuration space offset 0x"
                    + Integer.toHexString(offset) + " is outside the 256-byte header or not aligned to " + width + ".");
        }
    }

    private int get16(int offset) {
        return (bytes[offset] & 0xFF) | ((bytes[offset + 1] & 0xFF) << 8);
    }

    void put8(int offset, int value) {
        bytes[offset] = (byte) value;
    }

    void put16(int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
    }

    void put32(int offset, int value) {
        put16(offset, value & 0xFFFF);
        put16(offset + 2, value >>> 16);
    }
}
