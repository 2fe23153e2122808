package org.nvmeworkbench.ui.view.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.record.RunRecord;

/**
 * The runs selected in the Runs view, in the order they were selected: one selection the views share
 * (Latency overlays it, File > Export starts from it), owned by the workbench so it outlives any one view.
 * Only the Runs view writes it. Used on the FX thread.
 */
public final class RunSelection {
    private final ObservableList<RunRecord> history;
    private final ObservableList<RunRecord> selected = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> view = FXCollections.unmodifiableObservableList(selected);

    /** @param history the session's runs, oldest first; a run that leaves it leaves the selection */
    public RunSelection(ObservableList<RunRecord> history) {
        this.history = history;
        history.addListener((ListChangeListener<RunRecord>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    selected.removeIf(r -> !history.contains(r));
                    return;
                }
            }
        });
    }

    /** The selected runs, in the order they were selected (read-only). */
    public ObservableList<RunRecord> runs() {
        return view;
    }

    public boolean isEmpty() {
        return selected.isEmpty();
    }

    /**
     * Follows a table's selection, which lists the rows in table order: runs still selected keep their
     * place, newly selected ones go last, so the order is the order in which the user picked them.
     */
    public void follow(List<RunRecord> nowSelected) {
        List<RunRecord> next = new ArrayList<>();
        for (RunRecord r : selected) {
            if (nowSelected.contains(r)) {
                next.add(r);
            }
        }
        for (RunRecord r : nowSelected) {
            if (r != null && !next.contains(r) && history.contains(r)) {
                next.add(r);
            }
        }
        if (!next.equals(selected)) {
            selected.setAll(next);
        }
    }

    /** Selects exactly {@code runs} (those in the history), in this order: e.g. the runs a File > Open brought in. */
    public void select(List<RunRecord> runs) {
        List<RunRecord> next = new ArrayList<>();
        for (RunRecord r : runs) {
            if (r != null && !next.contains(r) && history.contains(r)) {
                next.add(r);
            }
        }
        if (!next.equals(selected)) {
            selected.setAll(next);
        }
    }

    public void clear() {
        selected.clear();
    }

    /** The selected runs oldest first: the order of a comparison or a report, whose first run is the baseline. */
    public List<RunRecord> inHistoryOrder() {
        List<RunRecord> out = new ArrayList<>(selected);
        out.sort(Comparator.comparingInt(history::indexOf));
        return out;
    }
}
