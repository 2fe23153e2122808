package org.nvmeworkbench.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.cli.Main;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * The agent and its clients in separate processes on loopback: the same figures as locally, and each way
 * it can go wrong (wrong token, changed certificate, a second controller, a client or the agent killed mid-run).
 */
class RemoteAgentTest {
    @TempDir
    static Path dir;
    private static AgentProcess agent;
    private static String remote;
    private Path clientHome;
    private String homeBefore;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = AgentProcess.agent(dir.resolve("agent-home"));
        remote = "remote://127.0.0.1:" + agent.awaitPort();
    }

    @AfterAll
    static void stopAgent() throws Exception {
        agent.close();
    }

    @BeforeEach
    void clientHome() {
        clientHome = dir.resolve("client-" + System.nanoTime());
        homeBefore = System.setProperty("nvmeworkbench.home", clientHome.toString());
    }

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty("nvmeworkbench.home");
        } else {
            System.setProperty("nvmeworkbench.home", homeBefore);
        }
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }

    private String token() {
        return agent.tokenFile().toString();
    }

    private AgentClient.Options options() {
        return new AgentClient.Options(AgentIdentity.readToken(agent.tokenFile()), null,
                new KnownAgents(clientHome.resolve("known_agents")), null, "test@loopback");
    }

    @Test
    void theAgentSaysWhereItListensItsFingerprintAndWhereItsTokenIs() {
        assertThat(agent.outputText()).contains("listening on 127.0.0.1:").containsPattern("fingerprint: SHA256:[A-Za-z0-9+/]{43}")
                .contains(agent.tokenFile().toString());
    }

    @Test
    void aRemoteRunOnTheSimulatorWithASeedGivesExactlyTheLocalFigures() throws Exception {
        Cli remoteRun = cli("run", "-d", remote + "/sim", "--token-file", token(), "--ios", "20000", "--coalesce", "7,2",
                "--seed", "5", "-o", "json");
        Cli localRun = cli("run", "-d", "sim", "--ios", "20000", "--coalesce", "7,2", "--seed", "5", "-o", "json");
        assertThat(remoteRun.exit()).as(remoteRun.err()).isZero();
        assertThat(remoteRun.err()).startsWith("Pinned the agent at 127.0.0.1:").contains("on first use as SHA256:");
        Map<String, String> r = flat(new ObjectMapper().readTree(remoteRun.out()));
        Map<String, String> l = flat(new ObjectMapper().readTree(localRun.out()));
        r.remove(".started_at");
        l.remove(".started_at");
        assertThat(r).isEqualTo(l).hasSizeGreaterThan(50);
        assertThat(Files.readString(clientHome.resolve("known_agents"))).contains("127.0.0.1:" + agent.awaitPort() + " SHA256:");
    }

    @Test
    void oneWorkloadRunsOnSeveralDevicesAtOnceLikeFiosClientWithSeveralHosts() throws Exception {
        Cli both = cli("run", "-d", remote + "/sim", "-d", "sim", "--token-file", token(), "--ios", "10000", "--seed", "3",
                "-o", "json");
        assertThat(both.exit()).as(both.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(both.out()).path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("device_named").asText()).isEqualTo(remote + "/sim");
        Map<String, String> there = flat(runs.get(0));
        Map<String, String> here = flat(runs.get(1));
        for (Map<String, String> m : java.util.List.of(there, here)) {
            m.remove(".started_at");
            m.remove(".device_named");
        }
        assertThat(there).as("the same seeded workload on the agent's simulator and this one").isEqualTo(here);
        Cli one = cli("identify", "-d", "sim", "-d", "sim:optane");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err().strip()).startsWith("This command takes one device, not 2;");
    }

    @Test
    void listShowsTheAgentsDevicesAsRemoteNames() {
        Cli l = cli("list", "-d", remote, "--token-file", token());
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(l.out()).contains(remote + "/sim ").contains(remote + "/sim:optane");
    }

    @Test
    void aWrongOrMissingTokenGetsOneSentenceAndNoDeviceData() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong-token"), "not-the-token\n");
        Cli bad = cli("identify", "-d", remote + "/sim", "--token-file", wrong.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().strip()).isEqualTo("The agent refused the access token: it is not the one in the agent's token file.");
        Cli none = cli("identify", "-d", remote + "/sim");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().strip()).startsWith("A remote device needs the agent's access token");
    }

    @Test
    void aChangedCertificateIsRefusedWithHowToAcceptIt() throws Exception {
        String endpoint = "127.0.0.1:" + agent.awaitPort();
        new KnownAgents(clientHome.resolve("known_agents")).pin(endpoint, "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Cli c = cli("identify", "-d", remote + "/sim", "--token-file", token());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.out()).isEmpty();
        assertThat(c.err().strip()).startsWith("The agent at " + endpoint + " presented certificate SHA256:")
                .contains("not SHA256:AAAA").contains("--agent-fingerprint SHA256:");
        String offered = c.err().replaceAll("(?s).*--agent-fingerprint (SHA256:\\S{43}).*", "$1");
        Cli accepted = cli("identify", "-d", remote + "/sim", "--token-file", token(), "--agent-fingerprint", offered);
        assertThat(accepted.exit()).as(accepted.err()).isZero();
        assertThat(new KnownAgents(clientHome.resolve("known_agents")).pinned(endpoint)).isEqualTo(offered);
    }

    @Test
    void aSecondControllerIsToldWhoHoldsTheDeviceSinceWhen() {
        AgentAddress a = AgentAddress.parse(remote + "/sim:optane");
        try (RemoteControllerSession first = RemoteControllerSession.open(a, options(), DeviceOptions.DEFAULT, 1, false)) {
            assertThat(first.identify(1).controller().mn()).contains("optane");
            Cli second = cli("identify", "-d", remote + "/sim:optane", "--token-file", token());
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.err().strip()).startsWith("sim:optane on 127.0.0.1 is held by test@loopback since ");
        }
    }

    @Test
    void aClientKilledMidRunStopsTheRunKeepsItsRecordAndFreesTheDevice() throws Exception {
        long before = runsOnAgent();
        AgentProcess client = AgentProcess.start(dir.resolve("killed-client"), "run", "-d", remote + "/sim:null",
                "--token-file", token(), "--runtime", "3600s");
        waitUntil(() -> heldOnAgent("sim:null"), 30);
        Thread.sleep(3_000); // the client sends its run right after the hold: let it be under way
        client.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        try {
            waitUntil(() -> !heldOnAgent("sim:null"), 15);
        } catch (AssertionError e) {
            throw new AssertionError("still held; the agent said: " + agent.outputText(), e);
        }
        waitUntil(() -> runsOnAgent() > before, 15);
        RunRecord kept = newestRunOnAgent();
        assertThat(kept.notes()).anyMatch(n -> n.contains("cancelled"));
        assertThat(kept.origin().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void anAgentKilledMidRunIsSaidWithinTwoSecondsAndNothingHangs() throws Exception {
        AgentProcess doomed = AgentProcess.agent(dir.resolve("doomed-home"));
        AgentAddress a = AgentAddress.parse("remote://127.0.0.1:" + doomed.awaitPort() + "/sim:null");
        AgentClient.Options o = new AgentClient.Options(AgentIdentity.readToken(doomed.tokenFile()), null,
                new KnownAgents(clientHome.resolve("known_agents")), null, "test@loopback");
        RemoteControllerSession s = RemoteControllerSession.open(a, o, DeviceOptions.DEFAULT, 1, false);
        CompletableFuture<RunRecord> run = CompletableFuture.supplyAsync(() -> s.run(WorkloadSpec.defaults()
                .withLimits(3_600_000_000_000L, 0)));
        Thread.sleep(1_000);
        doomed.process.destroyForcibly();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AgentException.class)
                .cause().hasMessageContaining("The agent at 127.0.0.1:");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds until the client knew").isLessThan(2.0);
        s.close();
    }

    private boolean heldOnAgent(String device) {
        try (AgentClient c = AgentClient.connect(AgentAddress.parse(remote), options())) {
            return c.list().getDevicesList().stream().anyMatch(d -> d.getSpec().equals(device) && !d.getAttachable());
        }
    }

    private long runsOnAgent() throws Exception {
        Path runs = agent.home.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (var s = Files.list(runs)) {
            return s.count();
        }
    }

    private RunRecord newestRunOnAgent() throws Exception {
        try (var s = Files.list(agent.home.resolve("runs"))) {
            Iterator<Path> it = s.sorted((x, y) -> Long.compare(x.toFile().lastModified(), y.toFile().lastModified())).iterator();
            Path last = null;
            while (it.hasNext()) {
                last = it.next();
            }
            return RunStore.load(last);
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not happen within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, String> flat(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        flat(n, "", out);
        return out;
    }

    private static void flat(JsonNode n, String path, Map<String, String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flat(e.getValue(), path + "." + e.getKey(), out));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flat(n.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, n.asText());
        }
    }
}
