package org.nvmeworkbench.core.vfio;

import java.nio.file.Path;
import java.util.List;

/**
 * A controller the kernel's nvme driver holds, as a kernel baseline needs it: its namespaces' block devices
 * and what uses them (mounted, swap, held). It only reads sysfs and /proc; nothing is bound or unbound.
 */
public final class KernelNamespaces {
    private final PciSysfs sysfs;

    public KernelNamespaces() {
        this(Path.of("/"));
    }

    /** Under {@code root} instead of / (tests build a fake sysfs). */
    public KernelNamespaces(Path root) {
        this.sysfs = new PciSysfs(root);
    }

    /** What the kernel says about {@code bdf}: its driver, its namespaces' /dev nodes, their uses. */
    public Controller of(String bdf) {
        if (!sysfs.exists(bdf)) {
            return new Controller(bdf, "", List.of(), List.of());
        }
        NvmeFunction f = sysfs.describe(bdf);
        return new Controller(bdf, f.driver(), sysfs.namespaces(bdf).stream().map(n -> "/dev/" + n).toList(), f.inUse());
    }

    /**
     * @param driver     the kernel driver bound, empty when none or no such function
     * @param namespaces {@code /dev/nvmeXnY}, sorted
     * @param inUse      one phrase per use (mounted, swap, held by dm/md)
     */
    public record Controller(String bdf, String driver, List<String> namespaces, List<String> inUse) {
        public boolean kernelBound() {
            return driver.equals("nvme");
        }
    }
}
