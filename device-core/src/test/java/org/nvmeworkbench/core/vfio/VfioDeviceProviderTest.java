package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;

class VfioDeviceProviderTest {
    private static final String BDF = "0000:01:00.0";

    @TempDir
    Path tmp;

    @Test
    void machineWithoutNvmeOffersNothing() throws IOException {
        new FakeSysfs(tmp).function("0000:00:02.0", "0x030000", "0x8086", "0x46a6", "i915", 1);

        assertThat(new VfioDeviceProvider(tmp).discover()).isEmpty();
    }

    @Test
    void machineWithoutSysfsOffersNothing() {
        assertThat(new VfioDeviceProvider(tmp.resolve("nowhere")).discover()).isEmpty();
    }

    @Test
    void nvmeBoundControllerWithMountedNamespaceIsRefusedWithTheCommands() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded()
                .function(BDF, "0x010802", "0x144d", "0xa80a", "nvme", 14)
                .namespace(BDF, "nvme0", "nvme0n1", "nvme0n1p1", "nvme0n1p2")
                .mount("/dev/nvme0n1p2", "/home");

        List<DeviceInfo> found = new VfioDeviceProvider(tmp).discover();

        assertThat(found).hasSize(1);
        DeviceInfo d = found.get(0);
        assertThat(d.spec()).isEqualTo("vfio:" + BDF);
        assertThat(d.attachable()).isFalse();
        assertThat(d.description()).contains("144d:a80a", "Samsung SSD 980 PRO 1TB", "driver nvme", "IOMMU group 14");
        assertThat(d.why()).startsWith(BDF + " is bound to the kernel's nvme driver and in use (nvme0n1p2 is mounted on /home); "
                        + "free it (umount /home), then hand it to vfio-pci: ")
                .contains("echo vfio-pci > /sys/bus/pci/devices/0000:01:00.0/driver_override",
                "echo 0000:01:00.0 > /sys/bus/pci/devices/0000:01:00.0/driver/unbind",
                "echo 0000:01:00.0 > /sys/bus/pci/drivers_probe",
                "vfio-pci.ids=144d:a80a");
        assertThatThrownBy(() -> new VfioDeviceProvider(tmp).open("vfio:" + BDF, DeviceOptions.DEFAULT))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("mounted on /home")
                .hasMessageContaining("driver_override");
    }

    @Test
    void namespaceHeldByDeviceMapperCountsAsInUse() throws IOException {
        new FakeSysfs(tmp).function(BDF, "0x010802", "0x144d", "0xa80a", "nvme", 14)
                .namespace(BDF, "nvme0", "nvme0n1")
                .holder("nvme0n1", "dm-0");

        DeviceInfo d = new VfioDeviceProvider(tmp).discover().get(0);

        assertThat(d.attachable()).isFalse();
        assertThat(d.why()).contains("in use (nvme0n1 is held by dm-0); stop what uses it, then").contains("modprobe vfio-pci; ");
    }

    @Test
    void everyUseIsNamedWithTheCommandThatEndsIt() throws IOException {
        FakeSysfs sys = new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x144d", "0xa80a", "nvme", 14)
                .namespace(BDF, "nvme0", "nvme0n1", "nvme0n1p1", "nvme0n1p2", "nvme0n1p3")
                .mount("/dev/nvme0n1p1", "/boot/efi").mount("/dev/nvme0n1p2", "/media/my\\040disk")
                .holder("nvme0n1/nvme0n1p3", "md0");
        java.nio.file.Files.writeString(tmp.resolve("proc/swaps"), "Filename Type Size Used Priority\n"
                + "/dev/nvme0n1p3 partition 8388604 0 -2\n");

        String why = new VfioDeviceProvider(tmp).discover().get(0).why();

        assertThat(why).contains("(nvme0n1p1 is mounted on /boot/efi, nvme0n1p2 is mounted on /media/my disk, "
                + "nvme0n1p3 is used as swap, nvme0n1p3 is held by md0)")
                .contains("free it (umount /boot/efi; umount '/media/my disk'; swapoff /dev/nvme0n1p3) and stop what else uses it, then");
    }

    @Test
    void nvmeBoundControllerWithNothingMountedIsStillRefused() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x144d", "0xa80a", "nvme", 14)
                .namespace(BDF, "nvme0", "nvme0n1");

        DeviceInfo d = new VfioDeviceProvider(tmp).discover().get(0);

        assertThat(d.attachable()).isFalse();
        assertThat(d.why()).contains("bound to the kernel's nvme driver", "driver/unbind").doesNotContain("modprobe");
    }

    @Test
    void vfioBoundControllerWithItsOwnGroupIsAttachable() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x1b36", "0x0010", "vfio-pci", 5).groupNode(5);

        DeviceInfo d = new VfioDeviceProvider(tmp).discover().get(0);

        assertThat(d.attachable()).isTrue();
        assertThat(d.why()).isEmpty();
        assertThat(d.description()).contains("1b36:0010", "driver vfio-pci", "IOMMU group 5");
    }

    @Test
    void groupSharedWithAKernelDriverIsNotAttachable() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x1b36", "0x0010", "vfio-pci", 5)
                .function("0000:01:00.1", "0x0c0330", "0x8086", "0x1234", "xhci_hcd", 5).groupNode(5);

        DeviceInfo d = new VfioDeviceProvider(tmp).discover().get(0);

        assertThat(d.attachable()).isFalse();
        assertThat(d.why()).contains("IOMMU group 5", "0000:01:00.1 (xhci_hcd)");
    }

    @Test
    void unboundControllerGetsCommandsWithoutUnbind() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x1b36", "0x0010", null, 5);

        DeviceInfo d = new VfioDeviceProvider(tmp).discover().get(0);

        assertThat(d.why()).contains("no driver", "driver_override", "drivers_probe").doesNotContain("unbind");
    }

    @Test
    void missingGroupNodeIsExplained() throws IOException {
        new FakeSysfs(tmp).vfioDriverLoaded().function(BDF, "0x010802", "0x1b36", "0x0010", "vfio-pci", 5);

        assertThat(new VfioDeviceProvider(tmp).discover().get(0).why()).contains("/dev/vfio/5 does not exist");
    }

    @Test
    void malformedAddressIsOneSentenceShowingTheForm() {
        assertThatThrownBy(() -> new VfioDeviceProvider(tmp).open("vfio:01:00.0", DeviceOptions.DEFAULT))
                .isInstanceOf(DeviceException.class)
                .hasMessage("'01:00.0' is not a PCI address: write it as DDDD:BB:DD.F, e.g. vfio:0000:01:00.0.");
    }

    @Test
    void absentDeviceIsOneSentence() throws IOException {
        new FakeSysfs(tmp);

        assertThatThrownBy(() -> new VfioDeviceProvider(tmp).open("vfio:0000:07:00.0", DeviceOptions.DEFAULT))
                .isInstanceOf(DeviceException.class)
                .hasMessageStartingWith("There is no PCI function 0000:07:00.0 on this machine");
    }

    @Test
    void functionThatIsNotNvmeIsRefused() throws IOException {
        new FakeSysfs(tmp).function("0000:00:02.0", "0x030000", "0x8086", "0x46a6", "vfio-pci", 1).groupNode(1);

        assertThatThrownBy(() -> new VfioDeviceProvider(tmp).open("vfio:0000:00:02.0", DeviceOptions.DEFAULT))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("is not an NVMe controller");
    }

    @Test
    void addressIsAcceptedInUpperCaseAndNormalised() {
        assertThat(Bdf.parse("0000:0A:1F.7").text()).isEqualTo("0000:0a:1f.7");
    }
}
