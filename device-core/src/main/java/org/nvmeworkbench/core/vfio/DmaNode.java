package org.nvmeworkbench.core.vfio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * DMA memory on the device's NUMA node: a memory policy set on a fresh anonymous mapping before its pages are
 * touched (VFIO_IOMMU_MAP_DMA pins, and so faults in, every page), and where the pages really are, read back
 * from {@code /proc/self/numa_maps}. The policy is MPOL_PREFERRED (mbind(2)): the pages go to the node while it
 * has free memory and elsewhere rather than failing the allocation; the read-back says which happened.
 */
final class DmaNode {
    /** mbind(2) modes (include/uapi/linux/mempolicy.h). */
    static final int MPOL_PREFERRED = 1;
    /** SYS_mbind: x86-64 237 (arch/x86/entry/syscalls/syscall_64.tbl), arm64 235 (include/uapi/asm-generic/unistd.h). */
    private static final long SYS_MBIND = Platform.isARM() ? 235 : 237;
    /** Bits in the node mask we pass, plus one: the kernel reads maxnode - 1 bits (mm/mempolicy.c, get_nodes). */
    private static final long MAX_NODE = 65;

    private DmaNode() {
    }

    /**
     * Prefers {@code node} for the pages of {@code [address, address + length)}; false when the kernel refuses
     * (no NUMA support: ENOSYS; a node it does not have: EINVAL), in which case the kernel's default applies.
     */
    static boolean prefer(Pointer address, long length, int node) {
        if (node < 0 || node >= 64) {
            return false;
        }
        Memory mask = new Memory(8);
        mask.setLong(0, 1L << node);
        try {
            Posix.syscall(SYS_MBIND, address, length, MPOL_PREFERRED, mask, MAX_NODE, 0);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /**
     * Pages of the mapping starting at {@code address} per node, from its {@code numa_maps} line ("N0=3 N1=1");
     * index = node; empty when the line is not there (no NUMA support, or the mapping is gone).
     */
    static long[] pagesPerNode(Path numaMaps, long address) {
        List<String> lines;
        try {
            lines = Files.readAllLines(numaMaps, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new long[0];
        }
        String start = Long.toHexString(address).toLowerCase(Locale.ROOT) + " ";
        for (String line : lines) {
            if (!line.startsWith(start)) {
                continue;
            }
            long[] pages = new long[0];
            for (String token : line.split("\\s+")) {
                int eq = token.indexOf('=');
                if (token.length() > 1 && token.charAt(0) == 'N' && eq > 1) {
                    try {
                        int node = Integer.parseInt(token.substring(1, eq));
                        long n = Long.parseLong(token.substring(eq + 1));
                        if (node >= pages.length) {
                            pages = java.util.Arrays.copyOf(pages, node + 1);
                        }
                        pages[node] += n;
                    } catch (NumberFormatException e) {
                        // another key that starts with N: not a node count
                    }
                }
            }
            return pages;
        }
        return new long[0];
    }
}
