package org.nvmeworkbench.core.cli;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.device.DeviceProvider;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.session.RunHistory;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.SameThreadTasks;
import org.nvmeworkbench.core.session.TuningSession;
import org.nvmeworkbench.core.sim.SimDeviceProvider;

/**
 * A device attached through a {@link TuningSession} for one command, so the command line goes through the
 * same session, policy and words as the window. Closing detaches it (queues deleted, controller disabled)
 * and releases the function.
 */
final class AttachedDevice implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AttachedDevice.class.getName());

    final String spec;
    final TuningSession session;
    final NvmeController ctrl;

    private AttachedDevice(String spec, TuningSession session) {
        this.spec = spec;
        this.session = session;
        this.ctrl = session.controller();
    }

    static AttachedDevice open(String spec, DeviceOptions options, int ioQueues) {
        return open(DeviceCatalog.load(), spec, options, ioQueues);
    }

    static AttachedDevice open(DeviceCatalog catalog, String spec, DeviceOptions options, int ioQueues) {
        String scheme = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        boolean known = false;
        for (DeviceProvider p : catalog.providers()) {
            known |= p.scheme().equals(scheme);
        }
        if (!known) {
            throw CliFailure.usage("Unknown device '" + spec + "': use sim, sim:PROFILE or vfio:DDDD:BB:DD.F (see the list command).");
        }
        TuningSession session = new TuningSession(catalog, new SameThreadTasks(), RunHistory.inMemory());
        session.setPrompts(SafetyPrompts.consent(options.allowWrites()));
        session.setRemembersRuns(false); // one command, no Runs view: a long sweep must not hold every point's record twice
        int queues = Math.max(1, ioQueues);
        session.setDriverOptions(DriverOptions.DEFAULT.withIoQueues(queues));
        try {
            NvmeController ctrl = session.attach(spec, options).join();
            LOG.fine(() -> spec + " attached: " + queues + " I/O queue(s) asked for, " + ctrl.grantedQueues() + " granted, "
                    + ctrl.vectorCount() + " interrupt vector(s)");
        } catch (CompletionException e) {
            RuntimeException cause = unwrap(e);
            // A device that is not there at all is a typo (usage); one that is there but refused is not.
            if (cause instanceof DeviceException && !listed(catalog, spec)) {
                throw CliFailure.usage(Main.sentence(cause.getMessage()));
            }
            throw cause;
        }
        return new AttachedDevice(spec, session);
    }

    /** The failure a session's future carries, as the command line reports it. */
    static RuntimeException unwrap(CompletionException e) {
        Throwable t = e.getCause() == null ? e : e.getCause();
        if (t instanceof CancellationException c) {
            return CliFailure.refused(Main.sentence(c.getMessage()));
        }
        if (t instanceof IllegalStateException i) {
            // The session's refusals ("A run is in progress; ...") are said as they are.
            return CliFailure.refused(Main.sentence(i.getMessage()));
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
    }

    static boolean listed(DeviceCatalog catalog, String spec) {
        for (DeviceInfo d : catalog.discover()) {
            if (d.spec().equals(spec)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the device is the built-in simulator, whose state lives only as long as this process. */
    boolean simulated() {
        return SimDeviceProvider.names(spec);
    }

    @Override
    public void close() {
        try {
            session.detach().join();
        } catch (CompletionException e) {
            LOG.log(Level.FINE, "Detaching " + spec + " failed", e);
        }
    }
}
