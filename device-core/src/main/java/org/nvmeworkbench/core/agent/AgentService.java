package org.nvmeworkbench.core.agent;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.google.protobuf.ByteString;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.nvmeworkbench.core.agent.proto.AgentGrpc;
import org.nvmeworkbench.core.agent.proto.ApplyRequest;
import org.nvmeworkbench.core.agent.proto.ReadControllerRequest;
import org.nvmeworkbench.core.agent.proto.ReadoutReply;
import org.nvmeworkbench.core.agent.proto.StopRequest;
import org.nvmeworkbench.core.agent.proto.Stopped;
import org.nvmeworkbench.core.agent.proto.DeviceEntry;
import org.nvmeworkbench.core.agent.proto.DeviceList;
import org.nvmeworkbench.core.agent.proto.FeatureReply;
import org.nvmeworkbench.core.agent.proto.GetFeatureRequest;
import org.nvmeworkbench.core.agent.proto.Held;
import org.nvmeworkbench.core.agent.proto.HoldRequest;
import org.nvmeworkbench.core.agent.proto.IdentifyReply;
import org.nvmeworkbench.core.agent.proto.IdentifyRequest;
import org.nvmeworkbench.core.agent.proto.ListDevicesRequest;
import org.nvmeworkbench.core.agent.proto.RunRequest;
import org.nvmeworkbench.core.agent.proto.RunUpdate;
import org.nvmeworkbench.core.agent.proto.SessionEvent;
import org.nvmeworkbench.core.agent.proto.SetFeatureReply;
import org.nvmeworkbench.core.agent.proto.SetFeatureRequest;
import org.nvmeworkbench.core.agent.proto.SweepRequest;
import org.nvmeworkbench.core.agent.proto.SweepUpdate;
import org.nvmeworkbench.core.agent.proto.Telemetry;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.FeatureApplication;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.session.RunHistory;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The agent's side of the wire: each client that holds a device gets its own headless tuning session on it
 * ({@link LocalControllerSession}); calls name the hold by its lease. One client controls a device at a time;
 * when the client goes away its run is stopped (or finished, as it asked), the record is kept in the agent's
 * run history, the 08h it found is put back and the device is released.
 */
final class AgentService extends AgentGrpc.AgentImplBase {
    private static final Logger LOG = Logger.getLogger(AgentService.class.getName());
    /** Telemetry travels at the sampling rate, never per I/O. */
    static final long SAMPLE_PERIOD_MILLIS = 100;

