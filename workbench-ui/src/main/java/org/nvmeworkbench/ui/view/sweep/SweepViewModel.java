package org.nvmeworkbench.ui.view.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.nvmeworkbench.core.fiojob.FioUnits;
import org.nvmeworkbench.core.report.Figures;
import org.nvmeworkbench.core.record.AtomicFile;
import org.nvmeworkbench.core.sweep.Sweep;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.sweep.SweepPoint;
import org.nvmeworkbench.core.sweep.SweepResult;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.ui.session.WorkbenchSession;

/**
 * The Sweep view's state: the THR x TIME (x iodepth) grid, percentile and target as typed and validated,
 * the sweep in progress (partial results analysed as points arrive), the result and its recommendation,
 * and proposing the recommended value to the Coalescing editor. The workload is the Workload view's,
 * with a fixed I/O count per point so the points compare.
 */
public final class SweepViewModel {
    private final WorkbenchSession session;
    private final StringProperty thresholds = new SimpleStringProperty(this, "thresholds", "0,3,7,15");
    private final StringProperty times = new SimpleStringProperty(this, "times", "0,1,2");
    private final StringProperty iodepths = new SimpleStringProperty(this, "iodepths", "8");
    private final StringProperty iosPerPoint = new SimpleStringProperty(this, "iosPerPoint", "20000");
    private final StringProperty percentile = new SimpleStringProperty(this, "percentile", "99");
    private final StringProperty target = new SimpleStringProperty(this, "target", "200us");
    private final ObjectProperty<SweepCost> cost = new SimpleObjectProperty<>(this, "cost", SweepCost.INTERRUPTS_PER_SECOND);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping", false);
    private final List<SweepPoint> partial = new ArrayList<>();
    private final BooleanBinding canStart;
    private final BooleanBinding canCancel;
    private final BooleanBinding canPropose;
    private final BooleanBinding canSave;
    private long started;
    private final javafx.beans.value.ChangeListener<WorkloadSpec> onDraft = (o, a, b) -> revalidate();
    private final javafx.beans.value.ObservableValue<SweepResult> opened;
    private final javafx.beans.value.ChangeListener<SweepResult> onOpened = (o, a, b) -> showOpened(b);

    public SweepViewModel(WorkbenchSession session) {
        this(session, null);
    }

    /** @param opened a sweep opened from a folder (File > Open): shown as if it had just finished; may be null */
    public SweepViewModel(WorkbenchSession session, javafx.beans.value.ObservableValue<SweepResult> opened) {
        this.session = session;
        this.opened = opened;
        if (opened != null) {
            opened.addListener(onOpened);
            showOpened(opened.getValue());
        }
        for (StringProperty p : List.of(thresholds, times, iodepths, iosPerPoint, percentile, target)) {
            p.addListener((o, a, b) -> revalidate());
        }
        session.draftSpec().addListener(onDraft);
        canStart = Bindings.createBooleanBinding(() -> problem.get().isEmpty()
                && session.state().get() == ControllerState.IDLE, problem, session.state());
        canCancel = Bindings.createBooleanBinding(() -> sweeping.get(), sweeping);
        canPropose = Bindings.createBooleanBinding(() -> result.get() != null && result.get().recommendation().chosen() != null
                && result.get().recommendation().meetsTarget() && !sweeping.get(), result, sweeping);
        canSave = Bindings.createBooleanBinding(() -> result.get() != null && !result.get().points().isEmpty()
                && !sweeping.get(), result, sweeping);
        revalidate();
    }

    public StringProperty thresholds() { return thresholds; }
    public StringProperty times() { return times; }
    public StringProperty iodepths() { return iodepths; }
    public StringProperty iosPerPoint() { return iosPerPoint; }
    public StringProperty percentile() { return percentile; }
    public StringProperty target() { return target; }
    public ObjectProperty<SweepCost> cost() { return cost; }
    /** What is wrong with the inputs as typed, one sentence, or empty. */
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    /** What Start will do: "12 settings x 20,000 I/Os of randread on sim:tlc". */
    public ReadOnlyStringProperty summary() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressText() { return progressText.getReadOnlyProperty(); }
    /** How the last sweep ended when it did not finish: refused, failed, cancelled. */
    public ReadOnlyStringProperty outcome() { return outcome.getReadOnlyProperty(); }
    /** The sweep so far (partial while it runs), analysed; null before the first point. */
    public ReadOnlyObjectProperty<SweepResult> result() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty sweeping() { return sweeping.getReadOnlyProperty(); }
    public BooleanBinding canStart() { return canStart; }
    public BooleanBinding canCancel() { return canCancel; }
    public BooleanBinding canPropose() { return canPropose; }
    public BooleanBinding canSave() { return canSave; }

