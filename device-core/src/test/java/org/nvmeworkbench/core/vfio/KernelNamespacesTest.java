package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelNamespacesTest {
    @TempDir
    Path tmp;

    @Test
    void aKernelHeldControllerNamesItsNamespacesBlockDevicesAndTheirUses() throws IOException {
        new FakeSysfs(tmp).function("0000:01:00.0", "0x010802", "0x144d", "0xa80a", "nvme", 14)
                .namespace("0000:01:00.0", "nvme0", "nvme0n2").namespace("0000:01:00.0", "nvme0", "nvme0n1", "nvme0n1p1")
                .mount("/dev/nvme0n1p1", "/data");
        KernelNamespaces.Controller c = new KernelNamespaces(tmp).of("0000:01:00.0");
        assertThat(c.kernelBound()).isTrue();
        assertThat(c.namespaces()).containsExactly("/dev/nvme0n1", "/dev/nvme0n2");
        assertThat(c.inUse()).containsExactly("nvme0n1p1 is mounted on /data");
    }

    @Test
    void aControllerHandedToVfioOrAbsentIsNotTheKernels() throws IOException {
        new FakeSysfs(tmp).function("0000:02:00.0", "0x010802", "0x1b36", "0x0010", "vfio-pci", 15);
        assertThat(new KernelNamespaces(tmp).of("0000:02:00.0").kernelBound()).isFalse();
        assertThat(new KernelNamespaces(tmp).of("0000:03:00.0").driver()).isEmpty();
    }
}
