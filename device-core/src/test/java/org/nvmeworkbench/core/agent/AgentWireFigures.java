package org.nvmeworkbench.core.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import org.nvmeworkbench.core.agent.proto.HoldRequest;
import org.nvmeworkbench.core.agent.proto.RunRequest;
import org.nvmeworkbench.core.agent.proto.RunUpdate;
import org.nvmeworkbench.core.agent.proto.SessionEvent;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.session.RunHistory;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * Prints what the wire costs, on loopback: the added latency of an admin command (Get Features 08h) through
 * an agent against the same command here, the telemetry bytes per second a live run streams to a command line,
 * and what a window's followed session streams.
 * Run with scripts/agent-bench.sh.
 */
public final class AgentWireFigures {
    private AgentWireFigures() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path home = Files.createTempDirectory("agent-figures");
        AgentIdentity id = AgentIdentity.loadOrCreate(home.resolve("agent"), null);
        DeviceCatalog catalog = DeviceCatalog.load();
        try (AgentServer server = AgentServer.start("127.0.0.1", 0, catalog, id, new RunHistory(home.resolve("runs")))) {
            AgentAddress a = AgentAddress.parse("remote://127.0.0.1:" + server.port() + "/sim:null");
            AgentClient.Options o = new AgentClient.Options(id.token(), null, new KnownAgents(home.resolve("known_agents")),
                    null, "figures");
            double local;
            try (LocalControllerSession l = LocalControllerSession.attach(catalog, "sim:null", DeviceOptions.DEFAULT, 1)) {
                local = medianMicros(calls, () -> l.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0));
            }
            try (RemoteControllerSession r = RemoteControllerSession.open(a, o, DeviceOptions.DEFAULT, 1, false)) {
                double remote = medianMicros(calls, () -> r.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0));
                System.out.printf("Get Features 08h: %.1f us here, %.1f us through the agent on loopback (+%.1f us), median of %,d%n",
                        local, remote, remote - local, calls);
            }
            telemetry(a, o);
            followed(a, o);
        }
    }

    /**
     * What a window's followed session costs: a live run of 16 queue pairs on the paced simulator, every event
     * the hold stream carries counted by kind (samples with every ring and vector, the run so far twice a
     * second, the session's sentences and state).
     */
    private static void followed(AgentAddress a, AgentClient.Options o) throws Exception {
        AgentAddress tlc = a.with("sim:tlc");
        try (AgentClient c = AgentClient.connect(tlc, o)) {
            java.util.Map<SessionEvent.EventCase, long[]> bytes = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.CompletableFuture<String> lease = new java.util.concurrent.CompletableFuture<>();
            @SuppressWarnings("unchecked")
            io.grpc.stub.ClientCallStreamObserver<HoldRequest>[] call = new io.grpc.stub.ClientCallStreamObserver[1];
            c.async().hold(HoldRequest.newBuilder().setDevice("sim:tlc").setIoQueues(16).setFollow(true).setClient("figures")
                    .build(), new io.grpc.stub.ClientResponseObserver<HoldRequest, SessionEvent>() {
                        @Override
                        public void beforeStart(io.grpc.stub.ClientCallStreamObserver<HoldRequest> r) {
                            call[0] = r;
                        }

                        @Override
                        public void onNext(SessionEvent e) {
                            if (e.hasHeld()) {
                                lease.complete(e.getHeld().getLease());
                                return;
                            }
                            long[] n = bytes.computeIfAbsent(e.getEventCase(), k -> new long[2]);
                            synchronized (n) {
                                n[0]++;
                                n[1] += e.getSerializedSize();
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            lease.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
            String l = lease.get(60, java.util.concurrent.TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            Iterator<RunUpdate> it = c.blocking().run(RunRequest.newBuilder().setLease(l).setSimSpeed(1).setWorkload(
                    WireWorkload.of(WorkloadSpec.defaults().withQueues(16).withLimits(10_000_000_000L, 0))).build());
            while (it.hasNext()) {
                it.next();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            call[0].cancel("done", null);
            long total = 0;
            StringBuilder kinds = new StringBuilder();
            for (var e : new java.util.TreeMap<>(bytes).entrySet()) {
                total += e.getValue()[1];
                kinds.append(String.format("%n  %-16s %,6d events, %,9.0f bytes/s (%,.0f B each)", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / seconds, (double) e.getValue()[1] / e.getValue()[0]));
            }
            System.out.printf("A window's followed session, 16 queue pairs live for %.1f s: %,.0f bytes/s in all%s%n",
                    seconds, total / seconds, kinds);
        }
    }

    /** Streams one run's telemetry from the agent and counts its bytes as protobuf puts them on the wire. */
    private static void telemetry(AgentAddress a, AgentClient.Options o) throws Exception {
        AgentAddress tlc = a.with("sim:tlc");
        try (RemoteControllerSession r = RemoteControllerSession.open(tlc, o, DeviceOptions.DEFAULT, 16, false);
             AgentClient c = AgentClient.connect(tlc, o)) {
            String lease = r.lease();
            long t0 = System.nanoTime();
            Iterator<RunUpdate> it = c.blocking().run(RunRequest.newBuilder().setLease(lease).setWorkload(WireWorkload.of(
                    WorkloadSpec.defaults().withQueues(16).withLimits(20_000_000_000L, 0))).build());
            long sampleBytes = 0;
            long samples = 0;
            long recordBytes = 0;
            while (it.hasNext()) {
                RunUpdate u = it.next();
                if (u.hasSample()) {
                    samples++;
                    sampleBytes += u.getSerializedSize();
                } else {
                    recordBytes = u.getSerializedSize();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Telemetry, 16 queue pairs: %,d samples in %.1f s, %,.0f bytes/s (%.0f B a sample); "
                    + "the run record once: %,d bytes%n", samples, seconds, sampleBytes / seconds,
                    samples == 0 ? 0.0 : (double) sampleBytes / samples, recordBytes);
        }
    }

    private static double medianMicros(int n, Runnable call) {
        for (int i = 0; i < n / 10; i++) {
            call.run(); // warm up
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - s) / 1e3;
        }
        Arrays.sort(t);
        return t[n / 2];
    }
}
