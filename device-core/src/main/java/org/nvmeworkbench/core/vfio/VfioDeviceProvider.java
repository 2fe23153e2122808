package org.nvmeworkbench.core.vfio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.pci.PciException;
import org.nvmeworkbench.core.pci.PciFunction;

/**
 * Devices of the {@code vfio} scheme: every NVMe controller (class 010802h) on the PCI bus, with its
 * driver, IOMMU group and whether the kernel uses its namespaces; {@code vfio:DDDD:BB:DD.F} attaches to
 * one that is bound to vfio-pci. It never binds or unbinds anything: it says which commands would.
 */
public final class VfioDeviceProvider implements DeviceProvider {
    public static final String SCHEME = "vfio";

    private final PciSysfs sysfs;

    /** The real machine: sysfs and procfs under {@code /}. */
    public VfioDeviceProvider() {
        this(Path.of("/"));
    }

    /**
     * @param root the directory holding {@code sys/} and {@code proc/} ({@code /} on a real machine; a fake
     *             tree in tests). Opening a device always uses the real {@code /dev/vfio}.
     */
    public VfioDeviceProvider(Path root) {
        this.sysfs = new PciSysfs(root);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<DeviceInfo> discover() {
        List<DeviceInfo> out = new ArrayList<>();
        for (String bdf : sysfs.nvmeAddresses()) {
            NvmeFunction f = sysfs.describe(bdf);
            AttachReadiness r = AttachReadiness.of(f, sysfs);
            out.add(new DeviceInfo(SCHEME + ":" + bdf, description(f), r.attachable(), r.why()));
        }
        return out;
    }

    private static String description(NvmeFunction f) {
        return "NVMe controller " + f.ids() + (f.model().isEmpty() ? "" : " " + f.model()) + ", " + f.driverText()
                + (f.iommuGroup() < 0 ? ", no IOMMU group" : ", IOMMU group " + f.iommuGroup()) + f.numaText();
    }

    /**
     * Opens {@code vfio:DDDD:BB:DD.F}. Refuses, in one sentence, a malformed address, an absent device,
     * a function that is not NVMe, one bound to another driver or with namespaces in use.
     */
    @Override
    public PciFunction open(String spec, DeviceOptions options) {
        String prefix = SCHEME + ":";
        if (spec == null || !spec.startsWith(prefix)) {
            throw new DeviceException("'" + spec + "' is not a VFIO device: write vfio:DDDD:BB:DD.F, e.g. vfio:0000:01:00.0.");
        }
        Bdf bdf = Bdf.parse(spec.substring(prefix.length()));
        String a = bdf.text();
        if (!sysfs.exists(a)) {
            throw new DeviceException("There is no PCI function " + a + " on this machine; 'nvme-workbench list' shows the NVMe controllers.");
        }
        if (!sysfs.isNvme(a)) {
            throw new DeviceException(a + " is not an NVMe controller (PCI class 010802h); 'nvme-workbench list' shows the ones there are.");
        }
        NvmeFunction f = sysfs.describe(a);
        AttachReadiness r = AttachReadiness.of(f, sysfs);
        if (!r.attachable()) {
            throw new DeviceException(r.why());
        }
        try {
            return VfioPciFunction.open(a, f.iommuGroup(), sysfs);
        } catch (PciException e) {
            throw new DeviceException(e.getMessage(), e);
        } catch (LinkageError e) { // JNA's native part missing or not loadable on this platform
            throw new DeviceException("The native access library (JNA) could not be loaded on this machine, so VFIO is unavailable: "
                    + e.getMessage() + ".", e);
        }
    }
}
