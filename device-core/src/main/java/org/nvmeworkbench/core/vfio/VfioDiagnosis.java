package org.nvmeworkbench.core.vfio;

import java.util.List;

import org.nvmeworkbench.core.pci.PciException;

/**
 * Turns a kernel error at one step of VFIO bring-up into one sentence that says what to do. The
 * errno meanings come from drivers/vfio (container.c, group.c, vfio_iommu_type1.c).
 */
final class VfioDiagnosis {

    private VfioDiagnosis() {
    }

    static PciException containerOpen(int errno) {
        return new PciException(switch (errno) {
            case Posix.ENOENT, Posix.ENODEV, Posix.ENXIO -> "/dev/vfio/vfio does not exist: load the VFIO driver with 'modprobe vfio-pci'.";
            case Posix.EACCES, Posix.EPERM -> "Opening /dev/vfio/vfio was denied: run as root or give your user access to /dev/vfio.";
            default -> "Opening /dev/vfio/vfio failed (" + errnoName(errno) + "): check that the vfio and vfio-pci modules are loaded.";
        });
    }

    static PciException apiVersion(int version) {
        return new PciException("The kernel's VFIO API version is " + version + ", not " + VfioAbi.API_VERSION
                + "; this workbench needs a kernel with the standard VFIO interface.");
    }

    static PciException noType1v2() {
        return new PciException("The kernel's VFIO offers no type1v2 IOMMU: enable the IOMMU (intel_iommu=on or amd_iommu=on on the "
                + "kernel command line) and load vfio_iommu_type1.");
    }

    static PciException groupOpen(int errno, int group, String bdf) {
        String node = "/dev/vfio/" + group;
        return new PciException(switch (errno) {
            case Posix.ENOENT -> node + " does not exist: bind " + bdf + " to vfio-pci first (see 'nvme-workbench list').";
            case Posix.EACCES, Posix.EPERM -> "Opening " + node + " was denied: run as root or 'chown $USER " + node + "'.";
            case Posix.EBUSY -> "Another process holds IOMMU group " + group + " (" + node + "), a VM or another workbench perhaps: "
                    + "close it first.";
            case Posix.ENODEV -> "IOMMU group " + group + " went away: check that " + bdf + " is still bound to vfio-pci.";
            default -> "Opening " + node + " failed (" + errnoName(errno) + "): check that " + bdf + " is bound to vfio-pci.";
        });
    }

    /**
     * @param blockers devices of the group that block it, each "BDF (driver)"
     */
    static PciException groupNotViable(int group, List<String> blockers) {
        return new PciException("Every device in IOMMU group " + group + " must be bound to vfio-pci (or to no driver), but "
                + (blockers.isEmpty() ? "some are not" : String.join(", ", blockers) + (blockers.size() == 1 ? " is not" : " are not"))
                + ": hand them to vfio-pci as well or move the NVMe device to a slot with its own group.");
    }

    static PciException setContainer(int errno, int group) {
        return new PciException(errno == Posix.EBUSY
                ? "IOMMU group " + group + " is already attached to another VFIO container: close the program that uses it."
                : "Attaching IOMMU group " + group + " to a VFIO container failed (" + errnoName(errno) + ").");
    }

    static PciException setIommu(int errno) {
        return new PciException(switch (errno) {
            case Posix.EPERM -> "The kernel refused the IOMMU because interrupt remapping is missing: enable the IOMMU with "
                    + "interrupt remapping (intel_iommu=on, or intremap=on for a QEMU intel-iommu) or, at your own risk, "
                    + "'modprobe vfio_iommu_type1 allow_unsafe_interrupts=1'.";
            case Posix.ENODEV, Posix.EINVAL -> "The kernel cannot set up a type1v2 IOMMU for this device: enable the IOMMU "
                    + "(intel_iommu=on or amd_iommu=on) and load vfio_iommu_type1.";
            case Posix.EBUSY -> "The VFIO container already has an IOMMU: another attach is in progress in this process.";
            default -> "Setting up the IOMMU failed (" + errnoName(errno) + "): check that the IOMMU is enabled.";
        });
    }

    static PciException deviceFd(int errno, String bdf, int group) {
        return new PciException(switch (errno) {
            case Posix.EBUSY -> bdf + " is already open in another process or VFIO container: close it first.";
            case Posix.ENODEV, Posix.EINVAL -> bdf + " is not a device of IOMMU group " + group + "; check the address with 'nvme-workbench list'.";
            case Posix.EPERM, Posix.EACCES -> "Opening " + bdf + " through VFIO was denied: run as root.";
            default -> "Opening " + bdf + " through VFIO failed (" + errnoName(errno) + ").";
        });
    }

    static PciException mapDma(int errno, long bytes) {
        return new PciException(switch (errno) {
            case Posix.ENOMEM -> "The IOMMU could not pin " + bytes + " bytes of DMA memory: raise the locked-memory limit "
                    + "('ulimit -l unlimited') or run as root.";
            case Posix.ENOSPC -> "The IOMMU has no room for another DMA mapping: raise vfio_iommu_type1's dma_entry_limit.";
            default -> "Mapping " + bytes + " bytes of DMA memory through the IOMMU failed (" + errnoName(errno) + ").";
        });
    }

    /** Any other step: what failed, the errno, and when the device has gone away, that. */
    static PciException step(String what, int errno) {
        if (errno == Posix.ENODEV || errno == Posix.EIO) {
            return new PciException(what + " failed (" + errnoName(errno) + "): the device stopped answering or was removed; "
                    + "check it with 'lspci' and attach again.");
        }
        return new PciException(what + " failed (" + errnoName(errno) + ").");
    }

    static String errnoName(int errno) {
        return switch (errno) {
            case Posix.EPERM -> "EPERM";
            case Posix.ENOENT -> "ENOENT";
            case Posix.EINTR -> "EINTR";
            case Posix.EIO -> "EIO";
            case Posix.ENXIO -> "ENXIO";
            case Posix.EAGAIN -> "EAGAIN";
            case Posix.ENOMEM -> "ENOMEM";
            case Posix.EACCES -> "EACCES";
            case Posix.EBUSY -> "EBUSY";
            case Posix.ENODEV -> "ENODEV";
            case Posix.EINVAL -> "EINVAL";
            case Posix.ENOSPC -> "ENOSPC";
            default -> "errno " + errno;
        };
    }
}
