package org.nvmeworkbench.core.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.spec.IdentifyController;
import org.nvmeworkbench.core.spec.IdentifyControllerData;
import org.nvmeworkbench.core.spec.IdentifyNamespace;
import org.nvmeworkbench.core.spec.LbaFormat;
import org.nvmeworkbench.core.spec.RegisterDecoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "identify", description = "Identify Controller, Identify Namespace and the controller registers, decoded.")
final class IdentifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DeviceOption device;
    @Mixin
    OutputOptions output;

    @Option(names = {"-n", "--namespace-id"}, paramLabel = "NSID", defaultValue = "1",
            description = "The namespace to identify (default: ${DEFAULT-VALUE}).")
    int nsid = 1;

    @Override
    public Integer call() {
        if (nsid < 1) {
            throw CliFailure.usage("A namespace ID starts at 1, not " + nsid + ".");
        }
        try (ControllerSession d = AttachedDevice.open(device, DeviceOptions.DEFAULT, 1, spec.commandLine().getErr())) {
            ControllerSession.Identity identity = d.identify(nsid);
            IdentifyController id = identity.controller();
            IdentifyNamespace ns = identity.namespace();
            ControllerRegisters regs = identity.registers();
            List<String> decoded = RegisterDecoder.describe(regs.cap(), regs.vs(), regs.cc(), regs.csts(), regs.aqa());
            StringBuilder sb = new StringBuilder();
            sb.append("NVME Identify Controller (").append(d.device()).append("):\n");
            id.describe().forEach(l -> sb.append(l).append('\n'));
            sb.append("\nNVME Identify Namespace ").append(nsid).append(ns.active() ? ":\n" : ": not active\n");
            if (ns.active()) {
                ns.describe().forEach(l -> sb.append(l).append('\n'));
            }
            sb.append("\nController registers:\n");
            decoded.forEach(l -> sb.append(l).append('\n'));
            ObjectNode json = json(identity.controllerData(), id, ns, regs, decoded);
            // The host's side, known only where the function is opened here (sysfs numa_node on VFIO).
            if (d instanceof LocalControllerSession local) {
                int node = local.controller().pci().numaNode();
                sb.append("\nNUMA node: ").append(node < 0 ? "none reported (-1: one node, or the firmware does not say)"
                        : Integer.toString(node)).append('\n');
                json.put("numa_node", node);
                long[] pages = local.controller().pci().dmaPagesPerNode();
                for (int n = 0; n < pages.length; n++) {
                    if (pages[n] > 0) {
                        sb.append("DMA memory: ").append(pages[n]).append(" pages on node ").append(n).append('\n');
                    }
                }
            }
            output.emit(spec, sb.toString(), json);
        }
        return 0;
    }

    /**
     * nvme-cli's id-ctrl keys at the top level, where {@code jq .mdts} finds them; what nvme-cli's id-ctrl
     * does not print (the device named, the version spelled out, the namespace and the registers) under
     * keys nvme-cli does not use.
     */
    private ObjectNode json(IdentifyControllerData data, IdentifyController id, IdentifyNamespace ns, ControllerRegisters regs,
                            List<String> decoded) {
        ObjectNode o = OutputOptions.object();
        NvmeCliIdCtrl.write(data, o);
        o.put("device", device.device());
        o.put("version", id.version());
        ObjectNode n = o.putObject("namespace");
        n.put("nsid", nsid).put("active", ns.active()).put("nsze", ns.nsze()).put("ncap", ns.ncap()).put("nuse", ns.nuse())
                .put("nsfeat", ns.nsfeat()).put("nlbaf", ns.nlbaf()).put("flbas", ns.flbas()).put("lba_size", ns.lbaSize());
        ArrayNode lbaf = n.putArray("lbafs");
        for (LbaFormat f : ns.lbaf()) {
            lbaf.addObject().put("ms", f.ms()).put("ds", f.lbads()).put("rp", f.rp());
        }
        ObjectNode r = o.putObject("registers");
        r.put("cap", regs.cap()).put("vs", regs.vs()).put("cc", regs.cc()).put("csts", regs.csts()).put("aqa", regs.aqa());
        ArrayNode text = r.putArray("decoded");
        decoded.forEach(text::add);
        return o;
    }
}
