package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceInfo;

/** The device's NUMA node from sysfs and where its vfio IRQs are routed, from /proc, read only. */
class NumaAndIrqAffinityTest {
    private static final String BDF = "0000:01:00.0";

    @TempDir
    Path tmp;

    @Test
    void listNamesTheNodeTheKernelReportsAndNothingWhenItReportsNone() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x8086", "0x0953", "vfio-pci", 5).groupNode(5);
        Files.writeString(tmp.resolve("sys/bus/pci/devices").resolve(BDF).resolve("numa_node"), "1\n");
        DeviceInfo d = new VfioDeviceProvider(tmp).discover().get(0);
        assertThat(d.description()).endsWith(", IOMMU group 5, NUMA node 1");
        Files.writeString(tmp.resolve("sys/bus/pci/devices").resolve(BDF).resolve("numa_node"), "-1\n");
        assertThat(new VfioDeviceProvider(tmp).discover().get(0).description()).endsWith(", IOMMU group 5");
        assertThat(new PciSysfs(tmp).numaNode(BDF)).isEqualTo(-1);
    }

    @Test
    void eachVectorsCpuComesFromItsIrqsEffectiveAffinityElseItsAffinityList() throws IOException {
        Path proc = Files.createDirectories(tmp.resolve("proc"));
        Files.writeString(proc.resolve("interrupts"), String.join("\n",
                "           CPU0       CPU1",
                "  24:         10          0  IR-PCI-MSI 1048576-edge      nvme0q0",
                "  45:          0        300  IR-PCI-MSI 1048576-edge      vfio-msix[0](0000:01:00.0)",
                "  46:        200          0  IR-PCI-MSI 1048577-edge      vfio-msix[1](0000:01:00.0)",
                "  47:          0          0  IR-PCI-MSI 1048578-edge      vfio-msix[2](0000:01:00.0)",
                "  48:          0          0  IR-PCI-MSI 2097152-edge      vfio-msix[1](0000:02:00.0)",
                " NMI:          0          0   Non-maskable interrupts", ""));
        irq(45, "1", "0-1");
        irq(46, null, "0,1");
        irq(48, "1", "1");
        int[] cpus = new PciSysfs(tmp).vectorCpus(BDF, 4);
        // 45 routed to CPU 1; 46 has no effective list (older kernel): its affinity's first CPU; 47 unreadable; 3 absent
        assertThat(cpus).containsExactly(1, 0, -1, -1);
        assertThat(new PciSysfs(tmp.resolve("nowhere")).vectorCpus(BDF, 2)).containsExactly(-1, -1);
    }

    private void irq(int n, String effective, String affinity) throws IOException {
        Path d = Files.createDirectories(tmp.resolve("proc/irq/" + n));
        if (effective != null) {
            Files.writeString(d.resolve("effective_affinity_list"), effective + "\n");
        }
        Files.writeString(d.resolve("smp_affinity_list"), affinity + "\n");
    }
}
