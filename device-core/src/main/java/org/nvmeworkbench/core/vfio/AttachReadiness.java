package org.nvmeworkbench.core.vfio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the workbench may attach to an NVMe function now, and if not, one sentence saying why and
 * the exact commands that hand it to vfio-pci. The design's safety rule comes first: a controller whose
 * namespaces the kernel mounts or uses is never a candidate.
 */
record AttachReadiness(boolean attachable, String why) {

    static AttachReadiness of(NvmeFunction f, PciSysfs sysfs) {
        String bdf = f.bdf();
        if (!f.inUse().isEmpty()) {
            String free = f.release().isEmpty() ? "stop what uses it" : "free it (" + String.join("; ", f.release())
                    + (f.release().size() < f.inUse().size() ? ") and stop what else uses it" : ")");
            return refuse(bdf + " is bound to " + (f.driver().equals("nvme") ? "the kernel's nvme driver" : f.driverText())
                    + " and in use (" + String.join(", ", f.inUse()) + "); " + free + ", then hand it to vfio-pci: "
                    + handOver(f, sysfs.vfioDriverLoaded()));
        }
        if (f.driver().equals("nvme")) {
            return refuse(bdf + " is bound to the kernel's nvme driver; hand it to vfio-pci (the kernel then loses /dev/nvme*): "
                    + handOver(f, sysfs.vfioDriverLoaded()));
        }
        if (!f.driver().equals("vfio-pci")) {
            return refuse(bdf + " is bound to " + (f.driver().isEmpty() ? "no driver" : "the " + f.driver() + " driver")
                    + "; bind it to vfio-pci: " + handOver(f, sysfs.vfioDriverLoaded()));
        }
        if (f.iommuGroup() < 0) {
            return refuse(bdf + " has no IOMMU group: enable the IOMMU with intel_iommu=on (or amd_iommu=on) on the kernel "
                    + "command line and reboot.");
        }
        List<String> blockers = sysfs.groupBlockers(f.iommuGroup());
        if (!blockers.isEmpty()) {
            return refuse("IOMMU group " + f.iommuGroup() + " of " + bdf + " also holds " + String.join(", ", blockers)
                    + "; every device in the group must be bound to vfio-pci (or to no driver) before " + bdf + " can be attached.");
        }
        Path node = sysfs.groupNode(f.iommuGroup());
        String nodeText = "/dev/vfio/" + f.iommuGroup();
        if (!Files.exists(node)) {
            return refuse(nodeText + " does not exist although " + bdf + " is bound to vfio-pci: check 'dmesg' for VFIO errors.");
        }
        if (!Files.isReadable(node) || !Files.isWritable(node)) {
            return refuse("You may not open " + nodeText + ": run as root or 'sudo chown $USER " + nodeText + "'.");
        }
        return new AttachReadiness(true, "");
    }

    /** The commands that give {@code f} to vfio-pci, with the boot-time alternative. */
    static String handOver(NvmeFunction f, boolean vfioLoaded) {
        String bdf = f.bdf();
        String dev = "/sys/bus/pci/devices/" + bdf;
        StringBuilder sb = new StringBuilder();
        if (!vfioLoaded) {
            sb.append("modprobe vfio-pci; ");
        }
        sb.append("echo vfio-pci > ").append(dev).append("/driver_override; ");
        if (!f.driver().isEmpty()) {
            sb.append("echo ").append(bdf).append(" > ").append(dev).append("/driver/unbind; ");
        }
        sb.append("echo ").append(bdf).append(" > /sys/bus/pci/drivers_probe");
        sb.append(" (or boot with vfio-pci.ids=").append(f.ids()).append(" on the kernel command line).");
        return sb.toString();
    }

    private static AttachReadiness refuse(String why) {
        return new AttachReadiness(false, why);
    }
}
