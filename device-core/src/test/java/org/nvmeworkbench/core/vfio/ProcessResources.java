package org.nvmeworkbench.core.vfio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an attach holds in this process, read from procfs: open fds (all, VFIO's, eventfds), mappings
 * of a VFIO device (the BAR: {@code anon_inode:[vfio-device]} in /proc/self/maps) and the memory the
 * IOMMU pins (type1 accounts it as locked memory, VmLck in /proc/self/status).
 */
record ProcessResources(int fds, int vfioFds, int eventfds, int vfioMappings, long lockedKib) {
    /** How the kernel names a VFIO device fd and its mappings (anon_inode:[vfio-device]); container and group are /dev/vfio nodes. */
    private static final String VFIO_DEVICE = "[vfio-device]";

    static ProcessResources now() throws IOException {
        int fds = 0;
        int vfio = 0;
        int events = 0;
        List<Path> links;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            links = s.toList();
        }
        for (Path p : links) {
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                continue; // the directory stream's own fd, already closed
            }
            fds++;
            if (target.startsWith("/dev/vfio/") || target.contains(VFIO_DEVICE)) {
                vfio++;
            } else if (target.equals("anon_inode:[eventfd]")) {
                events++;
            }
        }
        int vfioMaps = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8)) {
            if (line.contains(VFIO_DEVICE) || line.contains(" /dev/vfio/")) {
                vfioMaps++;
            }
        }
        long locked = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmLck:")) {
                locked = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new ProcessResources(fds, vfio, events, vfioMaps, locked);
    }

    /** Address ranges [start, end) of every mapping of this process. */
    static List<long[]> mappings() throws IOException {
        List<long[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8)) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            out.add(new long[] {Long.parseUnsignedLong(line.substring(0, dash), 16), Long.parseUnsignedLong(line.substring(dash + 1, space), 16)});
        }
        return out;
    }

    /** Whether any byte of [address, address + length) is mapped. */
    static boolean anyMapped(List<long[]> maps, long address, long length) {
        for (long[] m : maps) {
            if (Long.compareUnsigned(m[0], address + length) < 0 && Long.compareUnsigned(address, m[1]) < 0) {
                return true;
            }
        }
        return false;
    }

    String describe() {
        return fds + " fds (" + vfioFds + " VFIO, " + eventfds + " eventfds), " + vfioMappings + " VFIO mappings, " + lockedKib
                + " KiB pinned";
    }
}
