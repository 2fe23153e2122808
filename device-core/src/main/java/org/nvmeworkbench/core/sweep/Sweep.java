package org.nvmeworkbench.core.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.DriverOptions;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.session.DeviceIdentity;
import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.core.workload.RunObserver;
import org.nvmeworkbench.core.workload.RunResult;
import org.nvmeworkbench.core.workload.WorkloadException;
import org.nvmeworkbench.core.workload.WorkloadRunner;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Runs the same workload at every point of a THR x TIME (x iodepth) grid. Each point gets a freshly
 * opened device with the workload's seed, so on the simulator every point starts from the same state and
 * the sweep is deterministic: the same grid and seed give the same records. {@link #cancel()} may be
 * called from any thread; the point running then is drained and left out, the finished ones are kept.
 */
public final class Sweep {
    private static final Logger LOG = Logger.getLogger(Sweep.class.getName());

    private final String device;
    private final WorkloadSpec base;
    private final SweepGrid grid;
    private final DeviceCatalog catalog;
    private volatile boolean cancelled;

    public Sweep(String device, WorkloadSpec base, SweepGrid grid) {
        this(device, base, grid, DeviceCatalog.load());
    }

    public Sweep(String device, WorkloadSpec base, SweepGrid grid, DeviceCatalog catalog) {
        this.device = device;
        this.base = base;
        this.grid = grid;
        this.catalog = catalog;
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
        SweepListener l = listener == null ? SweepListener.NONE : listener;
        List<SweepSetting> settings = grid.settings();
        for (SweepSetting s : settings) {
            List<String> p = specFor(s).problems();
            if (!p.isEmpty()) {
                throw new WorkloadException(p.get(0));
            }
        }
        List<SweepPoint> points = new ArrayList<>();
        RunObserver stop = new RunObserver() {
            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
        for (SweepSetting s : settings) {
            if (cancelled) {
                break;
            }
            RunRecord r = runPoint(specFor(s), stop);
            if (cancelled) {
                break; // a drained, partial point would skew the comparison
            }
            SweepPoint point = new SweepPoint(s, r);
            points.add(point);
            l.pointFinished(points.size(), settings.size(), point);
        }
        return points;
    }

    private RunRecord runPoint(WorkloadSpec spec, RunObserver observer) {
        PciFunction pci = catalog.open(device, new DeviceOptions(spec.seed(), spec.allowWrites()));
        NvmeController ctrl = null;
        try {
            ctrl = NvmeController.attach(pci, DriverOptions.DEFAULT.withIoQueues(Math.max(1, spec.queues())));
            RunResult result = new WorkloadRunner().run(ctrl, spec, observer);
            return RunRecord.from(result, DeviceIdentity.of(device, ctrl));
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
