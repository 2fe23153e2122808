package org.nvmeworkbench.core.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code -d DEV -f FID}: which feature of which device, the options get-feature and set-feature share. */
final class FeatureTarget {
    @Mixin
    DeviceOption device;

    @Option(names = {"-f", "--feature-id"}, paramLabel = "FID", required = true, converter = ValueConverters.Number.class,
            description = "8 (Interrupt Coalescing) or 9 (Interrupt Vector Configuration); get-feature also reads 7 (Number of Queues).")
    long fid;


    String device() {
        return device.device();
    }

    /** The FID as given; each command checks it against the features it handles before narrowing it. */
    long fid() {
        return fid;
    }

}
