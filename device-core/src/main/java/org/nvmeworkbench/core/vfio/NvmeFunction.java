package org.nvmeworkbench.core.vfio;

import java.util.List;

/**
 * One NVMe controller (PCI class 010802h) as sysfs shows it.
 *
 * @param driver     the bound driver's name ({@code nvme}, {@code vfio-pci}, ...), empty when none
 * @param iommuGroup the IOMMU group number, -1 when the function has none (IOMMU off)
 * @param model      the model string when the nvme driver reports one, else empty
 * @param inUse      why the kernel is using its namespaces, one phrase each ("nvme0n1p2 is mounted on /")
 * @param release    the commands that end those uses where one command does ("umount /", "swapoff /dev/nvme0n1p3")
 * @param numaNode   the NUMA node the kernel reports for the function, -1 when none
 */
record NvmeFunction(String bdf, int vendor, int device, String driver, int iommuGroup, String model, List<String> inUse,
                    List<String> release, int numaNode) {

    String ids() {
        return String.format("%04x:%04x", vendor, device);
    }

    /** ", NUMA node 1", or nothing when the kernel reports none. */
    String numaText() {
        return numaNode < 0 ? "" : ", NUMA node " + numaNode;
    }

    String driverText() {
        return driver.isEmpty() ? "no driver" : "driver " + driver;
    }
}
