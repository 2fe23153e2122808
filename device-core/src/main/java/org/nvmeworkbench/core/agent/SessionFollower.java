package org.nvmeworkbench.core.agent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.grpc.stub.ServerCallStreamObserver;

import org.nvmeworkbench.core.agent.proto.Applied;
import org.nvmeworkbench.core.agent.proto.FeatureReply;
import org.nvmeworkbench.core.agent.proto.SessionEvent;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordJson;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.SessionListener;
import org.nvmeworkbench.core.session.TuningSession;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Streams an agent's tuning session to the window that holds it (design.md, "One session, many front ends"):
 * every event the session has for a front end, as it happens, and the live telemetry at the sampling rate.
 * Events always travel; a telemetry sample or a run-so-far record is skipped while the client cannot take one
 * (gRPC's isReady), so a slow network delays the live views and never the I/O loop, whose thread this is not.
 */
final class SessionFollower implements SessionListener {
    private static final Logger LOG = Logger.getLogger(SessionFollower.class.getName());
    /** The live views' sampling period; a run-so-far record every fifth sample (2 Hz: it carries a histogram). */
    static final long SAMPLE_PERIOD_MILLIS = AgentService.SAMPLE_PERIOD_MILLIS;
    private static final int SO_FAR_EVERY = 5;

    private final TuningSession session;
    private final ServerCallStreamObserver<SessionEvent> events;
    private final UnaryOperator<RunRecord> marked;
    private ScheduledFuture<?> sampling;
    private int ticks;
    private RunRecord soFarSent;

    private SessionFollower(TuningSession session, ServerCallStreamObserver<SessionEvent> events,
                            UnaryOperator<RunRecord> marked) {
        this.session = session;
        this.events = events;
        this.marked = marked;
    }

    /** Follows {@code session} on {@code events}, starting with its state and desired features now. */
    static SessionFollower start(TuningSession session, ServerCallStreamObserver<SessionEvent> events,
                                 ScheduledExecutorService sampler, UnaryOperator<RunRecord> marked) {
        SessionFollower f = new SessionFollower(session, events, marked);
        f.send(SessionEvent.newBuilder().setState(session.state().name()).build());
        f.send(SessionEvent.newBuilder().setDesired(WireTelemetry.of(session.desiredCoalescing(),
                session.desiredCdVectors())).build());
        session.addListener(f);
        f.sampling = sampler.scheduleAtFixedRate(f::tick, 0, SAMPLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return f;
    }

    void stop() {
        session.removeListener(this);
        if (sampling != null) {
            sampling.cancel(false);
        }
    }

    private void tick() {
        try {
            TelemetrySnapshot s = session.sample();
            if (s != null && events.isReady()) {
                send(SessionEvent.newBuilder().setSample(WireTelemetry.of(s)).build());
            }
            if (++ticks % SO_FAR_EVERY == 0 && session.isRunning()) {
                RunRecord soFar = session.runSoFar();
                if (soFar != null && soFar != soFarSent && events.isReady()) {
                    soFarSent = soFar;
                    send(SessionEvent.newBuilder().setSoFarJson(RunRecordJson.write(soFar)).build());
                }
            }
            session.drainAdminLog();
        } catch (RuntimeException e) {
            // The rings change while a run sets up or tears down its queues; the next tick will do.
            LOG.log(Level.FINE, "Skipped a telemetry sample", e);
        }
    }

    private void send(SessionEvent e) {
        synchronized (events) {
            if (!events.isCancelled()) {
                try {
                    events.onNext(e);
                } catch (IllegalStateException closed) {
                    LOG.log(Level.FINE, "The hold had closed already", closed);
                }
            }
        }
    }

    /** An ApplyCoalescing call's outcome, on the stream after the sentence the session said about it. */
    void applied(long id, FeatureReply result) {
        send(SessionEvent.newBuilder().setApplied(Applied.newBuilder().setId(id).setResult(result)).build());
    }

    @Override
    public void stateChanged(ControllerState state, String device, NvmeController controller) {
        send(SessionEvent.newBuilder().setState(state.name()).build());
    }

    @Override
    public void said(String sentence) {
        send(SessionEvent.newBuilder().setSaid(sentence).build());
    }

    @Override
    public void progress(double fraction) {
        send(SessionEvent.newBuilder().setProgress(fraction).build());
    }

    @Override
    public void runStarted(WorkloadSpec spec) {
        send(SessionEvent.newBuilder().setRunStarted(WireWorkload.of(spec)).build());
    }

    @Override
    public void runAdded(RunRecord run) {
        send(SessionEvent.newBuilder().setRunAddedJson(RunRecordJson.write(marked.apply(run))).build());
    }

    @Override
    public void desiredFeaturesChanged(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
        send(SessionEvent.newBuilder().setDesired(WireTelemetry.of(coalescing, cdVectors)).build());
    }

    @Override
    public void adminLogged(List<AdminLogEntry> entries) {
        send(SessionEvent.newBuilder().setAdminLogged(WireTelemetry.of(entries)).build());
    }
}
