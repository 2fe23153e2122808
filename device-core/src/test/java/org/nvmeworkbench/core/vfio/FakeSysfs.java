package org.nvmeworkbench.core.vfio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tree shaped like /sys, /proc and /dev/vfio in a temp dir, built one fact at a time. */
final class FakeSysfs {
    final Path root;

    FakeSysfs(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("sys/bus/pci/devices"));
        Files.createDirectories(root.resolve("sys/bus/pci/drivers/nvme"));
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/mounts"), "proc /proc proc rw 0 0\n");
    }

    FakeSysfs function(String bdf, String pciClass, String vendor, String device, String driver, int group) throws IOException {
        Path d = root.resolve("sys/devices/pci0000:00").resolve(bdf);
        Files.createDirectories(d);
        Files.writeString(d.resolve("class"), pciClass + "\n");
        Files.writeString(d.resolve("vendor"), vendor + "\n");
        Files.writeString(d.resolve("device"), device + "\n");
        Files.createSymbolicLink(root.resolve("sys/bus/pci/devices").resolve(bdf), d);
        if (driver != null) {
            Path drv = Files.createDirectories(root.resolve("sys/bus/pci/drivers").resolve(driver));
            Files.createSymbolicLink(d.resolve("driver"), drv);
        }
        if (group >= 0) {
            Path g = Files.createDirectories(root.resolve("sys/kernel/iommu_groups/" + group + "/devices"));
            Files.createSymbolicLink(d.resolve("iommu_group"), g.getParent());
            Files.createSymbolicLink(g.resolve(bdf), d);
        }
        return this;
    }

    /** The nvme driver's view: nvme/nvmeX/nvmeXnY plus /sys/block/nvmeXnY with partitions. */
    FakeSysfs namespace(String bdf, String ctrl, String ns, String... partitions) throws IOException {
        Path d = root.resolve("sys/bus/pci/devices").resolve(bdf);
        Files.createDirectories(d.resolve("nvme").resolve(ctrl).resolve(ns));
        Files.writeString(d.resolve("nvme").resolve(ctrl).resolve("model"), "Samsung SSD 980 PRO 1TB                 \n");
        Path block = Files.createDirectories(root.resolve("sys/block").resolve(ns).resolve("holders"));
        for (String p : partitions) {
            Files.createDirectories(block.getParent().resolve(p).resolve("holders"));
        }
        return this;
    }

    FakeSysfs mount(String device, String mountPoint) throws IOException {
        Files.writeString(root.resolve("proc/mounts"), device + " " + mountPoint + " ext4 rw,relatime 0 0\n",
                java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    FakeSysfs holder(String blockPath, String holder) throws IOException {
        Files.createDirectories(root.resolve("sys/block").resolve(blockPath).resolve("holders").resolve(holder));
        return this;
    }

    FakeSysfs groupNode(int group) throws IOException {
        Files.createDirectories(root.resolve("dev/vfio"));
        Files.writeString(root.resolve("dev/vfio/" + group), "");
        return this;
    }

    FakeSysfs vfioDriverLoaded() throws IOException {
        Files.createDirectories(root.resolve("sys/bus/pci/drivers/vfio-pci"));
        return this;
    }
}
