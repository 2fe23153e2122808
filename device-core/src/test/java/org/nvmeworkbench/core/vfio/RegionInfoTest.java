package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.sun.jna.Memory;

import org.junit.jupiter.api.Test;

/** Which parts of a region may be mmapped, from region_info as the kernel fills it in (vfio.h). */
class RegionInfoTest {
    private static final int READ_WRITE_MMAP = VfioAbi.REGION_INFO_FLAG_READ | VfioAbi.REGION_INFO_FLAG_WRITE
            | VfioAbi.REGION_INFO_FLAG_MMAP;

    @Test
    void sparseMmapCapabilityLeavesTheMsixTableOut() {
        // cap chain at 32: MSIX_MAPPABLE (id 3) -> SPARSE_MMAP (id 1) with two areas around a table at 0x2000
        Memory m = new Memory(88);
        m.clear();
        m.setInt(12, 32);
        m.setShort(32, (short) 3);
        m.setShort(34, (short) 1);
        m.setInt(36, 40);
        m.setShort(40, (short) VfioAbi.REGION_INFO_CAP_SPARSE_MMAP);
        m.setShort(42, (short) 1);
        m.setInt(44, 0);
        m.setInt(48, 2);
        m.setLong(56, 0);
        m.setLong(64, 0x2000);
        m.setLong(72, 0x3000);
        m.setLong(80, 0x1000);

        List<long[]> areas = RegionInfo.mmapAreas(m, 88, READ_WRITE_MMAP | VfioAbi.REGION_INFO_FLAG_CAPS, 0x4000);

        assertThat(areas).containsExactly(new long[] {0, 0x2000}, new long[] {0x3000, 0x1000});
    }

    @Test
    void regionWithoutCapabilitiesMapsWhole() {
        Memory m = new Memory(32);
        m.clear();

        assertThat(RegionInfo.mmapAreas(m, 32, READ_WRITE_MMAP, 0x4000)).containsExactly(new long[] {0, 0x4000});
    }

    @Test
    void regionWithoutTheMmapFlagMapsNothing() {
        Memory m = new Memory(32);
        m.clear();

        assertThat(RegionInfo.mmapAreas(m, 32, VfioAbi.REGION_INFO_FLAG_READ | VfioAbi.REGION_INFO_FLAG_WRITE, 256)).isEmpty();
    }

    @Test
    void sparseCapabilityWithNoAreasMapsNothing() {
        Memory m = new Memory(48);
        m.clear();
        m.setInt(12, 32);
        m.setShort(32, (short) VfioAbi.REGION_INFO_CAP_SPARSE_MMAP);
        m.setInt(40, 0);

        assertThat(RegionInfo.mmapAreas(m, 48, READ_WRITE_MMAP | VfioAbi.REGION_INFO_FLAG_CAPS, 0x4000)).isEmpty();
    }
}
