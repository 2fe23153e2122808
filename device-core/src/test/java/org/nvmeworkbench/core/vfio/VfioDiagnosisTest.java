package org.nvmeworkbench.core.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class VfioDiagnosisTest {

    @Test
    void epermAtSetIommuPointsAtInterruptRemapping() {
        assertThat(VfioDiagnosis.setIommu(Posix.EPERM).getMessage())
                .contains("interrupt remapping", "intel_iommu=on", "allow_unsafe_interrupts");
    }

    @Test
    void busyGroupNamesAnotherProcess() {
        assertThat(VfioDiagnosis.groupOpen(Posix.EBUSY, 5, "0000:00:05.0").getMessage())
                .startsWith("Another process holds IOMMU group 5 (/dev/vfio/5)");
    }

    @Test
    void deniedGroupNodeSaysRootOrChown() {
        assertThat(VfioDiagnosis.groupOpen(Posix.EACCES, 5, "0000:00:05.0").getMessage())
                .contains("run as root", "chown $USER /dev/vfio/5");
    }

    @Test
    void groupThatIsNotViableListsTheDevicesInTheWay() {
        assertThat(VfioDiagnosis.groupNotViable(9, List.of("0000:00:1f.0 (lpc_ich)", "0000:00:1f.3 (snd_hda_intel)")).getMessage())
                .isEqualTo("Every device in IOMMU group 9 must be bound to vfio-pci (or to no driver), but 0000:00:1f.0 (lpc_ich), "
                        + "0000:00:1f.3 (snd_hda_intel) are not: hand them to vfio-pci as well or move the NVMe device to a slot "
                        + "with its own group.");
    }

    @Test
    void vanishedDeviceIsNamedAsSuch() {
        assertThat(VfioDiagnosis.step("Reading BAR0", Posix.ENODEV).getMessage()).contains("ENODEV", "removed");
    }

    @Test
    void everyMessageIsOneSentence() {
        for (int errno : new int[] {Posix.EPERM, Posix.ENOENT, Posix.EACCES, Posix.EBUSY, Posix.ENODEV, Posix.EINVAL, 99}) {
            for (String m : List.of(VfioDiagnosis.containerOpen(errno).getMessage(), VfioDiagnosis.setIommu(errno).getMessage(),
                    VfioDiagnosis.groupOpen(errno, 3, "0000:00:05.0").getMessage(),
                    VfioDiagnosis.deviceFd(errno, "0000:00:05.0", 3).getMessage(), VfioDiagnosis.mapDma(errno, 4096).getMessage())) {
                assertThat(m).endsWith(".").doesNotContain("\n");
                assertThat(m.substring(0, m.length() - 1)).doesNotContain(". ");
            }
        }
    }
}
