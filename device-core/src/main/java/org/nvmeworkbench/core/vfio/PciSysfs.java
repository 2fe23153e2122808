package org.nvmeworkbench.core.vfio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.nvmeworkbench.core.host.CpuSet;

/**
 * Reads what the kernel says about PCI functions and their block devices under a root directory
 * ({@code /} on a real machine, a temp dir in tests): {@code sys/bus/pci/devices}, the nvme driver's
 * {@code nvme/nvmeX/nvmeXnY} tree, {@code sys/block/.../holders}, {@code sys/kernel/iommu_groups},
 * {@code proc/mounts} and {@code proc/swaps}. It only reads; it never binds or unbinds anything.
 */
final class PciSysfs {
    static final String NVME_CLASS = "0x010802";
    /** Drivers that leave an IOMMU group usable by VFIO (drivers/vfio and the iommu core's DMA ownership). */
    static final List<String> GROUP_FRIENDLY_DRIVERS = List.of("vfio-pci", "pci-stub", "pcieport", "");
    private static final Pattern NAMESPACE = Pattern.compile("nvme\\d+(c\\d+)?n\\d+");

    private final Path root;

    PciSysfs(Path root) {
        this.root = root;
    }

    Path devicesDir() {
        return root.resolve("sys/bus/pci/devices");
    }

    Path device(String bdf) {
        return devicesDir().resolve(bdf);
    }

    /** The node VFIO creates for a group, e.g. {@code /dev/vfio/5} (under the root). */
    Path groupNode(int group) {
        return root.resolve("dev/vfio/" + group);
    }

    boolean vfioDriverLoaded() {
        return Files.isDirectory(root.resolve("sys/bus/pci/drivers/vfio-pci"));
    }

    boolean exists(String bdf) {
        return Files.isDirectory(device(bdf));
    }

