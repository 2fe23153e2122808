package org.nvmeworkbench.core.workload;

import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.telemetry.RunGauges;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySource;
import org.nvmeworkbench.core.telemetry.VectorRates;

/**
 * A running workload as the UI samples it: the controller's rings and vectors plus the figures the
 * run publishes. Reads only published (opaque) values; never touches the run's thread.
 */
final class LiveRun implements TelemetrySource {
    private final NvmeController ctrl;
    private final RunGauges gauges;
    private final VectorRates rates = new VectorRates();

    LiveRun(NvmeController ctrl, RunGauges gauges) {
        this.ctrl = ctrl;
        this.gauges = gauges;
    }

    @Override
    public TelemetrySnapshot snapshot() {
        long now = ctrl.pci().nanoTime();
        return new TelemetrySnapshot(now, gauges.state(), ctrl.ringSnapshots(), ctrl.vectorSnapshots(now, rates),
                gauges.iops(), gauges.totalIos(), gauges.p50Nanos(), gauges.p99Nanos(), gauges.p999Nanos());
    }
}
