package org.nvmeworkbench.core.agent;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import io.grpc.StatusRuntimeException;

import org.nvmeworkbench.core.agent.proto.FeatureReply;
import org.nvmeworkbench.core.agent.proto.GetFeatureRequest;
import org.nvmeworkbench.core.agent.proto.HoldRequest;
import org.nvmeworkbench.core.agent.proto.IdentifyReply;
import org.nvmeworkbench.core.agent.proto.IdentifyRequest;
import org.nvmeworkbench.core.agent.proto.RunRequest;
import org.nvmeworkbench.core.agent.proto.RunUpdate;
import org.nvmeworkbench.core.agent.proto.SetFeatureReply;
import org.nvmeworkbench.core.agent.proto.SetFeatureRequest;
import org.nvmeworkbench.core.agent.proto.SweepRequest;
import org.nvmeworkbench.core.agent.proto.SweepUpdate;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.FeatureApplication;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.IdentifyControllerData;
import org.nvmeworkbench.core.spec.IdentifyNamespace;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.sweep.SweepSetting;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A device on an agent, held by this client for as long as this session is open: every call goes to the
 * agent's tuning session (never to the registers), and comes back as the same data a local session gives, so
 * the command line prints the same output. Closing (or this process going away) lets the device go.
 */
public final class RemoteControllerSession implements ControllerSession {
    private final AgentClient client;
    private final AgentAddress address;
    private final String lease;
    private final Hold hold;

    private RemoteControllerSession(AgentClient client, AgentAddress address, Hold hold) {
        this.client = client;
        this.address = address;
        this.lease = hold.lease;
        this.hold = hold;
    }

    /** Connects to the agent of {@code address} and holds its device. */
    public static RemoteControllerSession open(AgentAddress address, AgentClient.Options options, DeviceOptions device,
                                               int ioQueues, boolean finishRunOnDisconnect) {
        if (address.device().isEmpty()) {
            throw new AgentException("Name the device on the agent: remote://" + address.endpoint() + "/DEV, e.g. remote://"
                    + address.endpoint() + "/sim (list -d remote://" + address.endpoint() + " shows them).", true);
        }
        AgentClient client = AgentClient.connect(address, options);
        Hold hold = Hold.open(client, address, HoldRequest.newBuilder().setDevice(address.device()).setSeed(device.seed())
                .setAllowWrites(device.allowWrites()).setIoQueues(Math.max(1, ioQueues))
                .setClient(options.client()).setFinishRunOnDisconnect(finishRunOnDisconnect).build(), e -> { }, lost -> { });
        return new RemoteControllerSession(client, address, hold);
    }

    /** The agent's name for this hold. */
    String lease() {
        return lease;
    }

    @Override
    public String device() {
        return address.toString();
    }

    @Override
    public boolean simulated() {
        return SimDeviceProvider.names(address.device());
    }

    @Override
    public Identity identify(int nsid) {
        IdentifyReply r = call(() -> client.blocking().identify(IdentifyRequest.newBuilder().setLease(lease).setNsid(nsid).build()));
        IdentifyControllerData controller = IdentifyControllerData.copyOf(ByteBuffer.wrap(r.getController().toByteArray()));
        return new Identity(controller.parse(), controller,
                IdentifyNamespace.parse(ByteBuffer.wrap(r.getNamespace().toByteArray())),
                new ControllerRegisters(r.getCap(), r.getVs(), r.getCc(), r.getCsts(), r.getAqa()));
    }

    @Override
    public AdminResult getFeature(int fid, int sel, int cdw11) {
        FeatureReply r = call(() -> client.blocking().getFeature(GetFeatureRequest.newBuilder().setLease(lease).setFid(fid)
                .setSel(sel).setCdw11(cdw11).build()));
        return new AdminResult(r.getStatus(), r.getDw0());
    }

    @Override
    public FeatureApplication.Applied setFeature(int fid, int cdw11, boolean save) {
        SetFeatureReply r = call(() -> client.blocking().setFeature(SetFeatureRequest.newBuilder().setLease(lease).setFid(fid)
                .setCdw11(cdw11).setSave(save).build()));
        return new FeatureApplication.Applied(new AdminResult(r.getResult().getStatus(), r.getResult().getDw0()),
                r.getNotesList());
    }

    @Override
    public RunRecord run(WorkloadSpec spec) {
        return call(() -> {
            Iterator<RunUpdate> updates = client.blocking().run(RunRequest.newBuilder().setLease(lease)
                    .setWorkload(WireWorkload.of(spec)).build());
            while (updates.hasNext()) {
                RunUpdate u = updates.next();
                if (u.hasRecordJson()) {
                    return RunRecordJson.read(u.getRecordJson());
                }
            }
            throw new AgentException("The agent at " + address.endpoint() + " ended the run without its record.", false);
        });
    }

    @Override
    public SweepResult sweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos, SweepCost cost,
                             Consumer<SweepPoint> onPoint) {
        return call(() -> {
            Iterator<SweepUpdate> updates = client.blocking().sweep(SweepRequest.newBuilder().setLease(lease)
                    .setWorkload(WireWorkload.of(base)).addAllThr(grid.thresholds()).addAllTime(grid.times())
                    .addAllIodepth(grid.iodepths()).setPercentile(percentile).setTargetNs(targetNanos)
                    .setCost(cost == SweepCost.IRQ_CPU_SHARE ? "cpu" : "interrupts").build());
            List<SweepPoint> points = new ArrayList<>();
            while (updates.hasNext()) {
                SweepUpdate u = updates.next();
                if (u.hasPointRecordJson()) {
                    RunRecord r = RunRecordJson.read(u.getPointRecordJson());
                    InterruptCoalescing c = InterruptCoalescing.fromCdw11(r.workload().coalescing());
                    SweepPoint p = new SweepPoint(new SweepSetting(c.threshold(), c.time(), r.workload().iodepth()), r);
                    points.add(p);
                    if (onPoint != null) {
                        onPoint.accept(p);
                    }
                } else if (u.getFinished()) {
                    return SweepResult.analyse(device(), base, grid, points, percentile, targetNanos, cost, u.getCancelled(),
                            u.getElapsedNs());
                }
            }
            throw new AgentException("The agent at " + address.endpoint() + " ended the sweep without its result.", false);
        });
    }

    /** Lets go of the device: the agent stops the run in progress, keeps its record and releases the device. */
    @Override
    public void stop() {
        hold.cancel("The client stopped the run.");
    }

    private <T> T call(java.util.function.Supplier<T> c) {
        try {
            return c.get();
        } catch (StatusRuntimeException e) {
            throw client.failure(e);
        }
    }

    @Override
    public void close() {
        try {
            hold.cancel("The client let go of the device.");
        } finally {
            client.close();
        }
    }
}