    /** The inputs, checked; the first problem is said in words. */
    record Inputs(SweepGrid grid, WorkloadSpec base, double percentile, long targetNanos) {
    }

    Inputs inputs(List<String> problems) {
        List<Integer> thr = list(problems, "THR", thresholds.get(), 0, 255, "THR is 0..255 and 0's based (THR 7 means 8 completions)");
        List<Integer> time = list(problems, "TIME", times.get(), 0, 255, "TIME is 0..255 in 100 us units (TIME 2 means 200 us)");
        List<Integer> depth = list(problems, "iodepth", iodepths.get(), 1, 65535, "iodepth is 1 or more commands per queue");
        long ios = 0;
        try {
            ios = FioUnits.parseInteger(iosPerPoint.get().strip());
            if (ios < 1) {
                problems.add("I/Os per point must be at least 1, not " + iosPerPoint.get().strip() + ".");
            }
        } catch (RuntimeException e) {
            problems.add("I/Os per point: " + Failures.sentence(e));
        }
        double pct = 0;
        String pt = percentile.get().strip().replaceFirst("^[pP]", "");
        try {
            pct = Double.parseDouble(pt);
            if (!(pct > 0 && pct < 100)) {
                problems.add("The percentile is between 0 and 100 (e.g. 99 or 99.9), not " + percentile.get().strip() + ".");
            }
        } catch (NumberFormatException e) {
            problems.add("The percentile is a number such as 99 or 99.9, not '" + percentile.get().strip() + "'.");
        }
        long tgt = 0;
        String t = target.get().strip();
        if (!t.isEmpty() && !t.equals("0")) {
            try {
                tgt = FioUnits.parseTimeNanos(t);
            } catch (RuntimeException e) {
                problems.add("The latency target is a time such as 200us or 1ms, not '" + t + "'.");
            }
        }
        WorkloadSpec draft = session.draftSpec().get();
        if (draft == null) {
            problems.add("The Workload view's options are not valid yet; the sweep runs that workload.");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        WorkloadSpec base = draft.withLimits(0, ios);
        SweepGrid grid = new SweepGrid(thr, time, depth);
        if (grid.size() > 400) {
            problems.add(grid.size() + " settings are too many for one sweep; keep it to 400 (fewer values per axis).");
            return null;
        }
        for (String p : base.withIodepth(depth.get(0)).problems()) {
            problems.add(p);
        }
        return problems.isEmpty() ? new Inputs(grid, base, pct, tgt) : null;
    }

    /** Comma- or space-separated whole numbers (decimal or 0x hex) in [lo, hi]. */
    private static List<Integer> list(List<String> problems, String name, String text, int lo, int hi, String rule) {
        List<Integer> out = new ArrayList<>();
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            problems.add("Give at least one " + name + " value.");
            return out;
        }
        for (String part : s.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int v;
            try {
                v = part.startsWith("0x") || part.startsWith("0X") ? Integer.parseInt(part.substring(2), 16) : Integer.parseInt(part);
            } catch (NumberFormatException e) {
                problems.add(rule + "; '" + part + "' is not a number.");
                return out;
            }
            if (v < lo || v > hi) {
                problems.add(rule + "; " + v + " is out of range.");
                return out;
            }
            out.add(v);
        }
        return out;
    }

    private void revalidate() {
        List<String> p = new ArrayList<>();
        Inputs in = inputs(p);
        problem.set(p.isEmpty() ? "" : p.get(0));
        if (in == null) {
            summary.set("");
            return;
        }
        String dev = session.device().get().isEmpty() ? "the attached device" : session.device().get();
        // A real device runs every setting in turn on the attached controller: say so, its points do not repeat exactly.
        boolean real = !session.device().get().isEmpty() && !Sweep.freshPerPoint(dev);
        summary.set(in.grid().size() + " settings x " + Figures.count(in.base().ios()) + " I/Os of " + in.base().rw().fioName()
                + ", " + in.base().queues() + (in.base().queues() == 1 ? " queue" : " queues") + ", on " + dev
                + (real ? " (one after another on the attached controller)" : "") + "; each setting lands in Runs.");
    }

