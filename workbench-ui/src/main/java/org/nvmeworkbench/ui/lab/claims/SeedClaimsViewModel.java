package org.nvmeworkbench.ui.lab.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.nvmeworkbench.core.lab.ClaimCheck;
import org.nvmeworkbench.core.lab.ScenarioPlan;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.lab.SeedClaims;

/**
 * The seed's claims beside the model ({@link SeedClaims}) for the loaded scenario: checked at once for a
 * scenario made for it ({@code "show": "seed-claims"}), on request for any other, in the background; the rows
 * come back through {@code ui}. Every figure is from the check's own runs.
 *
 * <p>Threading: every method on the UI thread.
 */
public final class SeedClaimsViewModel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SeedClaimsViewModel.class.getName());
    static final String SHOW = "seed-claims";

    private final ObservableValue<ScenarioRunner> loaded;
    private final Executor background;
    private final Executor ui;
    private final ChangeListener<ScenarioRunner> onRunner = (o, a, b) -> load(b);
    private ScenarioPlan plan;
    private int generation;
    private boolean checking;
    private List<ClaimRow> rows = List.of();
    private String note = "";
    private Runnable changed = () -> { };

    public SeedClaimsViewModel(ObservableValue<ScenarioRunner> loaded, Executor background, Executor ui) {
        this.loaded = loaded;
        this.background = background;
        this.ui = ui;
        loaded.addListener(onRunner);
        load(loaded.getValue());
    }

    /** Called on the UI thread whenever the rows or the note change. */
    public void onChange(Runnable r) {
        changed = r == null ? () -> { } : r;
    }

    private void load(ScenarioRunner r) {
        generation++;
        checking = false;
        rows = List.of();
        plan = r == null ? null : r.plan();
        if (plan == null) {
            note = "No scenario loaded: open \"the seed's claims\" in the Lab.";
        } else if (SHOW.equals(plan.scenario().show())) {
            check();
            return;
        } else {
            note = "Check the seed's claims against " + plan.name() + "'s workload: press Check.";
        }
        changed.run();
    }

    /** Runs the check for the loaded scenario in the background; ignored while one runs or with none loaded. */
    public void check() {
        if (plan == null || checking) {
            return;
        }
        checking = true;
        rows = List.of();
        note = "Checking: three runs of " + plan.name() + " on fresh simulators (kernel-like, unbound, the seed's)...";
        changed.run();
        int g = generation;
        ScenarioPlan p = plan;
        background.execute(() -> {
            List<ClaimRow> out = new ArrayList<>();
            String problem = null;
            try {
                for (ClaimCheck c : SeedClaims.run(p).claims()) {
                    out.add(ClaimRow.of(c));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The claims check failed", e);
                problem = "The check's runs failed: " + e.getMessage();
            }
            String why = problem;
            ui.execute(() -> {
                if (g != generation) {
                    return;
                }
                checking = false;
                rows = List.copyOf(out);
                note = why != null ? why : "The model's figures are from three runs of " + p.name()
                        + " (same seed): kernel-like = coalescing off, unbound = every vector on one core.";
                changed.run();
            });
        });
    }

    public boolean canCheck() {
        return plan != null && !checking;
    }

    public List<ClaimRow> rows() {
        return rows;
    }

    public String note() {
        return note;
    }

    @Override
    public void close() {
        generation++;
        loaded.removeListener(onRunner);
    }
}
