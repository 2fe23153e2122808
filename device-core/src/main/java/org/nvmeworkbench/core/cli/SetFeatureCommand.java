package org.nvmeworkbench.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.FeatureApplication;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "set-feature", description = "Set Features 08h or 09h, as nvme-cli's set-feature, then read the value back.")
final class SetFeatureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    FeatureTarget target;
    @Mixin
    OutputOptions output;

    /** nvme-cli 2.x spells it {@code -V/--value} (its {@code -v} is --verbose); nvme-cli 1.x's {@code -v} is kept. */
    @Option(names = {"-V", "--value", "-v"}, paramLabel = "VALUE", required = true, converter = ValueConverters.Number.class,
            description = "CDW11: for 8, TIME << 8 | THR (e.g. 0x020a); for 9, CD << 16 | IV (or give IV with --cdw11).")
    long value;

    @Option(names = "--cdw11", paramLabel = "IV", converter = ValueConverters.Number.class,
            description = "For -f 9: the interrupt vector (IV), the controller's MSI-X vector index, never a Linux IRQ number.")
    Long cdw11;

    @Option(names = {"-s", "--save"}, description = "Ask the controller to keep the value across resets (SV).")
    boolean save;

    @Override
    public Integer call() {
        int dw11 = FeatureValues.setValue(target.fid(), value, cdw11);
        int f = (int) target.fid();
        List<String> notes = new ArrayList<>();
        int iv = FeatureValues.vectorOf(f, dw11);
        try (ControllerSession d = AttachedDevice.open(target.device, DeviceOptions.DEFAULT, FeatureValues.ioQueuesForSet(f, dw11),
                spec.commandLine().getErr())) {
            // The session's one policy: 09h on a vector no queue uses goes through a short-lived queue on it.
            FeatureApplication.Applied applied = d.setFeature(f, dw11, save);
            notes.addAll(applied.vectorNotes());
            AdminResult r = applied.result();
            if (!r.ok()) {
                throw CliFailure.refused(FeatureText.failure("set-feature", f, r.status()));
            }
            AdminResult back = d.getFeature(f, FeatureId.SEL_CURRENT, iv);
            if (d.simulated()) {
                notes.add("The simulator forgets it when this command exits; use run --coalesce THR,TIME or --cd-vectors to run with it.");
            }
            StringBuilder sb = new StringBuilder();
            // nvme-cli's printf: "set-feature:%#0*x (%s), value:%#0*x, cdw12:%#0*x, save:%#x".
            sb.append(String.format("set-feature:0x%02x (%s), value:%s, cdw12:%s, save:%s%n", f, FeatureId.name(f),
                    FeatureText.hex32(dw11), FeatureText.hex32(0), save ? "0x1" : "0"));
            ObjectNode json = OutputOptions.object();
            json.put("device", d.device()).put("fid", f).put("feature", FeatureId.name(f)).put("value", dw11).put("save", save);
            if (back.ok()) {
                sb.append("Read back: ").append(String.format("0x%08x", back.dw0())).append('\n');
                FeatureText.fields(f, back.dw0()).forEach(l -> sb.append(l).append('\n'));
                json.set("read_back", FeatureValues.json(f, FeatureId.SEL_CURRENT, back.dw0()));
            } else {
                sb.append("Read back failed: ").append(FeatureText.failure("get-feature", f, back.status())).append('\n');
                json.putNull("read_back");
            }
            notes.forEach(n -> sb.append("Note: ").append(n).append('\n'));
            var noteArray = json.putArray("notes");
            notes.forEach(noteArray::add);
            output.emit(spec, sb.toString(), json);
        }
        return 0;
    }
}
