package org.nvmeworkbench.core.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A device of this host attached through a {@link TuningSession} whose work runs on the caller's thread: the
 * command line's, and an agent's for each of its clients.
 */
public final class LocalControllerSession implements ControllerSession {
    private static final Logger LOG = Logger.getLogger(LocalControllerSession.class.getName());

    private final String device;
    private final TuningSession session;

    private LocalControllerSession(String device, TuningSession session) {
        this.device = device;
        this.session = session;
    }

    /**
     * Attaches {@code device} with {@code ioQueues} I/O queues asked for; writes are allowed only as
     * {@code options} says (the user's explicit yes).
     *
     * @throws RuntimeException the attach's failure, as the session says it
     */
    public static LocalControllerSession attach(DeviceCatalog catalog, String device, DeviceOptions options, int ioQueues) {
        TuningSession session = new TuningSession(catalog, new SameThreadTasks(), RunHistory.inMemory());
        session.setPrompts(SafetyPrompts.consent(options.allowWrites()));
        session.setRemembersRuns(false); // one command or one client: a long sweep must not hold every point's record twice
        session.setDriverOptions(DriverOptions.DEFAULT.withIoQueues(Math.max(1, ioQueues)));
        join(session.attach(device, options));
        return new LocalControllerSession(device, session);
    }

    /** The session behind it (an agent follows its events). */
    public TuningSession session() {
        return session;
    }

    public NvmeController controller() {
        return session.controller();
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public boolean simulated() {
        return SimDeviceProvider.names(device);
    }

    @Override
    public Identity identify(int nsid) {
        NvmeController c = session.controller();
        return new Identity(c.identifyController(), c.identifyControllerData(), c.identifyNamespace(nsid), c.registers());
    }

    @Override
    public AdminResult getFeature(int fid, int sel, int cdw11) {
        return session.controller().getFeature(fid, sel, cdw11);
    }

    @Override
    public FeatureApplication.Applied setFeature(int fid, int cdw11, boolean save) {
        return join(session.setFeature(fid, cdw11, save));
    }

    @Override
    public RunRecord run(WorkloadSpec spec) {
        return join(session.work().run(spec));
    }

    @Override
    public SweepResult sweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos, SweepCost cost,
                             Consumer<SweepPoint> onPoint) {
        return join(session.work().sweep(base, grid, percentile, targetNanos, cost, onPoint));
    }

    @Override
    public void stop() {
        session.work().stop();
    }

    @Override
    public void close() {
        try {
            session.detach().join();
        } catch (CompletionException e) {
            LOG.log(Level.FINE, "Detaching " + device + " failed", e);
        }
    }

    /** The value, or the failure itself (not wrapped), as the session said it. */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable t = e.getCause() == null ? e : e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t.getMessage(), t);
        }
    }
}