    /** Starts the sweep; completes with the (possibly cancelled) result, or fails with the sentence in {@link #outcome()}. */
    public CompletableFuture<SweepResult> start() {
        List<String> p = new ArrayList<>();
        Inputs in = inputs(p);
        if (in == null) {
            outcome.set(p.get(0));
            return CompletableFuture.failedFuture(new IllegalArgumentException(p.get(0)));
        }
        SweepCost c = cost.get();
        partial.clear();
        result.set(null);
        outcome.set("");
        sweeping.set(true);
        started = System.nanoTime();
        progressText.set("Point 1 of " + in.grid().size() + "...");
        return session.sweep(in.base(), in.grid(), in.percentile(), in.targetNanos(), c, point -> {
            partial.add(point);
            progressText.set(partial.size() + " of " + in.grid().size() + " settings done (" + point.setting().label() + ").");
            result.set(SweepResult.analyse(session.device().get(), in.base(), in.grid(), partial, in.percentile(),
                    in.targetNanos(), c, false, System.nanoTime() - started));
        }).whenComplete((r, t) -> {
            sweeping.set(false);
            if (t != null) {
                outcome.set(Failures.sentence(t));
                progressText.set("");
                return;
            }
            result.set(r);
            progressText.set((r.cancelled() ? "Cancelled: " : "Done: ") + r.points().size() + " of " + r.grid().size()
                    + " settings in " + Figures.latency(r.elapsedNanos()) + ".");
            if (r.cancelled()) {
                outcome.set("The sweep was cancelled; the recommendation covers the " + r.points().size()
                        + " settings that finished.");
            }
        });
    }

    /**
     * Writes the sweep's own report, as the CLI's {@code sweep --report} does: the recommendation, the Pareto
     * chart, the heatmaps, the table and baseline vs chosen; PDF when {@code file} ends in .pdf, else HTML.
     * In the background, atomically; the outcome is one sentence in {@link #outcome()}.
     */
    public CompletableFuture<Path> saveReport(Path file) {
        SweepResult r = result.get();
        if (r == null || r.points().isEmpty() || sweeping.get()) {
            String m = "Run a sweep to the end first; its report needs finished settings.";
            outcome.set(m);
            return CompletableFuture.failedFuture(new IllegalStateException(m));
        }
        boolean pdf = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        CompletableFuture<Path> done = new CompletableFuture<>();
        session.tasks().submit("Write the sweep report", p -> {
            byte[] bytes = pdf ? r.pdf() : r.html().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                AtomicFile.write(file, bytes);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Could not write " + file + ": " + Failures.sentence(e), e);
            }
            return file;
        }, f -> {
            outcome.set("Wrote the sweep report to " + f + ".");
            done.complete(f);
        }, t -> {
            outcome.set(Failures.sentence(t));
            done.completeExceptionally(t);
        });
        return done;
    }

    /** A sweep opened from a folder: its points, charts and recommendation, as when it finished. */
    private void showOpened(SweepResult r) {
        if (r == null || sweeping.get()) {
            return;
        }
        result.set(r);
        outcome.set("");
        progressText.set("Opened: " + r.points().size() + " of " + r.grid().size() + " settings swept on " + r.device() + ".");
    }

    /** Stops following the Workload view (the Sweep view closed); a sweep in progress carries on. */
    public void dispose() {
        session.draftSpec().removeListener(onDraft);
        if (opened != null) {
            opened.removeListener(onOpened);
        }
    }

    public void cancel() {
        session.stop();
    }

    /** The recommendation in words (and, on a real device, that its points are not deterministic), or empty before any sweep. */
    public String recommendationText() {
        SweepResult r = result.get();
        if (r == null) {
            return "";
        }
        String caveat = r.caveat();
        return (r.recommendation().meetsTarget() ? "Recommended: " : "") + r.recommendation().explanation()
                + (caveat.isEmpty() ? "" : " " + caveat);
    }

    /** Puts the recommended THR/TIME into the Coalescing editor, with the explanation, for the user to apply. */
    public boolean propose() {
        SweepResult r = result.get();
        if (r == null || r.recommendation().chosen() == null || !r.recommendation().meetsTarget()) {
            return false;
        }
        session.proposeCoalescing(r.recommendation().chosen().setting().coalescing(), "from the sweep: "
                + r.recommendation().explanation());
        return true;
    }
}
