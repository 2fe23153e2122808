package org.nvmeworkbench.core.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List the devices the workbench can attach to, and why not when it cannot.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        List<DeviceInfo> devices = DeviceCatalog.load().discover();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-24s %-10s %s%n", "Device", "Attachable", "Description"));
        sb.append(String.format("%-24s %-10s %s%n", "-".repeat(24), "-".repeat(10), "-".repeat(40)));
        ObjectNode o = OutputOptions.object();
        ArrayNode arr = o.putArray("devices");
        for (DeviceInfo d : devices) {
            sb.append(String.format("%-24s %-10s %s%n", d.spec(), d.attachable() ? "yes" : "no", d.description()));
            if (!d.attachable() && !d.why().isEmpty()) {
                sb.append(String.format("%-24s %-10s why: %s%n", "", "", d.why()));
            }
            arr.addObject().put("device", d.spec()).put("description", d.description())
                    .put("attachable", d.attachable()).put("why", d.why());
        }
        if (devices.isEmpty()) {
            sb.append("No device providers are installed.\n");
        }
        output.emit(spec, sb.toString(), o);
        return 0;
    }
}
