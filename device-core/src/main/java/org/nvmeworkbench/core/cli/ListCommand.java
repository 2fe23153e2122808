package org.nvmeworkbench.core.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.agent.AgentAddress;
import org.nvmeworkbench.core.agent.AgentClient;
import org.nvmeworkbench.core.agent.proto.DeviceEntry;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.sim.SimDeviceProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List the devices the workbench can attach to, and why not when it cannot.")
final class ListCommand implements Callable<Integer> {
    /** The namespace every workbench run addresses. */
    private static final int NAMESPACE = 1;

    @Spec
    CommandSpec spec;
    @Mixin
    OutputOptions output;

    /** -d remote://HOST:PORT lists that agent's devices instead of this host's. */
    @Mixin
    DeviceOption agent;

    @Override
    public Integer call() {
        List<DeviceInfo> devices = AgentAddress.names(agent.device()) ? remoteDevices(agent.device()) : DeviceCatalog.load().discover();
        StringBuilder sb = new StringBuilder();
        int w = 24;
        for (DeviceInfo d : devices) {
            w = Math.max(w, d.spec().length());
        }
        String row = "%-" + w + "s %-10s %s%n";
        sb.append(String.format(row, "Device", "Attachable", "Description"));
        sb.append(String.format(row, "-".repeat(w), "-".repeat(10), "-".repeat(40)));
        ObjectNode o = OutputOptions.object();
        ArrayNode arr = o.putArray("Devices");
        for (DeviceInfo d : devices) {
            sb.append(String.format(row, d.spec(), d.attachable() ? "yes" : "no", d.description()));
            if (!d.attachable() && !d.why().isEmpty()) {
                sb.append(String.format(row, "", "", "why: " + d.why()));
            }
            ObjectNode e = arr.addObject();
            if (output.json()) {
                nvmeCliKeys(d, e);
            }
            e.put("device", d.spec()).put("description", d.description())
                    .put("attachable", d.attachable()).put("why", d.why());
        }
        if (devices.isEmpty()) {
            sb.append("No device providers are installed.\n");
        }
        output.emit(spec, sb.toString(), o);
        return 0;
    }

    /**
     * nvme-cli 2.x's list keys (nvme-print-json.c, json_list_item_obj) for a device whose namespace the
     * workbench can identify without disturbing anything: the simulator, attached in this process for the
     * moment it takes. nvme-cli reads them from sysfs, which the kernel filled from Identify; a VFIO device
     * would have to be reset and attached to be identified, which listing must not do, so it carries the
     * workbench's keys only (README says so).
     */
    private static void nvmeCliKeys(DeviceInfo d, ObjectNode e) {
        if (!d.attachable() || !SimDeviceProvider.names(d.spec())) {
            return;
        }
        try (LocalControllerSession s = LocalControllerSession.attach(DeviceCatalog.load(), d.spec(), DeviceOptions.DEFAULT, 1)) {
            ControllerSession.Identity id = s.identify(NAMESPACE);
            long lba = id.namespace().lbaSize();
            e.put("NameSpace", NAMESPACE).put("DevicePath", d.spec()).put("GenericPath", d.spec())
                    .put("Firmware", id.controller().fr()).put("ModelNumber", id.controller().mn())
                    .put("SerialNumber", id.controller().sn()).put("UsedBytes", id.namespace().nuse() * lba)
                    .put("MaximumLBA", id.namespace().nsze()).put("PhysicalSize", id.namespace().nsze() * lba)
                    .put("SectorSize", lba);
        }
    }

    /** The agent's devices, named as a remote device is named here (remote://HOST:PORT/DEV). */
    private List<DeviceInfo> remoteDevices(String remote) {
        AgentAddress a;
        try {
            a = AgentAddress.parse(remote);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        List<DeviceInfo> out = new java.util.ArrayList<>();
        try (AgentClient client = AgentClient.connect(a, agent.agentOptions(spec.commandLine().getErr()))) {
            for (DeviceEntry d : client.list().getDevicesList()) {
                out.add(new DeviceInfo(a.with(d.getSpec()).toString(), d.getDescription(), d.getAttachable(), d.getWhy()));
            }
        }
        return out;
    }
}
