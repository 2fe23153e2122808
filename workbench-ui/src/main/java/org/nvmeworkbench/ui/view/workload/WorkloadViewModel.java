package org.nvmeworkbench.ui.view.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.nvmeworkbench.core.cli.FioUnits;
import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.ui.session.ControllerState;
import org.nvmeworkbench.ui.session.WorkbenchSession;

/** The Workload view's state: fio's options as typed, the spec they make, and start/stop/rerun. */
public final class WorkloadViewModel {
    private final WorkbenchSession session;
    private final ObjectProperty<ReadWrite> rw = new SimpleObjectProperty<>(this, "rw", ReadWrite.RANDREAD);
    private final StringProperty blockSize = new SimpleStringProperty(this, "bs", "4k");
    private final StringProperty iodepth = new SimpleStringProperty(this, "iodepth", "32");
    private final StringProperty queues = new SimpleStringProperty(this, "queues", "2");
    private final StringProperty runtime = new SimpleStringProperty(this, "runtime", "2s");
    private final StringProperty ios = new SimpleStringProperty(this, "ios", "0");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper writeNote = new ReadOnlyStringWrapper(this, "writeNote", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canRerun;

    public WorkloadViewModel(WorkbenchSession session) {
        this.session = session;
        for (StringProperty p : List.of(blockSize, iodepth, queues, runtime, ios, seed)) {
            p.addListener((o, a, b) -> revalidate());
        }
        rw.addListener((o, a, b) -> revalidate());
        session.device().addListener((o, a, b) -> revalidate());
        canStart = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && session.state().get() == ControllerState.IDLE,
                problem, session.state());
        canStop = Bindings.createBooleanBinding(() -> session.state().get() == ControllerState.RUNNING, session.state());
        canRerun = Bindings.createBooleanBinding(() -> session.lastSpec().get() != null
                && session.state().get() == ControllerState.IDLE, session.lastSpec(), session.state());
        revalidate();
    }

    public ObjectProperty<ReadWrite> rw() { return rw; }
    public StringProperty blockSize() { return blockSize; }
    public StringProperty iodepth() { return iodepth; }
    public StringProperty queues() { return queues; }
    public StringProperty runtime() { return runtime; }
    public StringProperty ios() { return ios; }
    public StringProperty seed() { return seed; }
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    /** Said while the pattern writes: Start will ask to confirm, naming the device. */
    public ReadOnlyStringProperty writeNote() { return writeNote.getReadOnlyProperty(); }
    /** How the last start or rerun ended when it did not run: refused, cancelled or failed, in words. */
    public ReadOnlyStringProperty outcome() { return outcome.getReadOnlyProperty(); }
    public BooleanBinding canStart() { return canStart; }
    public BooleanBinding canStop() { return canStop; }
    public BooleanBinding canRerun() { return canRerun; }

    /** The spec the fields describe, or null with {@link #problem()} saying why. */
    public WorkloadSpec spec() {
        List<String> p = new ArrayList<>();
        WorkloadSpec s = build(p);
        return p.isEmpty() ? s : null;
    }

    private WorkloadSpec build(List<String> problems) {
        long bs = parse(problems, "bs", blockSize.get(), true);
        long depth = parse(problems, "iodepth", iodepth.get(), false);
        long q = parse(problems, "queues", queues.get(), false);
        long count = parse(problems, "ios", ios.get(), false);
        long sd = parse(problems, "seed", seed.get(), false);
        long rt = 0;
        try {
            String t = runtime.get().strip();
            rt = t.isEmpty() || t.equals("0") ? 0 : FioUnits.parseTimeNanos(t);
        } catch (RuntimeException e) {
            problems.add("runtime: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        WorkloadSpec s = WorkloadSpec.defaults().withRw(rw.get()).withBlockSize((int) Math.min(Integer.MAX_VALUE, bs))
                .withIodepth((int) Math.min(Integer.MAX_VALUE, depth)).withQueues((int) Math.min(Integer.MAX_VALUE, q))
                .withLimits(rt, count).withSeed(sd).withAllowWrites(rw.get().writes());
        problems.addAll(s.problems());
        return s;
    }

    private static long parse(List<String> problems, String name, String text, boolean size) {
        try {
            return size ? FioUnits.parseSize(text.strip()) : FioUnits.parseInteger(text.strip());
        } catch (RuntimeException e) {
            problems.add(name + ": " + e.getMessage());
            return 0;
        }
    }

    private void revalidate() {
        List<String> p = new ArrayList<>();
        WorkloadSpec s = build(p);
        problem.set(p.isEmpty() ? "" : p.get(0));
        String dev = session.device().get().isEmpty() ? "the attached device" : session.device().get();
        writeNote.set(rw.get().writes() ? rw.get().fioName() + " writes: Start asks you to confirm writing to " + dev
                + ", naming it, before anything is written." : "");
        if (p.isEmpty()) {
            session.draftSpec().set(s);
        }
    }

    /**
     * Starts the workload; the session asks to confirm writes. (The spec says allowWrites for a writing
     * pattern only so it validates: the session's confirmation naming the device is the gate.)
     */
    public CompletableFuture<RunRecord> start() {
        WorkloadSpec s = spec();
        if (s == null) {
            outcome.set(problem.get());
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return said(session.run(s));
    }

    private CompletableFuture<RunRecord> said(CompletableFuture<RunRecord> run) {
        outcome.set("");
        return run.whenComplete((r, t) -> outcome.set(t == null ? "" : session.message().get()));
    }

    public void stop() {
        session.stop();
    }

    public CompletableFuture<RunRecord> rerun() {
        return said(session.rerun());
    }
}
