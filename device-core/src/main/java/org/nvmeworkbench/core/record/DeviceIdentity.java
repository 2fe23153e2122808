package org.nvmeworkbench.core.record;

import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.spec.IdentifyController;
import org.nvmeworkbench.core.spec.IdentifyNamespace;

/**
 * Which device a run used, as Identify and the registers reported it.
 *
 * @param spec            the string that opened it, e.g. {@code sim:tlc}
 * @param model           Identify Controller MN
 * @param serial          SN
 * @param firmware        FR
 * @param vendorId        PCI vendor ID
 * @param nvmeVersion     e.g. "1.4.0"
 * @param lbaSize         bytes per logical block of the namespace used
 * @param namespaceBlocks NSZE of the namespace used
 * @param maxQueueEntries CAP.MQES + 1
 */
public record DeviceIdentity(String spec, String model, String serial, String firmware, int vendorId,
                             String nvmeVersion, int lbaSize, long namespaceBlocks, int maxQueueEntries) {

    /** What an attached controller says about itself and namespace 1. */
    public static DeviceIdentity of(String spec, NvmeController ctrl) {
        IdentifyController id = ctrl.identifyController();
        IdentifyNamespace ns = ctrl.namespace();
        return new DeviceIdentity(spec, id.mn(), id.sn(), id.fr(), id.vid(), id.version(),
                ns == null ? 0 : ns.lbaSize(), ns == null ? 0 : ns.nsze(), ctrl.maxQueueEntries());
    }

    /** Only what the run itself recorded: name, model, serial, firmware. */
    public static DeviceIdentity named(String spec, String model, String serial, String firmware) {
        return new DeviceIdentity(spec, model, serial, firmware, 0, "", 0, 0, 0);
    }
}
