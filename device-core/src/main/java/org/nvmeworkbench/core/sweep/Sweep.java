package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.WorkloadException;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Runs the same workload at every point of a THR x TIME (x iodepth) grid.
 *
 * <p>On the simulator each point gets a freshly opened device with the workload's seed, so every point
 * starts from the same state and the sweep is deterministic: the same grid and seed give the same
 * records. Any other device is opened once (a VFIO group can be held by one opener only) or is the
 * controller the caller already holds ({@link #onController}); every point runs on it in turn, so the
 * points are not deterministic, and Feature 08h is put back as it was when the sweep ends.
 *
 * <p>Before the first point the device must accept Set Features 08h (it is sent with the value in force,
 * which changes nothing); a device that refuses it (QEMU's emulated controller answers Feature Not
 * Changeable) would run every point at its own setting, so the sweep stops with {@link SweepRefusedException}
 * and no point runs. {@link #cancel()} may be called from any thread; the point running then is drained
 * and left out, the finished ones are kept.
 */
public final class Sweep {
    private static final Logger LOG = Logger.getLogger(Sweep.class.getName());

    private final String device;
    private final WorkloadSpec base;
    private final SweepGrid grid;
    private final DeviceCatalog catalog;
    private final NvmeController held;
    private volatile boolean cancelled;

    public Sweep(String device, WorkloadSpec base, SweepGrid grid) {
        this(device, base, grid, DeviceCatalog.load());
    }

    /** A sweep that opens {@code device} through {@code catalog}: afresh per point on the simulator, else once. */
    public Sweep(String device, WorkloadSpec base, SweepGrid grid, DeviceCatalog catalog) {
        this(device, base, grid, catalog, null);
    }

    private Sweep(String device, WorkloadSpec base, SweepGrid grid, DeviceCatalog catalog, NvmeController held) {
        this.device = device;
        this.base = base;
        this.grid = grid;
        this.catalog = catalog;
        this.held = held;
    }

    /**
     * A sweep on a controller the caller has attached and keeps: every point runs on it, its queues are
     * deleted after each point, and it stays attached (with 08h as it was) when the sweep ends or is cancelled.
     */
    public static Sweep onController(String device, NvmeController ctrl, WorkloadSpec base, SweepGrid grid) {
        if (ctrl == null) {
            throw new IllegalArgumentException("A sweep on an attached controller needs the controller.");
        }
        return new Sweep(device, base, grid, null, ctrl);
    }

    /**
     * Whether a sweep on {@code device} opens it afresh for every point: only the simulator, whose fresh
     * instance with the same seed makes the points reproducible.
     */
    public static boolean freshPerPoint(String device) {
        // A device on an agent (remote://HOST:PORT/DEV) is swept there, by the agent's own sweep.
        String local = device.startsWith("remote://") ? device.substring(device.indexOf('/', "remote://".length()) + 1) : device;
        return SimDeviceProvider.names(local);
    }

    /** Stops the sweep after the point in progress drains; safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** The workload of one point: the base with the point's 08h and iodepth. */
    public WorkloadSpec specFor(SweepSetting s) {
        return base.withCoalescing(s.coalescing()).withIodepth(s.iodepth());
    }

    /** Runs every point in grid order; problems with the workload are thrown before the first I/O. */
    public List<SweepPoint> run(SweepListener listener) {
        return run(listener, RunObserver.NONE);
    }

    /**
     * As {@link #run(SweepListener)}, with {@code observer} following each point's run on the sweep's thread
     * (live telemetry, progress of the point); its {@link RunObserver#cancelled()} is polled between batches
     * and, when true, cancels the sweep as {@link #cancel()} does.
     *
     * @throws SweepRefusedException when the device does not accept Set Features 08h; no point has run then
     */
    public List<SweepPoint> run(SweepListener listener, RunObserver observer) {
        SweepListener l = listener == null ? SweepListener.NONE : listener;
        RunObserver outer = observer == null ? RunObserver.NONE : observer;
        List<SweepSetting> settings = grid.settings();
        for (SweepSetting s : settings) {
            List<String> p = specFor(s).problems();
            if (!p.isEmpty()) {
                throw new WorkloadException(p.get(0));
            }
        }
        RunObserver obs = new RunObserver() {
            @Override
            public void started(TelemetrySource live) {
                outer.started(live);
            }

            @Override
            public void progress(double fraction) {
                outer.progress(fraction);
            }

            @Override
            public boolean cancelled() {
                if (outer.cancelled()) {
                    cancelled = true;
                }
                return cancelled;
            }

            @Override
            public void finished(RunRecord result) {
                outer.finished(result);
            }
        };
        if (held != null) {
            return onOne(held, settings, l, obs);
        }
        if (freshPerPoint(device)) {
            withDevice(ctrl -> probe(ctrl, settings.get(0)));
            return freshEach(settings, l, obs);
        }
        return withDevice(ctrl -> onOne(ctrl, settings, l, obs));
    }

    /** Every point on one controller, 08h checked first and put back at the end. */
    private List<SweepPoint> onOne(NvmeController ctrl, List<SweepSetting> settings, SweepListener l, RunObserver obs) {
        int before = probe(ctrl, settings.get(0));
        try {
            List<SweepPoint> points = new ArrayList<>();
            for (SweepSetting s : settings) {
                if (cancelled) {
                    break;
                }
                if (!point(points, s, runOn(ctrl, specFor(s), obs), settings.size(), l)) {
                    break;
                }
            }
            return points;
        } finally {
            restore(ctrl, before);
        }
    }

    /** Every point on its own freshly opened simulator. */
    private List<SweepPoint> freshEach(List<SweepSetting> settings, SweepListener l, RunObserver obs) {
        List<SweepPoint> points = new ArrayList<>();
        for (SweepSetting s : settings) {
            if (cancelled) {
                break;
            }
            WorkloadSpec spec = specFor(s);
            if (!point(points, s, withDevice(ctrl -> runOn(ctrl, spec, obs)), settings.size(), l)) {
                break;
            }
        }
        return points;
    }

    /** Keeps a finished point and tells the listener; false when the sweep was cancelled during it. */
    private boolean point(List<SweepPoint> points, SweepSetting s, RunRecord r, int total, SweepListener l) {
        if (cancelled) {
            return false; // a drained, partial point would skew the comparison
        }
        SweepPoint point = new SweepPoint(s, r);
        points.add(point);
        l.pointFinished(points.size(), total, point);
        return true;
    }

    private RunRecord runOn(NvmeController ctrl, WorkloadSpec spec, RunObserver observer) {
        return new WorkloadRunner().run(device, ctrl, spec, observer);
    }

    /**
     * Sends Set Features 08h with the value in force (the first point's when the device will not say), so
     * that a device that cannot change it is found before any point runs.
     *
     * @return the value in force before the sweep, or -1 when the device did not report it
     */
    private int probe(NvmeController ctrl, SweepSetting first) {
        AdminResult now = ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);
        int value = now.ok() ? now.dw0() & 0xFFFF : first.coalescing().cdw11();
        AdminResult r = ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, value, false);
        if (!r.ok()) {
            throw new SweepRefusedException(device + " refuses Set Features 08h (" + StatusCode.name(r.status())
                    + "), so every point would run at the device's own setting: nothing to sweep.");
        }
        return now.ok() ? value : -1;
    }

    /** Puts 08h back as it was before the sweep; a failure here must not hide the sweep's own outcome. */
    private void restore(NvmeController ctrl, int before) {
        if (before < 0) {
            return;
        }
        try {
            AdminResult r = ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, before, false);
            if (!r.ok()) {
                LOG.warning(() -> device + " refused to put Interrupt Coalescing back to 0x" + Integer.toHexString(before)
                        + " after the sweep (" + StatusCode.name(r.status()) + ").");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Interrupt Coalescing of " + device + " could not be put back after the sweep", e);
        }
    }

    /** Opens and attaches the device for {@code work}, then detaches and releases it. */
    private <T> T withDevice(Function<NvmeController, T> work) {
        PciFunction pci = catalog.open(device, new DeviceOptions(base.seed(), base.allowWrites()));
        NvmeController ctrl = null;
        try {
            ctrl = NvmeController.attach(pci, DriverOptions.DEFAULT.withIoQueues(Math.max(1, base.queues())));
            return work.apply(ctrl);
        } finally {
            try {
                if (ctrl != null) {
                    ctrl.close();
                }
            } finally {
                try {
                    pci.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Closing " + device + " failed", e);
                }
            }
        }
    }
}
