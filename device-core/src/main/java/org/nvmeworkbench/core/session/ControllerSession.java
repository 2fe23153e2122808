package org.nvmeworkbench.core.session;

import java.util.function.Consumer;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.IdentifyController;
import org.nvmeworkbench.core.spec.IdentifyControllerData;
import org.nvmeworkbench.core.spec.IdentifyNamespace;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A device attached in a tuning session, here or on an agent: what the command line asks of it, one call at
 * a time, blocking. The local one goes through {@link TuningSession}; a remote one through the agent's
 * session over the wire (never the device's registers), so both answer with the same data and the command
 * line prints the same output for either. Failures are thrown as the session words them.
 */
public interface ControllerSession extends AutoCloseable {

    /** The device as the user named it, e.g. {@code sim} or {@code remote://lab7:7450/vfio:0000:01:00.0}. */
    String device();

    /** Whether it is the built-in simulator, whose state lives only as long as its process. */
    boolean simulated();

    /** Identify Controller, Identify Namespace {@code nsid} and the controller registers. */
    Identity identify(int nsid);

    AdminResult getFeature(int fid, int sel, int cdw11);

    /** One Set Features through the session's policy ({@link FeatureApplication#raw}). */
    FeatureApplication.Applied setFeature(int fid, int cdw11, boolean save);

    /** Runs {@code spec} (writes only if the session was opened with the user's yes). */
    RunRecord run(WorkloadSpec spec);

    SweepResult sweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos, SweepCost cost,
                      Consumer<SweepPoint> onPoint);

    /** Asks the run or sweep in progress to stop (it drains and is still recorded); safe from any thread. */
    void stop();

    /** Detaches and releases the device; never throws. */
    @Override
    void close();

    /**
     * What Identify and the registers say; {@code controllerData} is Identify Controller as the device
     * returned it, every field, for output that prints them all (nvme-cli's id-ctrl JSON).
     */
    record Identity(IdentifyController controller, IdentifyControllerData controllerData, IdentifyNamespace namespace,
                    ControllerRegisters registers) {
    }
}
