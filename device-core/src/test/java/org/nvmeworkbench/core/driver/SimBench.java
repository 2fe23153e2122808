package org.nvmeworkbench.core.driver;

import org.nvmeworkbench.core.sim.HostModel;
import org.nvmeworkbench.core.sim.MediaProfile;
import org.nvmeworkbench.core.sim.SimConfig;
import org.nvmeworkbench.core.sim.SimulatedController;

/** A simulated controller and the driver attached to it, for tests: close both in one go. */
public final class SimBench implements AutoCloseable {
    public final SimulatedController sim;
    public final NvmeController ctrl;

    private SimBench(SimulatedController sim, NvmeController ctrl) {
        this.sim = sim;
        this.ctrl = ctrl;
    }

    public static SimBench attach(String profile) {
        return attach(SimConfig.builder().profile(MediaProfile.byName(profile)).seed(7).build(), DriverOptions.DEFAULT);
    }

    public static SimBench attachFreeHost(String profile) {
        return attach(SimConfig.builder().profile(MediaProfile.byName(profile)).seed(7).host(HostModel.FREE).build(),
                DriverOptions.DEFAULT);
    }

    public static SimBench attach(SimConfig config, DriverOptions options) {
        SimulatedController sim = SimulatedController.create(config);
        try {
            return new SimBench(sim, NvmeController.attach(sim, options));
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            ctrl.close();
        } finally {
            sim.close();
        }
    }
}
