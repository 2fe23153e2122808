package org.nvmeworkbench.ui.view.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.ui.session.AddedAgents;
import org.nvmeworkbench.ui.session.WorkbenchSession;

/**
 * The Devices view's list: this host's devices (what the providers discover) and, after them, the devices of
 * every agent the user added, named {@code remote://HOST:PORT/DEV}. Talking to an agent takes a network round
 * trip, so it runs on {@code background} and lands on {@code ui} (the FX thread in the window).
 */
public final class DevicesViewModel {
    private final WorkbenchSession session;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<DeviceInfo> devices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper agentProblem = new ReadOnlyStringWrapper(this, "agentProblem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private List<DeviceInfo> remote = List.of();

    public DevicesViewModel(WorkbenchSession session, Executor background, Executor ui) {
        this.session = session;
        this.background = background;
        this.ui = ui;
        devices.setAll(session.catalog().discover());
    }

    public ObservableList<DeviceInfo> devices() { return devices; }
    /** Why the last Add agent failed, in one sentence; empty after one worked. */
    public ReadOnlyStringProperty agentProblem() { return agentProblem.getReadOnlyProperty(); }
    /** An agent is being asked. */
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }

    /** Whether agents can be added here (the window keeps them in its home). */
    public boolean agentsPossible() {
        return session.agents() != null;
    }

    /** Looks for this host's devices again, and asks every added agent for its devices. */
    public CompletableFuture<Void> refresh() {
        devices.setAll(merged(session.catalog().discover(), remote));
        AddedAgents agents = session.agents();
        if (agents == null || agents.endpoints().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        return CompletableFuture.supplyAsync(agents::devices, background).thenAcceptAsync(found -> {
            remote = found;
            devices.setAll(merged(session.catalog().discover(), found));
            busy.set(false);
        }, ui);
    }

    /**
     * Adds the agent at {@code endpoint} (HOST:PORT) with its {@code token}; {@code fingerprint} accepts a changed
     * certificate (else the first use pins it). Completes with what the window says about it; a failure is kept
     * in {@link #agentProblem()} and the list is left as it was.
     */
    public CompletableFuture<String> addAgent(String endpoint, String token, String fingerprint) {
        AddedAgents agents = session.agents();
        if (agents == null) {
            agentProblem.set("This window keeps no agents.");
            return CompletableFuture.failedFuture(new IllegalStateException(agentProblem.get()));
        }
        if (endpoint == null || endpoint.isBlank()) {
            agentProblem.set("Give the agent's address as HOST:PORT, e.g. lab7:7450.");
            return CompletableFuture.failedFuture(new IllegalArgumentException(agentProblem.get()));
        }
        busy.set(true);
        CompletableFuture<String> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> agents.add(endpoint, token, fingerprint), background).whenCompleteAsync((l, t) -> {
            busy.set(false);
            if (t != null) {
                agentProblem.set(Failures.sentence(t));
                session.message().set(agentProblem.get());
                done.completeExceptionally(t);
                return;
            }
            agentProblem.set("");
            List<DeviceInfo> others = new ArrayList<>();
            String prefix = "remote://" + endpoint.strip() + "/";
            for (DeviceInfo d : remote) {
                if (!d.spec().startsWith(prefix)) {
                    others.add(d);
                }
            }
            others.addAll(l.devices());
            remote = List.copyOf(others);
            devices.setAll(merged(session.catalog().discover(), remote));
            String said = "Added the agent at " + endpoint.strip() + ": " + l.devices().size() + " device(s)."
                    + (l.pinned().isEmpty() ? "" : " " + l.pinned());
            session.message().set(said);
            done.complete(said);
        }, ui);
        return done;
    }

    private static List<DeviceInfo> merged(List<DeviceInfo> local, List<DeviceInfo> remote) {
        List<DeviceInfo> all = new ArrayList<>(local);
        all.addAll(remote);
        return all;
    }
}
