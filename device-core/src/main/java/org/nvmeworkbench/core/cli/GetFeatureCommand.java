package org.nvmeworkbench.core.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "get-feature", description = "Get Features 07h, 08h or 09h, as nvme-cli's get-feature, with the meaning spelled out.")
final class GetFeatureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    FeatureTarget target;
    @Mixin
    OutputOptions output;

    /** nvme-cli 2.x's get-feature spells it {@code -c/--cdw11}. */
    @Option(names = {"-c", "--cdw11"}, paramLabel = "IV", converter = ValueConverters.Number.class,
            description = "For -f 9: the interrupt vector (IV), the controller's MSI-X vector index, never a Linux IRQ number.")
    Long cdw11;

    @Option(names = {"-s", "--sel"}, paramLabel = "SEL", defaultValue = "0",
            description = "0 current, 1 default, 2 saved, 3 supported capabilities (default: ${DEFAULT-VALUE}).")
    int sel;

    @Option(names = {"-H", "--human-readable"}, description = "Decode the value field by field.")
    boolean human;

    @Override
    public Integer call() {
        long fid = target.fid();
        Long cdw11 = this.cdw11;
        FeatureValues.checkReadable(fid);
        if (sel < 0 || sel > 3) {
            throw CliFailure.usage("SEL is 0 (current), 1 (default), 2 (saved) or 3 (supported capabilities), not " + sel + ".");
        }
        int f = (int) fid;
        if (f == FeatureId.INTERRUPT_VECTOR_CONFIGURATION && cdw11 == null) {
            throw CliFailure.usage("Feature 09h is per vector: name the vector with --cdw11 IV (e.g. --cdw11 1).");
        }
        if (cdw11 != null && (cdw11 < 0 || cdw11 > 0xFFFFFFFFL)) {
            throw CliFailure.usage("--cdw11 is a 32-bit value, not " + cdw11 + ".");
        }
        int dw11 = cdw11 == null ? 0 : (int) (long) cdw11;
        try (ControllerSession d = AttachedDevice.open(target.device, DeviceOptions.DEFAULT, 1, spec.commandLine().getErr())) {
            AdminResult r = d.getFeature(f, sel, dw11);
            if (!r.ok()) {
                throw CliFailure.refused(FeatureText.failure("get-feature", f, r.status()));
            }
            List<String> lines = human ? FeatureText.lines(f, sel, r.dw0()) : List.of(FeatureText.header(f, sel, r.dw0()));
            ObjectNode json = FeatureValues.json(f, sel, r.dw0());
            json.put("device", d.device());
            output.emit(spec, String.join("\n", lines), json);
        }
        return 0;
    }
}
