package org.nvmeworkbench.core.vfio;

/**
 * Linux {@code include/uapi/linux/vfio.h}, legacy container/group path: ioctl numbers
 * ({@code _IO(';', 100 + n)}), flags, indexes and struct sizes (docs/nvme-reference.md "Linux VFIO ABI").
 * Every struct starts with {@code u32 argsz}.
 */
final class VfioAbi {
    static final long GET_API_VERSION = 0x3B64;
    static final long CHECK_EXTENSION = 0x3B65;
    static final long SET_IOMMU = 0x3B66;
    static final long GROUP_GET_STATUS = 0x3B67;
    static final long GROUP_SET_CONTAINER = 0x3B68;
    static final long GROUP_GET_DEVICE_FD = 0x3B6A;
    static final long DEVICE_GET_INFO = 0x3B6B;
    static final long DEVICE_GET_REGION_INFO = 0x3B6C;
    static final long DEVICE_GET_IRQ_INFO = 0x3B6D;
    static final long DEVICE_SET_IRQS = 0x3B6E;
    static final long DEVICE_RESET = 0x3B6F;
    static final long IOMMU_MAP_DMA = 0x3B71;
    static final long IOMMU_UNMAP_DMA = 0x3B72;

    static final int API_VERSION = 0;
    static final int TYPE1V2_IOMMU = 3;

    static final int GROUP_FLAGS_VIABLE = 1;

    /** vfio_device_info.flags: RESET 1 &lt;&lt; 0, PCI 1 &lt;&lt; 1. */
    static final int DEVICE_FLAGS_RESET = 1;
    static final int DEVICE_FLAGS_PCI = 2;

    /** vfio_region_info.flags. */
    static final int REGION_INFO_FLAG_READ = 1;
    static final int REGION_INFO_FLAG_WRITE = 2;
    static final int REGION_INFO_FLAG_MMAP = 4;
    static final int REGION_INFO_FLAG_CAPS = 8;
    /** Capability chain id of the sparse mmap areas (vfio_region_info_cap_sparse_mmap). */
    static final int REGION_INFO_CAP_SPARSE_MMAP = 1;

    static final int PCI_BAR0_REGION_INDEX = 0;
    static final int PCI_CONFIG_REGION_INDEX = 7;

    static final int PCI_INTX_IRQ_INDEX = 0;
    static final int PCI_MSI_IRQ_INDEX = 1;
    static final int PCI_MSIX_IRQ_INDEX = 2;

    /** vfio_irq_set.flags. */
    static final int IRQ_SET_DATA_NONE = 1;
    static final int IRQ_SET_DATA_EVENTFD = 4;
    static final int IRQ_SET_ACTION_UNMASK = 0x10;
    static final int IRQ_SET_ACTION_TRIGGER = 0x20;

    static final int DMA_MAP_FLAG_READ = 1;
    static final int DMA_MAP_FLAG_WRITE = 2;

    static final int GROUP_STATUS_SIZE = 8;
    static final int DEVICE_INFO_SIZE = 24;
    static final int REGION_INFO_SIZE = 32;
    static final int IRQ_INFO_SIZE = 16;
    static final int IRQ_SET_HEADER_SIZE = 20;
    static final int DMA_MAP_SIZE = 32;
    static final int DMA_UNMAP_SIZE = 24;

    private VfioAbi() {
    }
}
