package org.nvmeworkbench.ui.view.coalescing;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.Advice;
import org.nvmeworkbench.ui.view.Subscriptions;

/**
 * The Feature 08h/09h editor's state: THR and TIME as typed, what they mean, what is wrong with them,
 * CD per vector of the next run, and the warning when I/O is in flight.
 */
public final class CoalescingViewModel {
    /** CD of one vector of the next run. */
    public record VectorCd(int iv, BooleanProperty coalescingDisabled) {
    }

    private final WorkbenchSession session;
    private final StringProperty threshold = new SimpleStringProperty(this, "threshold", "0");
    private final StringProperty time = new SimpleStringProperty(this, "time", "0");
    private final ReadOnlyStringWrapper meaning = new ReadOnlyStringWrapper(this, "meaning");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper(this, "suggestion", "");
    private final ObservableList<VectorCd> vectors = FXCollections.observableArrayList();
    private final BooleanBinding canApply;
    private final Subscriptions subscriptions = new Subscriptions();

    public CoalescingViewModel(WorkbenchSession session) {
        this.session = session;
        threshold.addListener((o, a, b) -> revalidate());
        time.addListener((o, a, b) -> revalidate());
        follow(session.state(), (o, a, b) -> updateWarning());
        follow(session.draftSpec(), (o, a, b) -> updateVectors());
        follow(session.proposal(), (o, a, b) -> propose(b));
        follow(session.desiredCoalescing(), (o, a, b) -> {
            if (b != null && !b.equals(value())) {
                threshold.set(Integer.toString(b.threshold()));
                time.set(Integer.toString(b.time()));
            }
        });
        InterruptCoalescing desired = session.desiredCoalescing().get();
        if (desired != null) {
            threshold.set(Integer.toString(desired.threshold()));
            time.set(Integer.toString(desired.time()));
        }
        canApply = Bindings.createBooleanBinding(
                () -> problem.get().isEmpty() && session.attached().get(),
                problem, session.attached());
        revalidate();
        updateWarning();
        updateVectors();
    }

    /** Listens to the session until {@link #dispose()}: the session outlives every Coalescing view. */
    private <T> void follow(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        subscriptions.add(() -> value.removeListener(listener));
    }

    /** Stops following the session (the view closed). */
    public void dispose() {
        subscriptions.closeAll();
        canApply.dispose();
    }

    public StringProperty threshold() { return threshold; }
    public StringProperty time() { return time; }
    public ReadOnlyStringProperty meaning() { return meaning.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty warning() { return warning.getReadOnlyProperty(); }
    public ReadOnlyStringProperty outcome() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyStringProperty suggestion() { return suggestion.getReadOnlyProperty(); }
    public ObservableList<VectorCd> vectors() { return vectors; }
    public BooleanBinding canApply() { return canApply; }

    /** The value as typed, or null while it is not valid. */
    public InterruptCoalescing value() {
        Integer thr = field(threshold.get());
        Integer t = field(time.get());
        if (thr == null || t == null || thr > 255 || t > 255) {
            return null;
        }
        return new InterruptCoalescing(thr, t);
    }

    private void revalidate() {
        Integer thr = field(threshold.get());
        Integer t = field(time.get());
        String p = "";
        if (thr == null || thr > 255) {
            p = "THR is 0..255 and 0's based (THR 7 means 8 completions); '" + threshold.get().strip() + "' is not.";
        } else if (t == null || t > 255) {
            p = "TIME is 0..255 in 100 us units (TIME 2 means 200 us); '" + time.get().strip() + "' is not.";
        }
        problem.set(p);
        InterruptCoalescing v = value();
        meaning.set(v == null ? "" : capitalise(v.describe()) + ".");
    }

    /** Decimal or 0x-hex, no sign; null when it is neither. */
    static Integer field(String text) {
        String s = text == null ? "" : text.strip();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return s.length() > 2 && s.length() <= 6 ? Integer.parseInt(s.substring(2), 16) : null;
            }
            return s.matches("\\d{1,4}") ? Integer.parseInt(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void updateWarning() {
        warning.set(session.state().get() == ControllerState.RUNNING
                ? "I/O is in flight, and the spec advises against changing coalescing during I/O: Apply asks whether to set the values now or after this run."
                : "");
    }

    private void updateVectors() {
        WorkloadSpec s = session.draftSpec().get();
        int n = s == null ? 1 : s.queues();
        Set<Integer> cd = session.desiredCdVectors().get();
        Set<Integer> keep = new TreeSet<>();
        for (VectorCd v : vectors) {
            if (v.coalescingDisabled().get()) {
                keep.add(v.iv());
            }
        }
        vectors.clear();
        for (int iv = 1; iv <= n; iv++) {
            boolean on = keep.contains(iv) || (cd != null && cd.contains(iv));
            vectors.add(new VectorCd(iv, new SimpleBooleanProperty(on)));
        }
    }

    private void propose(Advice a) {
        if (a == null) {
            return;
        }
        threshold.set(Integer.toString(a.coalescing().threshold()));
        time.set(Integer.toString(a.coalescing().time()));
        suggestion.set("Suggested: " + a.reason());
    }

    public Set<Integer> cdVectors() {
        Set<Integer> cd = new TreeSet<>();
        for (VectorCd v : vectors) {
            if (v.coalescingDisabled().get()) {
                cd.add(v.iv());
            }
        }
        return cd;
    }

    /** Sets Feature 08h (asking first while a workload runs) and keeps CD for the next run; the outcome says what happened. */
    public CompletableFuture<AdminResult> apply() {
        InterruptCoalescing v = value();
        if (v == null) {
            outcome.set(problem.get());
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return session.applyCoalescing(v, cdVectors()).whenComplete((r, t) -> outcome.set(session.message().get()));
    }

    /** Apply, then run the last workload again when the device took the value. */
    public CompletableFuture<RunRecord> applyAndRerun() {
        return apply().thenCompose(r -> {
            if (!r.ok()) {
                return CompletableFuture.failedFuture(new IllegalStateException(outcome.get()));
            }
            return session.lastSpec().get() == null ? session.run(session.draftSpec().get()) : session.rerun();
        });
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
