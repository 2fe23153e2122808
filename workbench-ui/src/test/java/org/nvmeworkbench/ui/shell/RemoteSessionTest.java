package org.nvmeworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.core.agent.AgentIdentity;
import org.nvmeworkbench.core.agent.AgentServer;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.RunHistory;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #12: the Devices view adds an agent with its token, lists its devices beside this host's, attaches one,
 * and the Tuning views work over the wire: live rings and vectors, the run so far in Latency, the Controller
 * view's readout, and the run's record kept here too, marked with the agent's host.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteSessionTest {
    @TempDir
    static Path dir;
    private static AgentServer agent;
    private static AgentIdentity identity;

    private WorkbenchAssembly assembly;

    @BeforeAll
    static void startAgent() {
        identity = AgentIdentity.loadOrCreate(dir.resolve("agent"), null);
        agent = AgentServer.start("127.0.0.1", 0, new DeviceCatalog(List.of(new SimDeviceProvider())), identity,
                new RunHistory(dir.resolve("agent-runs")));
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        assembly = WorkbenchOnStage.show(stage, dir.resolve("home"));
    }

    @AfterEach
    void stop() throws Exception {
        WorkbenchOnStage.close(assembly);
    }

    @Test
    void anAgentsDeviceIsAttachedFromTheDevicesViewAndTunedLive(FxRobot robot) throws Exception {
        WorkbenchSession session = assembly.session();
        String endpoint = "127.0.0.1:" + agent.port();
        String remoteSim = "remote://" + endpoint + "/sim";

        // A wrong token: one sentence, shown, and the agent is not kept.
        robot.interact(() -> robot.lookup("#agent-form").queryAs(TitledPane.class).setExpanded(true));
        robot.clickOn("#agent-endpoint").write(endpoint);
        robot.clickOn("#agent-token").write("not-the-token");
        robot.clickOn("#agent-add");
        waitUntil(() -> !robot.lookup("#agent-problem").queryAs(Labeled.class).getText().isEmpty(), 20);
        assertThat(robot.lookup("#agent-problem").queryAs(Labeled.class).getText()).contains("token");
        assertThat(session.agents().endpoints()).isEmpty();

        robot.interact(() -> robot.lookup("#agent-token").queryAs(javafx.scene.control.TextInputControl.class).clear());
        robot.clickOn("#agent-token").write(identity.token());
        robot.clickOn("#agent-add");
        @SuppressWarnings("unchecked")
        ListView<DeviceInfo> list = robot.lookup("#device-list").queryAs(ListView.class);
        waitUntil(() -> list.getItems().stream().anyMatch(d -> d.spec().equals(remoteSim)), 20);
        assertThat(list.getItems()).as("this host's devices first, then the agent's")
                .first().satisfies(d -> assertThat(d.spec()).doesNotStartWith("remote://"));
        assertThat(robot.lookup("#agent-problem").queryAs(Labeled.class).getText()).isEmpty();
        assertThat(session.message().get()).contains("Added the agent at " + endpoint).contains("Pinned");
        assertThat(Files.readString(dir.resolve("home").resolve("known_agents"))).contains(endpoint + " SHA256:");

        // The window attached the local simulator at start in a real launch; here nothing is attached yet.
        robot.interact(() -> {
            if (session.isAttached()) {
                session.detach();
            }
        });
        waitUntil(() -> !session.isAttached(), 20);
        // The 08h the window's next runs use goes over with it, as after a restart it would locally.
        robot.interact(() -> session.restoreDesired(new InterruptCoalescing(7, 2), null));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(d -> d.spec().equals(remoteSim)).findFirst().orElseThrow()));
        robot.clickOn("#attach-button");
        waitUntil(() -> session.attached().get() && session.state().get() == ControllerState.IDLE, 30);
        assertThat(session.device().get()).isEqualTo(remoteSim);
        assertThat(session.isRemote()).isTrue();
        assertThat(session.controller().get()).as("no local controller for a device on an agent").isNull();

        AtomicReference<CompletableFuture<RunRecord>> run = new AtomicReference<>();
        robot.interact(() -> {
            session.simSpeed().set(1);
            run.set(session.run(WorkloadSpec.defaults().withQueues(4).withIodepth(8).withLimits(2_000_000_000L, 0)));
        });
        waitUntil(() -> {
            TelemetrySnapshot s = session.latest().get();
            return s != null && s.queues().size() == 4 && s.totalIos() > 0;
        }, 30);
        waitUntil(() -> session.runSoFar().get() != null, 15);
        waitUntil(() -> session.runProgress().get() > 0 && session.runProgress().get() < 1, 15);
        RunRecord r = run.get().get(60, TimeUnit.SECONDS);
        assertThat(r.origin().host()).isEqualTo("127.0.0.1");
        assertThat(r.workload().coalescing()).as("the window's 08h, set by the run on the agent")
                .isEqualTo(new InterruptCoalescing(7, 2).cdw11());
        waitUntil(() -> !session.runs().isEmpty(), 10);
        RunRecord kept = session.runs().get(session.runs().size() - 1);
        // The sentence travels on the hold stream, the record on the run's; whichever comes last, the message ends so.
        waitUntil(() -> session.message().get().startsWith("Run finished:"), 10);
        Thread.sleep(300);
        assertThat(WaitForAsyncUtils.asyncFx(() -> session.message().get()).get()).startsWith("Run finished:");
        assertThat(kept.origin().host()).as("kept here, marked with the agent's host").isEqualTo("127.0.0.1");
        try (var files = Files.list(dir.resolve("home").resolve("runs"))) {
            assertThat(files.count()).as("saved in this window's history").isPositive();
        }
        try (var files = Files.list(dir.resolve("agent-runs"))) {
            assertThat(files.count()).as("and in the agent's").isPositive();
        }

        robot.interact(() -> robot.lookup("#controller-refresh").queryButton().fire());
        waitUntil(() -> robot.lookup("#controller-text").queryAs(TextArea.class).getText().contains("== Identify Controller =="), 20);

        robot.interact(session::detach);
        waitUntil(() -> !session.attached().get(), 20);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> c, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not happen within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
