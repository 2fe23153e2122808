package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.util.logging.Logger;

import org.nvmeworkbench.core.agent.AgentAddress;
import org.nvmeworkbench.core.agent.RemoteControllerSession;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;

/**
 * Attaches the device a command names, for that one command: a device of this host through the same
 * headless session and policy as the window, or one on an agent ({@code remote://HOST:PORT/DEV}) through
 * that agent's session. Either way the command gets a {@link ControllerSession} and prints the same output.
 */
final class AttachedDevice {
    private static final Logger LOG = Logger.getLogger(AttachedDevice.class.getName());

    private AttachedDevice() {
    }

    static ControllerSession open(DeviceOption device, DeviceOptions options, int ioQueues, PrintWriter err) {
        return open(DeviceCatalog.load(), device, options, ioQueues, err);
    }

    static ControllerSession open(DeviceCatalog catalog, DeviceOption device, DeviceOptions options, int ioQueues,
                                  PrintWriter err) {
        if (device.all().size() > 1) {
            throw CliFailure.usage("This command takes one device, not " + device.all().size()
                    + "; run takes several (-d A -d B) and runs the same workload on each.");
        }
        String spec = device.device();
        if (AgentAddress.names(spec)) {
            AgentAddress a;
            try {
                a = AgentAddress.parse(spec);
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(e.getMessage());
            }
            return RemoteControllerSession.open(a, device.agentOptions(err), options, ioQueues, false);
        }
        String scheme = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        boolean known = false;
        for (DeviceProvider p : catalog.providers()) {
            known |= p.scheme().equals(scheme);
        }
        if (!known) {
            throw CliFailure.usage("Unknown device '" + spec + "': use sim, sim:PROFILE, vfio:DDDD:BB:DD.F or "
                    + "remote://HOST:PORT/DEV (see the list command).");
        }
        try {
            LocalControllerSession s = LocalControllerSession.attach(catalog, spec, options, ioQueues);
            LOG.fine(() -> spec + " attached: " + ioQueues + " I/O queue(s) asked for, " + s.controller().grantedQueues()
                    + " granted, " + s.controller().vectorCount() + " interrupt vector(s)");
            return s;
        } catch (DeviceException e) {
            // A device that is not there at all is a typo (usage); one that is there but refused is not.
            throw listed(catalog, spec) ? e : CliFailure.usage(Main.sentence(e.getMessage()));
        }
    }

    static boolean listed(DeviceCatalog catalog, String spec) {
        for (DeviceInfo d : catalog.discover()) {
            if (d.spec().equals(spec)) {
                return true;
            }
        }
        return false;
    }
}