    /** Every function of class 010802h, sorted by address. */
    List<String> nvmeAddresses() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(devicesDir())) {
            s.forEach(p -> {
                if (read(p.resolve("class")).startsWith(NVME_CLASS)) {
                    out.add(p.getFileName().toString());
                }
            });
        } catch (IOException e) {
            return List.of(); // no PCI bus visible (a container, another OS): nothing to offer
        }
        out.sort(null);
        return out;
    }

    boolean isNvme(String bdf) {
        return read(device(bdf).resolve("class")).startsWith(NVME_CLASS);
    }

    /** The kernel's block devices for the namespaces of {@code bdf} ({@code nvme0n1}, ...), sorted; none when not bound to nvme. */
    List<String> namespaces(String bdf) {
        List<String> out = new ArrayList<>();
        for (Path ctrl : children(device(bdf).resolve("nvme"))) {
            for (Path ns : children(ctrl)) {
                String name = ns.getFileName().toString();
                if (NAMESPACE.matcher(name).matches()) {
                    out.add(name.replaceFirst("c\\d+n", "n"));
                }
            }
        }
        out.sort(null);
        return out;
    }

    NvmeFunction describe(String bdf) {
        Path d = device(bdf);
        List<String> inUse = new ArrayList<>();
        List<String> release = new ArrayList<>();
        List<String> mounts = lines(root.resolve("proc/mounts"));
        List<String> swaps = lines(root.resolve("proc/swaps"));
        String model = "";
        for (Path ctrl : children(d.resolve("nvme"))) {
            if (model.isEmpty()) {
                model = read(ctrl.resolve("model"));
            }
            for (Path ns : children(ctrl)) {
                String name = ns.getFileName().toString();
                if (NAMESPACE.matcher(name).matches()) {
                    usesOf(name.replaceFirst("c\\d+n", "n"), mounts, swaps, inUse, release);
                }
            }
        }
        return new NvmeFunction(bdf, hex(read(d.resolve("vendor"))), hex(read(d.resolve("device"))), driver(bdf),
                iommuGroup(bdf), model, inUse, release, numaNode(bdf));
    }

    /**
     * The namespace and its partitions: mounted, used as swap, or held by another block device (dm, md).
     * Adds one phrase per use to {@code uses} and, where one command ends the use, that command to {@code release}.
     */
    private void usesOf(String ns, List<String> mounts, List<String> swaps, List<String> uses, List<String> release) {
        Path block = root.resolve("sys/block").resolve(ns);
        List<String> names = new ArrayList<>();
        names.add(ns);
        for (Path p : children(block)) {
            String n = p.getFileName().toString();
            if (n.startsWith(ns + "p")) {
                names.add(n);
            }
        }
        for (String n : names) {
            String dev = "/dev/" + n;
            for (String line : mounts) {
                String[] f = line.split("\\s+");
                if (f.length > 1 && f[0].equals(dev)) {
                    String mountPoint = f[1].replace("\\040", " ");
                    uses.add(n + " is mounted on " + mountPoint);
                    release.add("umount " + (mountPoint.contains(" ") ? "'" + mountPoint + "'" : mountPoint));
                }
            }
            for (String line : swaps) {
                if (line.split("\\s+")[0].equals(dev)) {
                    uses.add(n + " is used as swap");
                    release.add("swapoff " + dev);
                }
            }
            Path holders = n.equals(ns) ? block.resolve("holders") : block.resolve(n).resolve("holders");
            for (Path h : children(holders)) {
                uses.add(n + " is held by " + h.getFileName());
            }
        }
    }

    /**
     * The function's NUMA node as the kernel reports it ({@code sys/bus/pci/devices/BDF/numa_node}); -1 when it
     * reports none (a one-node machine, or firmware that does not say).
     */
    int numaNode(String bdf) {
        return intOrMinusOne(read(device(bdf).resolve("numa_node")));
    }

    /**
     * Where the kernel delivers each of {@code bdf}'s VFIO interrupts: for vector v of {@code count}, the first CPU
     * of the IRQ's affinity, -1 when it cannot be read. The IRQ numbers come from {@code proc/interrupts}, whose
     * lines vfio-pci names {@code vfio-msix[V](BDF)} (MSI: {@code vfio-msi[V](BDF)}, pin: {@code vfio-intx(BDF)};
     * drivers/vfio/pci/vfio_pci_intrs.c); the CPU from {@code proc/irq/N/effective_affinity_list} (where the IRQ
     * is actually routed) or, on kernels without it, {@code smp_affinity_list}. Reading only: setting an
     * affinity is a system-wide change this workbench does not make.
     */
    int[] vectorCpus(String bdf, int count) {
        int[] cpus = new int[Math.max(0, count)];
        Arrays.fill(cpus, -1);
        Pattern named = Pattern.compile(
                "vfio-(?:msix|msi)\\[(\\d+)\\]\\(" + Pattern.quote(bdf) + "\\)|vfio-intx\\(" + Pattern.quote(bdf) + "\\)");
        for (String line : lines(root.resolve("proc/interrupts"))) {
            int colon = line.indexOf(':');
            Matcher m = named.matcher(line);
            if (colon < 0 || !m.find()) {
                continue;
            }
            int irq = intOrMinusOne(line.substring(0, colon).trim());
            int v = m.group(1) == null ? 0 : intOrMinusOne(m.group(1));
            if (irq >= 0 && v >= 0 && v < cpus.length) {
                cpus[v] = firstCpu(irq);
            }
        }
        return cpus;
    }

    private int firstCpu(int irq) {
        Path dir = root.resolve("proc/irq/" + irq);
        String list = read(dir.resolve("effective_affinity_list"));
        if (list.isEmpty()) {
            list = read(dir.resolve("smp_affinity_list"));
        }
        try {
            return list.isEmpty() ? -1 : CpuSet.parse(list, "smp_affinity_list").get(0);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    String driver(String bdf) {
        return linkName(device(bdf).resolve("driver")).orElse("");
    }

    int iommuGroup(String bdf) {
        return linkName(device(bdf).resolve("iommu_group")).map(PciSysfs::intOrMinusOne).orElse(-1);
    }

    /** Devices of {@code group} bound to a driver that makes the group unusable for VFIO, as "BDF (driver)". */
    List<String> groupBlockers(int group) {
        List<String> out = new ArrayList<>();
        for (Path p : children(root.resolve("sys/kernel/iommu_groups/" + group + "/devices"))) {
            String bdf = p.getFileName().toString();
            String drv = driver(bdf);
            if (!GROUP_FRIENDLY_DRIVERS.contains(drv)) {
                out.add(bdf + " (" + drv + ")");
            }
        }
        out.sort(null);
        return out;
    }

    private static Optional<String> linkName(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link).getFileName().toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static int hex(String s) {
        try {
            return Integer.parseInt(s.startsWith("0x") ? s.substring(2) : s, 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int intOrMinusOne(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