    private final DeviceCatalog catalog;
    private final String host;
    private final RunHistory history;
    private final Map<String, Holding> byDevice = new ConcurrentHashMap<>();
    private final Map<String, Holding> byLease = new ConcurrentHashMap<>();
    /**
     * Runs that ended after their client went away, by client, until that client follows a session here again
     * (a window reconnected): it then hears of them as runs added, so the run it lost shows in its Runs.
     */
    private final Map<String, java.util.List<RunRecord>> unseen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-telemetry");
        t.setDaemon(true);
        return t;
    });

    AgentService(DeviceCatalog catalog, String host, RunHistory history) {
        this.catalog = catalog;
        this.host = host;
        this.history = history;
    }

    /** One client's hold on one device. */
    private static final class Holding {
        final String lease = UUID.randomUUID().toString();
        final String device;
        final String client;
        final Instant since = Instant.now();
        final LocalControllerSession session;
        final int coalescingBefore;
        final boolean finishOnDisconnect;
        /** Held by the call using the device now, so a release waits for a run to drain. */
        final ReentrantLock busy = new ReentrantLock();
        final ClientAnswers answers;
        volatile boolean released;
        /** The followed session's stream (a window's), or null when the client only calls (a command line). */
        volatile SessionFollower follower;

        Holding(String device, String client, LocalControllerSession session, int coalescingBefore, boolean finish,
                boolean allowWrites) {
            this.device = device;
            this.client = client;
            this.session = session;
            this.coalescingBefore = coalescingBefore;
            this.finishOnDisconnect = finish;
            this.answers = new ClientAnswers(allowWrites);
            session.session().setPrompts(answers);
        }
    }

    void shutdown() {
        sampler.shutdownNow();
        for (Holding h : byLease.values()) {
            release(h);
        }
    }

    @Override
    public void listDevices(ListDevicesRequest request, StreamObserver<DeviceList> out) {
        DeviceList.Builder b = DeviceList.newBuilder().setHost(host);
        for (DeviceInfo d : catalog.discover()) {
            Holding h = byDevice.get(d.spec());
            boolean free = h == null;
            b.addDevices(DeviceEntry.newBuilder().setSpec(d.spec()).setDescription(d.description())
                    .setAttachable(d.attachable() && free)
                    .setWhy(free ? d.why() : heldBy(h)));
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    private String heldBy(Holding h) {
        return h.device + " on " + host + " is held by " + h.client + " since " + h.since + "; it is free again when "
                + "that client detaches or goes away.";
    }

    @Override
    public void hold(HoldRequest request, StreamObserver<SessionEvent> out) {
        ServerCallStreamObserver<SessionEvent> events = (ServerCallStreamObserver<SessionEvent>) out;
        String device = request.getDevice();
        Holding h;
        synchronized (byDevice) {
            Holding other = byDevice.get(device);
            if (other != null) {
                out.onError(Status.FAILED_PRECONDITION.withDescription(heldBy(other)).asRuntimeException());
                return;
            }
            LocalControllerSession s;
            try {
                s = LocalControllerSession.attach(catalog, device, new DeviceOptions(request.getSeed(),
                        request.getAllowWrites()), request.getIoQueues());
            } catch (RuntimeException e) {
                out.onError(Refusals.status(e).asRuntimeException());
                return;
            }
            AdminResult before = s.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);
            h = new Holding(device, request.getClient().isBlank() ? "a client" : request.getClient(), s,
                    before.ok() ? before.dw0() & 0xFFFF : -1, request.getFinishRunOnDisconnect(), request.getAllowWrites());
            byDevice.put(device, h);
            byLease.put(h.lease, h);
        }
        LOG.info(() -> h.client + " holds " + device);
        events.setOnCancelHandler(() -> release(h));
        events.onNext(SessionEvent.newBuilder().setHeld(Held.newBuilder().setLease(h.lease).setDevice(device)
                .setHost(host)).build());
        if (request.hasDesired()) {
            // As the window had them: the next runs use them, as a restored local session's would.
            h.session.session().restoreDesired(WireTelemetry.coalescing(request.getDesired()),
                    WireTelemetry.cdVectors(request.getDesired()));
        }
        if (request.getFollow()) {
            h.follower = SessionFollower.start(h.session.session(), events, sampler, this::withHost);
            java.util.List<RunRecord> missed = unseen.remove(h.client);
            if (missed != null) {
                missed.forEach(h.follower::runAdded);
            }
        }
    }

    /** The client let go or vanished: stop (or finish) its run, put 08h back, release the device. */
    private void release(Holding h) {
        synchronized (h) {
            if (h.released) {
                return;
            }
            h.released = true;
        }
        if (!h.finishOnDisconnect) {
            h.session.stop();
        }
        SessionFollower f = h.follower;
        if (f != null) {
            f.stop();
        }
        Thread t = new Thread(() -> {
            h.busy.lock();
            try {
                if (h.coalescingBefore >= 0) {
                    h.session.setFeature(FeatureId.INTERRUPT_COALESCING, h.coalescingBefore, false);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Interrupt Coalescing of " + h.device + " could not be put back", e);
            } finally {
                h.session.close();
                byLease.remove(h.lease);
                byDevice.remove(h.device, h);
                h.busy.unlock();
                LOG.info(() -> h.client + " released " + h.device);
            }
        }, "agent-release");
        t.setDaemon(true);
        t.start();
    }

    /** The holding a call names, or null after the call failed with a sentence. */
    private Holding holding(String lease, StreamObserver<?> out) {
        Holding h = byLease.get(lease);
        if (h == null || h.released) {
            out.onError(Status.NOT_FOUND.withDescription("The device is no longer held by this client on " + host
                    + " (it was released); attach it again.").asRuntimeException());
            return null;
        }
        return h;
    }

    @Override
    public void identify(IdentifyRequest request, StreamObserver<IdentifyReply> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        using(h, out, () -> {
            ControllerSession.Identity id = h.session.identify(Math.max(1, request.getNsid()));
            ByteBuffer n = ByteBuffer.allocate(4096);
            id.namespace().writeTo(n);
            var r = id.registers();
            out.onNext(IdentifyReply.newBuilder().setController(ByteString.copyFrom(id.controllerData().toByteArray()))
                    .setNamespace(ByteString.copyFrom(n.array())).setCap(r.cap()).setVs(r.vs()).setCc(r.cc())
                    .setCsts(r.csts()).setAqa(r.aqa()).build());
            out.onCompleted();
        });
    }

    @Override
    public void getFeature(GetFeatureRequest request, StreamObserver<FeatureReply> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        using(h, out, () -> {
            AdminResult r = h.session.getFeature(request.getFid(), request.getSel(), request.getCdw11());
            out.onNext(FeatureReply.newBuilder().setStatus(r.status()).setDw0(r.dw0()).build());
            out.onCompleted();
        });
    }

    @Override
    public void setFeature(SetFeatureRequest request, StreamObserver<SetFeatureReply> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        using(h, out, () -> {
            FeatureApplication.Applied a = h.session.setFeature(request.getFid(), request.getCdw11(), request.getSave());
            out.onNext(SetFeatureReply.newBuilder().setResult(FeatureReply.newBuilder().setStatus(a.result().status())
                    .setDw0(a.result().dw0())).addAllNotes(a.vectorNotes()).build());
            out.onCompleted();
        });
    }

    @Override
    public void run(RunRequest request, StreamObserver<RunUpdate> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        ServerCallStreamObserver<RunUpdate> updates = (ServerCallStreamObserver<RunUpdate>) out;
        using(h, out, () -> {
            WorkloadSpec spec = WireWorkload.spec(request.getWorkload());
            // A followed session's samples travel on its hold stream; two samplers would halve each other's rates.
            ScheduledFuture<?> live = h.follower != null ? null : sampler.scheduleAtFixedRate(() -> sample(h, updates),
                    SAMPLE_PERIOD_MILLIS, SAMPLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            RunRecord r;
            h.answers.allowWritesForThisCall(request.getAllowWrites());
            h.session.session().work().setSimSpeed(request.getSimSpeed());
            try {
                r = h.session.run(spec);
            } finally {
                h.answers.allowWritesForThisCall(false);
                if (live != null) {
                    live.cancel(false);
                }
            }
            RunRecord kept = withHost(r);
            history.save(kept);
            if (h.released) {
                // Its client went away during the run: the record waits for that client's next window.
                unseen.computeIfAbsent(h.client, c -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(kept);
            }
            synchronized (updates) {
                updates.onNext(RunUpdate.newBuilder().setRecordJson(RunRecordJson.write(kept)).build());
                updates.onCompleted();
            }
        });
    }

    /**
     * One telemetry sample to the client, skipped when it cannot take one now: a slow network delays the live
     * views, never the run, whose thread this is not.
     */
    private void sample(Holding h, ServerCallStreamObserver<RunUpdate> updates) {
        try {
            TelemetrySnapshot s = h.session.session().sample();
            if (s == null) {
                return;
            }
            Telemetry.Builder t = Telemetry.newBuilder().setAtNs(s.deviceNanos()).setIops(s.iops()).setTotalIos(s.totalIos())
                    .setP50Ns(s.p50Nanos()).setP99Ns(s.p99Nanos());
            for (VectorSnapshot v : s.vectors()) {
                t.addVectorCounts(v.count());
            }
            synchronized (updates) {
                if (updates.isReady() && !updates.isCancelled()) {
                    updates.onNext(RunUpdate.newBuilder().setSample(t).build());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Skipped a telemetry sample", e);
        }
    }

    @Override
    public void sweep(SweepRequest request, StreamObserver<SweepUpdate> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        ServerCallStreamObserver<SweepUpdate> updates = (ServerCallStreamObserver<SweepUpdate>) out;
        using(h, out, () -> {
            WorkloadSpec base = WireWorkload.spec(request.getWorkload());
            SweepGrid grid = new SweepGrid(request.getThrList(), request.getTimeList(), request.getIodepthList());
            SweepCost cost = "cpu".equals(request.getCost()) ? SweepCost.IRQ_CPU_SHARE : SweepCost.INTERRUPTS_PER_SECOND;
            h.answers.allowWritesForThisCall(request.getAllowWrites());
            SweepResult r;
            try {
                r = h.session.sweep(base, grid, request.getPercentile(), request.getTargetNs(), cost, point -> {
                RunRecord kept = withHost(point.record());
                history.save(kept);
                synchronized (updates) {
                    updates.onNext(SweepUpdate.newBuilder().setPointRecordJson(RunRecordJson.write(kept)).build());
                }
            });
            } finally {
                h.answers.allowWritesForThisCall(false);
            }
            synchronized (updates) {
                updates.onNext(SweepUpdate.newBuilder().setFinished(true).setCancelled(r.cancelled())
                        .setElapsedNs(r.elapsedNanos()).build());
                updates.onCompleted();
            }
        });
    }

    @Override
    public void stop(StopRequest request, StreamObserver<Stopped> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        h.session.stop(); // not under the device lock: the run holds it until it has drained
        out.onNext(Stopped.getDefaultInstance());
        out.onCompleted();
    }

    /**
     * Sets 08h (and CD per vector) through the session's policy. During a run the client's user has chosen:
     * after the run (this call waits for the device) or now, between two of its batches, without the device
     * lock the run holds.
     */
    @Override
    public void applyCoalescing(ApplyRequest request, StreamObserver<FeatureReply> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        InterruptCoalescing value = InterruptCoalescing.fromCdw11(request.getCoalescing());
        Set<Integer> cd = request.getHasCdVectors() ? Set.copyOf(request.getCdVectorsList()) : null;
        int vectors = Math.max(1, request.getVectorsBetweenRuns());
        if (!request.getAfterRun() && h.session.session().isRunning()) {
            h.session.session().applyCoalescing(value, cd, vectors).whenComplete((r, t) -> applied(h, request, out, r, t));
            return;
        }
        using(h, out, () -> applied(h, request, out,
                LocalControllerSession.join(h.session.session().applyCoalescing(value, cd, vectors)), null));
    }

    /** The outcome to the caller, and first on the hold stream of a followed session, behind what the session said. */
    private static void applied(Holding h, ApplyRequest request, StreamObserver<FeatureReply> out, AdminResult r, Throwable t) {
        SessionFollower f = h.follower;
        if (f != null && t == null) {
            f.applied(request.getId(), WireReadout.reply(r));
        }
        complete(out, r, t, WireReadout::reply);
    }

    /** Answers {@code out} with {@code value} on the wire, or with the failure in one sentence. */
    private static <T, R> void complete(StreamObserver<R> out, T value, Throwable t, java.util.function.Function<T, R> wire) {
        try {
            if (t != null) {
                Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
                out.onError(Refusals.status(cause).asRuntimeException());
            } else {
                out.onNext(wire.apply(value));
                out.onCompleted();
            }
        } catch (IllegalStateException closed) {
            LOG.log(Level.FINE, "The call had closed already", closed);
        }
    }

    /** Identify, registers, 07h/08h and 09h per bound vector; during a run between two of its batches. */
    @Override
    public void readController(ReadControllerRequest request, StreamObserver<ReadoutReply> out) {
        Holding h = holding(request.getLease(), out);
        if (h == null) {
            return;
        }
        if (h.session.session().isRunning()) {
            h.session.session().readController().whenComplete((r, t) -> complete(out, r, t, WireReadout::of));
            return;
        }
        using(h, out, () -> complete(out, LocalControllerSession.join(h.session.session().readController()), null,
                WireReadout::of));
    }

    /** A run made here for a client, marked with this host. */
    private RunRecord withHost(RunRecord r) {
        RunOrigin o = r.origin();
        return r.withOrigin(new RunOrigin(o.source(), o.tool(), o.file(), host));
    }

    /** Runs {@code call} holding the device, turning a failure into one sentence for the client. */
    private void using(Holding h, StreamObserver<?> out, Runnable call) {
        h.busy.lock();
        try {
            if (h.released) {
                out.onError(Status.NOT_FOUND.withDescription("The device was released.").asRuntimeException());
                return;
            }
            call.run();
        } catch (RuntimeException e) {
            try {
                out.onError(Refusals.status(e).asRuntimeException());
            } catch (IllegalStateException closed) {
                LOG.log(Level.FINE, "The call had closed already", closed);
            }
        } finally {
            h.busy.unlock();
        }
    }

}
