package org.nvmeworkbench.core.vfio;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * One region of a VFIO device (a BAR, the config space): where it sits in the device fd, how big it
 * is, and which parts may be mmapped. With the sparse-mmap capability the kernel lists the areas that
 * may be mapped (it leaves out e.g. an MSI-X table inside the BAR); the rest goes through
 * pread/pwrite on the device fd.
 *
 * @param mmapAreas {offset, size} pairs relative to the region start; empty when nothing may be mapped
 */
record RegionInfo(int index, int flags, long size, long offset, List<long[]> mmapAreas) {

    boolean readable() {
        return (flags & VfioAbi.REGION_INFO_FLAG_READ) != 0;
    }

    /** DEVICE_GET_REGION_INFO, asked again with a larger argsz when the capability chain needs it. */
    static RegionInfo query(int deviceFd, int index) {
        int argsz = VfioAbi.REGION_INFO_SIZE;
        for (int attempt = 0; attempt < 2; attempt++) {
            Memory m = new Memory(argsz);
            m.clear();
            m.setInt(0, argsz);
            m.setInt(8, index);
            try {
                Posix.ioctl(deviceFd, VfioAbi.DEVICE_GET_REGION_INFO, m);
            } catch (LastErrorException e) {
                throw VfioDiagnosis.step("Reading region " + index + " of the device", e.getErrorCode());
            }
            int needed = m.getInt(0);
            int flags = m.getInt(4);
            if ((flags & VfioAbi.REGION_INFO_FLAG_CAPS) != 0 && needed > argsz) {
                argsz = needed; // the kernel says how much room the capability chain needs
                continue;
            }
            long size = m.getLong(16);
            long offset = m.getLong(24);
            return new RegionInfo(index, flags, size, offset, mmapAreas(m, argsz, flags, size));
        }
        throw new IllegalStateException("The kernel kept growing region " + index + "'s capability chain.");
    }

    /** The areas that may be mmapped, from the flags and the capability chain of a filled-in region_info. */
    static List<long[]> mmapAreas(Memory m, int argsz, int flags, long size) {
        List<long[]> areas = new ArrayList<>();
        if ((flags & VfioAbi.REGION_INFO_FLAG_MMAP) == 0 || size == 0) {
            return areas;
        }
        if ((flags & VfioAbi.REGION_INFO_FLAG_CAPS) != 0) {
            int at = m.getInt(12); // cap_offset
            for (int hops = 0; at >= VfioAbi.REGION_INFO_SIZE && at + 8 <= argsz && hops < 16; hops++) {
                int id = m.getShort(at) & 0xFFFF;
                int next = m.getInt(at + 4);
                if (id == VfioAbi.REGION_INFO_CAP_SPARSE_MMAP) {
                    int n = m.getInt(at + 8);
                    for (int i = 0; i < n && at + 16 + (i + 1) * 16 <= argsz; i++) {
                        long off = m.getLong(at + 16 + i * 16L);
                        long len = m.getLong(at + 24 + i * 16L);
                        if (len > 0) {
                            areas.add(new long[] {off, len});
                        }
                    }
                    return areas; // sparse: only these areas, possibly none
                }
                at = next;
            }
        }
        areas.add(new long[] {0, size});
        return areas;
    }
}
