package org.nvmeworkbench.core.agent;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

import org.nvmeworkbench.core.agent.proto.ApplyRequest;
import org.nvmeworkbench.core.agent.proto.FeatureReply;
import org.nvmeworkbench.core.agent.proto.HoldRequest;
import org.nvmeworkbench.core.agent.proto.IdentifyReply;
import org.nvmeworkbench.core.agent.proto.IdentifyRequest;
import org.nvmeworkbench.core.agent.proto.ReadControllerRequest;
import org.nvmeworkbench.core.agent.proto.ReadoutReply;
import org.nvmeworkbench.core.agent.proto.RunRequest;
import org.nvmeworkbench.core.agent.proto.RunUpdate;
import org.nvmeworkbench.core.agent.proto.SessionEvent;
import org.nvmeworkbench.core.agent.proto.StopRequest;
import org.nvmeworkbench.core.agent.proto.Stopped;
import org.nvmeworkbench.core.agent.proto.SweepRequest;
import org.nvmeworkbench.core.agent.proto.SweepUpdate;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.ControllerReadout;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.SessionListener;
import org.nvmeworkbench.core.session.SessionWords;
import org.nvmeworkbench.core.session.TuningSession;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.nvmeworkbench.core.spec.IdentifyNamespace;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.sweep.SweepSetting;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * A tuning session on an agent, followed from here: the window's counterpart of a local {@link TuningSession}
 * for a device named {@code remote://HOST:PORT/DEV}. The agent's session does the work and keeps the policy;
 * this side streams its events (state, sentences, progress, runs, desired features, the admin log) to one
 * {@link SessionListener} on the caller's callback executor, keeps the newest telemetry sample and run-so-far
 * record for the window's sampler, and asks the window's user the safety questions before a call, naming
 * host and device, since no one sits at the agent.
 */
public final class RemoteTuning implements AutoCloseable {
    private final AgentClient client;
    private final AgentAddress address;
    private final String lease;
    private final Hold hold;
    private final Events events;
    private final IdentifyNamespace namespace;

    private RemoteTuning(AgentClient client, AgentAddress address, Hold hold, Events events, IdentifyNamespace namespace) {
        this.client = client;
        this.address = address;
        this.lease = hold.lease;
        this.hold = hold;
        this.events = events;
        this.namespace = namespace;
    }

    /**
     * Connects to the agent of {@code address}, holds its device and follows its session; blocking (call it off
     * the UI thread). Events reach {@code listener} on {@code callbacks} from then on.
     *
     * @throws AgentException in one sentence: unreachable, wrong token, changed certificate, held by someone else
     */
    public static RemoteTuning attach(AgentAddress address, AgentClient.Options options, long seed, int ioQueues,
                                      SessionListener listener, Executor callbacks) {
        return attach(address, options, seed, ioQueues, null, null, listener, callbacks);
    }

    /**
     * As {@link #attach(AgentAddress, AgentClient.Options, long, int, SessionListener, Executor)}, with the 08h
     * and CD vectors the window's next runs use carried over to the agent's session (nothing is sent to the
     * device until a run sets them, as locally).
     */
    public static RemoteTuning attach(AgentAddress address, AgentClient.Options options, long seed, int ioQueues,
                                      InterruptCoalescing desired, Set<Integer> desiredCdVectors,
                                      SessionListener listener, Executor callbacks) {
        if (address.device().isEmpty()) {
            throw new AgentException("Name the device on the agent: remote://" + address.endpoint() + "/DEV.", true);
        }
        AgentClient client = AgentClient.connect(address, options);
        Events events = new Events(address, listener, callbacks);
        Hold hold = Hold.open(client, address, HoldRequest.newBuilder().setDevice(address.device()).setSeed(seed)
                .setIoQueues(Math.max(1, ioQueues)).setClient(options.client()).setFollow(true)
                .setDesired(WireTelemetry.of(desired, desiredCdVectors)).build(), events::accept, events::lost);
        try {
            IdentifyReply id = client.blocking().identify(IdentifyRequest.newBuilder().setLease(hold.lease).setNsid(1).build());
            IdentifyNamespace ns = IdentifyNamespace.parse(ByteBuffer.wrap(id.getNamespace().toByteArray()));
            return new RemoteTuning(client, address, hold, events, ns);
        } catch (StatusRuntimeException e) {
            hold.cancel("The client could not finish attaching.");
            client.close();
            throw client.failure(e);
        }
    }

    /** The device as the user names it here: {@code remote://HOST:PORT/DEV}. */
    public String device() {
        return address.toString();
    }

    public ControllerState state() {
        return events.state;
    }

    public boolean isAttached() {
        return !events.gone;
    }

    public boolean isRunning() {
        return events.state == ControllerState.RUNNING;
    }

    public InterruptCoalescing desiredCoalescing() {
        return events.desiredCoalescing;
    }

    public Set<Integer> desiredCdVectors() {
        return events.desiredCdVectors;
    }

    /** The spec as the agent will run it: its desired coalescing and CD vectors folded in. */
    public WorkloadSpec effective(WorkloadSpec spec) {
        return TuningSession.effective(spec, events.desiredCoalescing, events.desiredCdVectors);
    }

    /** The newest telemetry sample not yet taken, or null: for the window's sampler. */
    public TelemetrySnapshot sample() {
        return events.sample.getAndSet(null);
    }

    /** The run under way as the agent last sent it (about twice a second); null when no run goes. */
    public RunRecord runSoFar() {
        return isRunning() ? events.soFar : null;
    }

    /**
     * Runs {@code spec} on the agent; a workload that writes is first confirmed by {@code prompts} naming this
     * host and device. Completes with the run's record (on the callback executor); the record also reaches the
     * listener as a run added.
     */
    public CompletableFuture<RunRecord> run(WorkloadSpec spec, SafetyPrompts prompts, double simSpeed) {
        String refused = refusal();
        if (refused != null) {
            return refuse(refused);
        }
        if (!WriteConfirmation.needed(spec)) {
            return start(spec, false, simSpeed);
        }
        WriteConfirmation q = WriteConfirmation.of(device(), spec, namespace.nsze(), namespace.lbaSize());
        return prompts.confirmWrites(q).thenCompose(yes -> {
            if (!Boolean.TRUE.equals(yes)) {
                return refuse(q.refusal());
            }
            return start(spec, true, simSpeed);
        });
    }

    /** Runs the last workload again, with the coalescing settings as they are now. */
    public CompletableFuture<RunRecord> rerun(SafetyPrompts prompts, double simSpeed) {
        WorkloadSpec s = events.lastSpec;
        return s == null ? refuse(SessionWords.NOTHING_TO_RERUN) : run(s, prompts, simSpeed);
    }

    private CompletableFuture<RunRecord> start(WorkloadSpec spec, boolean allowWrites, double simSpeed) {
        CompletableFuture<RunRecord> done = new CompletableFuture<>();
        // The record completes the future on the callback executor, maybe after the stream's end was seen here.
        java.util.concurrent.atomic.AtomicBoolean recorded = new java.util.concurrent.atomic.AtomicBoolean();
        client.async().run(RunRequest.newBuilder().setLease(lease).setWorkload(WireWorkload.of(spec))
                .setAllowWrites(allowWrites).setSimSpeed(simSpeed).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(RunUpdate u) {
                        if (u.hasRecordJson()) {
                            recorded.set(true);
                            RunRecord r = RunRecordJson.read(u.getRecordJson());
                            events.callbacks.execute(() -> done.complete(r));
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        failed(done, t);
                    }

                    @Override
                    public void onCompleted() {
                        if (!recorded.get()) {
                            failed(done, new AgentException("The agent at " + address.endpoint()
                                    + " ended the run without its record.", false));
                        }
                    }
                });
        return done;
    }

    /** Sweeps {@code grid} on the agent; each point's record reaches {@code onPoint} and the listener. */
    public CompletableFuture<SweepResult> sweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos,
                                               SweepCost cost, Consumer<SweepPoint> onPoint, SafetyPrompts prompts) {
        String refused = refusal();
        if (refused != null) {
            return refuse(refused);
        }
        if (!WriteConfirmation.needed(base)) {
            return startSweep(base, grid, percentile, targetNanos, cost, onPoint, false);
        }
        WriteConfirmation q = WriteConfirmation.of(device(), base, namespace.nsze(), namespace.lbaSize());
        return prompts.confirmWrites(q).thenCompose(yes -> Boolean.TRUE.equals(yes)
                ? startSweep(base, grid, percentile, targetNanos, cost, onPoint, true) : refuse(q.refusal()));
    }

    private CompletableFuture<SweepResult> startSweep(WorkloadSpec base, SweepGrid grid, double percentile, long targetNanos,
                                                      SweepCost cost, Consumer<SweepPoint> onPoint, boolean allowWrites) {
        CompletableFuture<SweepResult> done = new CompletableFuture<>();
        List<SweepPoint> points = new ArrayList<>();
        client.async().sweep(SweepRequest.newBuilder().setLease(lease).setWorkload(WireWorkload.of(base))
                .addAllThr(grid.thresholds()).addAllTime(grid.times()).addAllIodepth(grid.iodepths())
                .setPercentile(percentile).setTargetNs(targetNanos)
                .setCost(cost == SweepCost.IRQ_CPU_SHARE ? "cpu" : "interrupts").setAllowWrites(allowWrites).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(SweepUpdate u) {
                        if (u.hasPointRecordJson()) {
                            RunRecord r = RunRecordJson.read(u.getPointRecordJson());
                            InterruptCoalescing c = InterruptCoalescing.fromCdw11(r.workload().coalescing());
                            SweepPoint p = new SweepPoint(new SweepSetting(c.threshold(), c.time(), r.workload().iodepth()), r);
                            events.callbacks.execute(() -> {
                                points.add(p);
                                if (onPoint != null) {
                                    onPoint.accept(p);
                                }
                            });
                        } else if (u.getFinished()) {
                            events.callbacks.execute(() -> done.complete(SweepResult.analyse(device(), base, grid,
                                    List.copyOf(points), percentile, targetNanos, cost, u.getCancelled(), u.getElapsedNs())));
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        failed(done, t);
                    }

                    @Override
                    public void onCompleted() {
                        if (!done.isDone()) {
                            events.callbacks.execute(() -> {
                                if (!done.isDone()) {
                                    failed(done, new AgentException("The agent at " + address.endpoint()
                                            + " ended the sweep without its result.", false));
                                }
                            });
                        }
                    }
                });
        return done;
    }

    /** Asks the run or sweep in progress on the agent to stop; it drains and is still recorded. */
    public void stop() {
        client.async().stop(StopRequest.newBuilder().setLease(lease).build(), new StreamObserver<Stopped>() {
            @Override
            public void onNext(Stopped value) {
            }

            @Override
            public void onError(Throwable t) {
                events.say(failure(t));
            }

            @Override
            public void onCompleted() {
            }
        });
    }

    /**
     * Sets 08h (and CD per vector) through the agent session's policy. During a run, {@code prompts} asks the
     * window's user first, as a local session does: now (between two batches), after the run, or not at all.
     */
    public CompletableFuture<AdminResult> applyCoalescing(InterruptCoalescing value, Set<Integer> cdVectors,
                                                         int vectorsBetweenRuns, SafetyPrompts prompts) {
        if (!isAttached()) {
            return refuse(SessionWords.NO_DEVICE);
        }
        if (!isRunning()) {
            return apply(value, cdVectors, vectorsBetweenRuns, false);
        }
        ApplyDuringIoQuestion q = new ApplyDuringIoQuestion(device(), value);
        return prompts.applyDuringIo(q).thenCompose(choice -> switch (choice) {
            case APPLY_NOW -> apply(value, cdVectors, vectorsBetweenRuns, false);
            case AFTER_RUN -> {
                events.say(q.deferred());
                yield apply(value, cdVectors, vectorsBetweenRuns, true);
            }
            case CANCEL -> {
                events.say(q.cancelled());
                yield CompletableFuture.<AdminResult>failedFuture(new CancellationException(q.cancelled()));
            }
        });
    }

    /**
     * Sends the Set Features; the outcome completes the future when it arrives on the hold stream, behind the
     * sentence the agent's session said about it (the call's own answer, on another stream, could overtake it,
     * and the Coalescing view words its outcome from that sentence).
     */
    private CompletableFuture<AdminResult> apply(InterruptCoalescing value, Set<Integer> cdVectors, int vectors, boolean afterRun) {
        long id = events.nextApply.incrementAndGet();
        ApplyRequest.Builder b = ApplyRequest.newBuilder().setLease(lease).setCoalescing(value.cdw11())
                .setVectorsBetweenRuns(vectors).setAfterRun(afterRun).setId(id);
        if (cdVectors != null) {
            b.setHasCdVectors(true).addAllCdVectors(cdVectors);
        }
        CompletableFuture<AdminResult> done = new CompletableFuture<>();
        events.applying.put(id, done);
        CompletableFuture<FeatureReply> reply = new CompletableFuture<>();
        client.async().applyCoalescing(b.build(), unary(reply));
        reply.whenComplete((r, t) -> {
            if (t != null) {
                events.applying.remove(id);
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    /** Identify, registers and Features 07h/08h/09h as the device on the agent answers now. */
    public CompletableFuture<ControllerReadout> readController() {
        CompletableFuture<ReadoutReply> reply = new CompletableFuture<>();
        client.async().readController(ReadControllerRequest.newBuilder().setLease(lease).build(), unary(reply));
        return reply.thenApply(WireReadout::readout);
    }

    /** A one-answer call that completes {@code f} on the callback executor; a failure is also said. */
    private <T> StreamObserver<T> unary(CompletableFuture<T> f) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                events.callbacks.execute(() -> f.complete(value));
            }

            @Override
            public void onError(Throwable t) {
                failed(f, t);
            }

            @Override
            public void onCompleted() {
            }
        };
    }

    private <T> void failed(CompletableFuture<T> f, Throwable t) {
        String sentence = failure(t);
        events.callbacks.execute(() -> {
            events.sayOnce(sentence);
            f.completeExceptionally(new IllegalStateException(sentence, t));
        });
    }

    private String failure(Throwable t) {
        return t instanceof StatusRuntimeException s ? client.failure(s).getMessage() : Failures.sentence(t);
    }

    private String refusal() {
        if (!isAttached()) {
            return SessionWords.NO_DEVICE;
        }
        return isRunning() ? SessionWords.RUN_IN_PROGRESS : null;
    }

    private <T> CompletableFuture<T> refuse(String sentence) {
        events.say(sentence);
        return CompletableFuture.failedFuture(new IllegalStateException(sentence));
    }

    /** Lets go of the device: the agent stops a run in progress, keeps its record, puts 08h back, releases it. */
    @Override
    public void close() {
        try {
            hold.cancel("The client let go of the device.");
        } finally {
            client.close();
            events.detached(address + " is detached.");
        }
    }

    /** The hold stream's events, turned into the listener's calls on the callback executor. */
    private static final class Events {
        final AgentAddress address;
        final SessionListener listener;
        final Executor callbacks;
        final AtomicReference<TelemetrySnapshot> sample = new AtomicReference<>();
        volatile ControllerState state = ControllerState.IDLE;
        volatile boolean gone;
        volatile RunRecord soFar;
        volatile InterruptCoalescing desiredCoalescing;
        volatile Set<Integer> desiredCdVectors;
        volatile WorkloadSpec lastSpec;
        final java.util.concurrent.atomic.AtomicLong nextApply = new java.util.concurrent.atomic.AtomicLong();
        /** Set Features sent, by id, until their outcome arrives on the hold stream. */
        final java.util.Map<Long, CompletableFuture<AdminResult>> applying = new java.util.concurrent.ConcurrentHashMap<>();
        private String lastSaid;

        Events(AgentAddress address, SessionListener listener, Executor callbacks) {
            this.address = address;
            this.listener = listener;
            this.callbacks = callbacks;
        }

        void accept(SessionEvent e) {
            if (gone) {
                return; // let go of: what the agent still had in flight must not bring the session back to life
            }
            switch (e.getEventCase()) {
                case SAMPLE -> sample.set(WireTelemetry.snapshot(e.getSample()));
                case SO_FAR_JSON -> soFar = RunRecordJson.read(e.getSoFarJson());
                case STATE -> {
                    ControllerState s = state(e.getState());
                    state = s;
                    if (s != ControllerState.RUNNING) {
                        soFar = null;
                    }
                    callbacks.execute(() -> listener.stateChanged(s, address.toString(), null));
                }
                case SAID -> say(e.getSaid());
                case PROGRESS -> callbacks.execute(() -> listener.progress(e.getProgress()));
                case RUN_STARTED -> {
                    WorkloadSpec spec = WireWorkload.spec(e.getRunStarted());
                    lastSpec = spec;
                    callbacks.execute(() -> listener.runStarted(spec));
                }
                case RUN_ADDED_JSON -> {
                    RunRecord r = RunRecordJson.read(e.getRunAddedJson());
                    callbacks.execute(() -> listener.runAdded(r));
                }
                case DESIRED -> {
                    desiredCoalescing = WireTelemetry.coalescing(e.getDesired());
                    desiredCdVectors = WireTelemetry.cdVectors(e.getDesired());
                    InterruptCoalescing c = desiredCoalescing;
                    Set<Integer> cd = desiredCdVectors;
                    callbacks.execute(() -> listener.desiredFeaturesChanged(c, cd));
                }
                case ADMIN_LOGGED -> {
                    var entries = WireTelemetry.entries(e.getAdminLogged());
                    callbacks.execute(() -> listener.adminLogged(entries));
                }
                case APPLIED -> {
                    CompletableFuture<AdminResult> f = applying.remove(e.getApplied().getId());
                    if (f != null) {
                        AdminResult r = WireReadout.result(e.getApplied().getResult());
                        callbacks.execute(() -> f.complete(r));
                    }
                }
                default -> {
                    // An event a newer agent sends that this client does not know: nothing to show for it.
                }
            }
        }

        private static ControllerState state(String name) {
            try {
                return ControllerState.valueOf(name);
            } catch (IllegalArgumentException e) {
                return ControllerState.BUSY;
            }
        }

        void say(String sentence) {
            callbacks.execute(() -> sayOnce(sentence));
        }

        /** Says {@code sentence} unless the agent's session just said it (a refusal comes as event and failure). */
        void sayOnce(String sentence) {
            if (!sentence.equals(lastSaid)) {
                lastSaid = sentence;
                listener.said(sentence);
            } else {
                lastSaid = null;
            }
        }

        /** The agent went away or let go: said at once; the views keep what they showed. */
        void lost(String why) {
            detached(why + " " + address + " is no longer attached; the views keep what they last showed.");
        }

        void detached(String why) {
            if (gone) {
                return;
            }
            gone = true;
            state = ControllerState.DETACHED;
            soFar = null;
            IllegalStateException lost = new IllegalStateException(why);
            applying.values().forEach(f -> callbacks.execute(() -> f.completeExceptionally(lost)));
            applying.clear();
            callbacks.execute(() -> {
                listener.stateChanged(ControllerState.DETACHED, "", null);
                lastSaid = null;
                listener.said(why);
            });
        }
    }
}
