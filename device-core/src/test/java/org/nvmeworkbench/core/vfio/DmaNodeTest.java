package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DMA memory preferring a node (mbind through JNA) and the pages read back from numa_maps. */
class DmaNodeTest {
    @TempDir
    Path tmp;

    @Test
    void pagesPerNodeAreReadFromTheMappingsLine() throws IOException {
        Path maps = tmp.resolve("numa_maps");
        Files.writeString(maps, String.join("\n",
                "55ce051c3000 default file=/usr/bin/head mapped=2 N0=2 kernelpagesize_kB=4",
                "7f12a0000000 prefer:1 anon=4 dirty=4 active=0 N0=1 N1=3 kernelpagesize_kB=4", ""));
        assertThat(DmaNode.pagesPerNode(maps, 0x7f12a0000000L)).containsExactly(1, 3);
        assertThat(DmaNode.pagesPerNode(maps, 0x1000L)).isEmpty();
        assertThat(DmaNode.pagesPerNode(tmp.resolve("absent"), 0x7f12a0000000L)).isEmpty();
    }

    @Test
    void aMappingThatPrefersNodeZeroHasItsPagesThere() {
        Assumptions.assumeTrue(Platform.isLinux() && Files.isReadable(Path.of("/proc/self/numa_maps")),
                "needs Linux with NUMA support");
        long length = 2 * 4096;
        Pointer p = Posix.mmap(null, length, Posix.PROT_READ | Posix.PROT_WRITE, Posix.MAP_PRIVATE | Posix.MAP_ANONYMOUS, -1, 0);
        try {
            assertThat(DmaNode.prefer(p, length, 0)).as("mbind(MPOL_PREFERRED, node 0)").isTrue();
            p.setByte(0, (byte) 1);
            p.setByte(4096, (byte) 1);
            long[] pages = DmaNode.pagesPerNode(Path.of("/proc/self/numa_maps"), Pointer.nativeValue(p));
            assertThat(pages).as("pages per node").isNotEmpty();
            assertThat(pages[0]).isEqualTo(2);
            assertThat(DmaNode.prefer(p, length, 63)).as("a node the machine lacks is refused, not fatal").isFalse();
        } finally {
            Posix.munmap(p, length);
        }
    }
}
