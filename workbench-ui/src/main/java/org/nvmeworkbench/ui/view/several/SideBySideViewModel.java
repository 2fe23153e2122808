package org.nvmeworkbench.ui.view.several;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.nvmeworkbench.core.agent.AgentAddress;
import org.nvmeworkbench.core.agent.RemoteControllerSession;
import org.nvmeworkbench.core.agent.SideBySide;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.view.runs.RunSelection;

/**
 * Run on several devices: the Workload view's workload (with the Coalescing editor's 08h) on the devices the user ticks, here and on agents, all
 * at once ({@link SideBySide}, like fio's {@code --client} with several hosts). Each device is attached for
 * its run only and let go after it; the records join Runs (marked with their host) and are selected side by
 * side, the first device's run the baseline. The device attached in the window is left out: it is busy here.
 */
public final class SideBySideViewModel {
    private final WorkbenchSession session;
    private final RunSelection selection;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");

    public SideBySideViewModel(WorkbenchSession session, RunSelection selection, Executor background, Executor ui) {
        this.session = session;
        this.selection = selection;
        this.background = background;
        this.ui = ui;
    }

    public ReadOnlyBooleanProperty running() { return running.getReadOnlyProperty(); }
    /** What happened, in words: the devices that ran, and each one that did not with why. */
    public ReadOnlyStringProperty outcome() { return outcome.getReadOnlyProperty(); }

    /** The devices that may be ticked: attachable ones, not the one attached in the window. */
    public List<DeviceInfo> choices(List<DeviceInfo> listed) {
        List<DeviceInfo> out = new ArrayList<>();
        for (DeviceInfo d : listed) {
            if (d.attachable() && !d.spec().equals(session.device().get())) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * Runs the Workload view's workload on {@code devices}; completes (on the UI executor) with the records
     * that came back, in the devices' order. Refused in words: fewer than two devices, an invalid workload,
     * or one that writes (each device would need its own confirmation; attach it and run it there).
     */
    public CompletableFuture<List<RunRecord>> run(List<String> devices) {
        // With the Coalescing editor's 08h and CD vectors folded in, as a run from the Workload view has them.
        WorkloadSpec spec = session.draftSpec().get() == null ? null : session.effective(session.draftSpec().get());
        String refused = devices.size() < 2 ? "Tick two devices or more: one device runs from the Workload view."
                : spec == null ? "The Workload view's workload is not valid; correct it there first."
                : WriteConfirmation.needed(spec) ? "Several devices at once run workloads that only read; a " + spec.rw().fioName()
                        + " run writes, so attach each device and run it there, where writing to it is confirmed by name."
                : null;
        if (refused != null) {
            outcome.set(refused);
            return CompletableFuture.failedFuture(new IllegalArgumentException(refused));
        }
        running.set(true);
        outcome.set("Running " + spec.rw().fioName() + " on " + devices.size() + " devices at once...");
        session.message().set(outcome.get());
        return CompletableFuture.supplyAsync(() -> SideBySide.run(devices, spec, name -> open(name, spec)), background)
                .handleAsync((outcomes, t) -> {
                    running.set(false);
                    if (t != null) {
                        outcome.set(org.nvmeworkbench.core.session.Failures.sentence(t));
                        session.message().set(outcome.get());
                        throw new java.util.concurrent.CompletionException(t);
                    }
                    List<RunRecord> records = new ArrayList<>();
                    List<String> said = new ArrayList<>();
                    for (SideBySide.Outcome o : outcomes) {
                        if (o.ran()) {
                            session.core().keep(o.record());
                            records.add(o.record());
                        } else {
                            said.add(o.sentence());
                        }
                    }
                    selection.select(records);
                    outcome.set("Ran " + spec.rw().fioName() + " on " + records.size() + " of " + devices.size()
                            + " devices side by side" + (records.isEmpty() ? "." : "; Runs compares them.")
                            + (said.isEmpty() ? "" : " " + String.join(" ", said)));
                    session.message().set(outcome.get());
                    return records;
                }, ui);
    }

    /** A device for its run only: through its agent, or here with a session of its own. */
    private ControllerSession open(String device, WorkloadSpec spec) {
        DeviceOptions options = new DeviceOptions(spec.seed(), false);
        if (AgentAddress.names(device)) {
            AgentAddress a = AgentAddress.parse(device);
            if (session.agents() == null) {
                throw new IllegalStateException("This window keeps no agents; " + a.endpoint() + " cannot be reached.");
            }
            return RemoteControllerSession.open(a, session.agents().options(a, null, null), options, spec.queues(), false);
        }
        return LocalControllerSession.attach(session.catalog(), device, options, spec.queues());
    }
}
