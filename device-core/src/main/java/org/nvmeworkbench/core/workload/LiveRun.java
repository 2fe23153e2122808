package org.nvmeworkbench.core.workload;

import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.telemetry.RunGauges;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.telemetry.VectorRates;

/**
 * A running workload as the UI samples it: the controller's rings and vectors plus the figures the
 * run publishes, and the run so far as a record ({@link LiveRecord}). Reads only published values; never touches the run's
 * thread. The record is rebuilt only when the run published a new slice, and while the run goes at most
 * every {@link #SO_FAR_PERIOD_NANOS} of wall time (a fast simulator closes slices far more often than
 * anyone can look at charts); a sampler that sees the same record knows nothing changed.
 */
final class LiveRun implements TelemetrySource, LiveRecord {
    static final long SO_FAR_PERIOD_NANOS = 250_000_000L;

    private final NvmeController ctrl;
    private final RunGauges gauges;
    private final RunSoFar soFar;
    private final VectorRates rates = new VectorRates();
    private RunRecord lastRecord;
    private long lastVersion;
    private long lastBuiltAt;

    LiveRun(NvmeController ctrl, RunGauges gauges, RunSoFar soFar) {
        this.ctrl = ctrl;
        this.gauges = gauges;
        this.soFar = soFar;
    }

    @Override
    public TelemetrySnapshot snapshot() {
        long now = ctrl.pci().nanoTime();
        return new TelemetrySnapshot(now, gauges.state(), ctrl.ringSnapshots(), ctrl.vectorSnapshots(now, rates),
                gauges.iops(), gauges.totalIos(), gauges.p50Nanos(), gauges.p99Nanos(), gauges.p999Nanos());
    }

    @Override
    public synchronized RunRecord soFar() {
        RunState state = gauges.state();
        long v = soFar.version();
        long wall = System.nanoTime();
        boolean due = state != RunState.RUNNING || lastRecord == null || wall - lastBuiltAt >= SO_FAR_PERIOD_NANOS;
        if (v != lastVersion && due) {
            RunRecord r = soFar.record();
            if (r != null) {
                lastRecord = r;
                lastVersion = v;
                lastBuiltAt = wall;
            }
        }
        return lastRecord;
    }
}
