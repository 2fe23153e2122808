package org.nvmeworkbench.ui.view.latency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.ui.view.runs.RunComparison;
import org.nvmeworkbench.ui.view.runs.RunSelection;

/**
 * What the Latency view draws: the runs selected in Runs, overlaid in the order they were selected, or
 * the newest run when none is selected; and a caption that says which. The view only draws
 * {@link #shown()}. Used on the FX thread.
 */
public final class LatencyViewModel {
    /** Runs overlaid at most: the charts' palette tells eight runs apart (ChartFactory's Okabe-Ito colours). */
    static final int OVERLAID = 8;

    private final ObservableList<RunRecord> history;
    private final RunSelection selection;
    private final ReadOnlyObjectWrapper<ReportModel> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ListChangeListener<RunRecord> onChange = c -> update();

    public LatencyViewModel(ObservableList<RunRecord> history, RunSelection selection) {
        this.history = history;
        this.selection = selection;
        history.addListener(onChange);
        selection.runs().addListener(onChange);
        update();
    }

    /** The runs to draw with their labels, or null before the first run. */
    public ReadOnlyObjectProperty<ReportModel> shown() {
        return shown.getReadOnlyProperty();
    }

    /** Which runs the charts show, in words; empty before the first run. */
    public ReadOnlyStringProperty caption() {
        return caption.getReadOnlyProperty();
    }

    /** Stops following the history and the selection (the view closed). */
    public void dispose() {
        history.removeListener(onChange);
        selection.runs().removeListener(onChange);
    }

    private void update() {
        if (history.isEmpty()) {
            caption.set("");
            shown.set(null);
            return;
        }
        List<RunRecord> selected = selection.runs();
        List<RunRecord> runs = selected.isEmpty() ? List.of(history.get(history.size() - 1))
                : List.copyOf(selected.subList(0, Math.min(OVERLAID, selected.size())));
        List<String> labels = new ArrayList<>();
        for (RunRecord r : runs) {
            labels.add(RunComparison.label(history.indexOf(r), r));
        }
        caption.set(captionFor(labels, selected.size()));
        ReportModel was = shown.get();
        // A run that ends changes nothing drawn while the selection holds: the charts are not rebuilt for it.
        if (was == null || !was.runs().equals(runs) || !was.labels().equals(labels)) {
            // The chart factory exported reports use, so the screen and the report agree (design.md).
            shown.set(new ReportModel(ReportModel.defaultTitle(runs), Instant.now(), runs, labels));
        }
    }

    private static String captionFor(List<String> labels, int selected) {
        if (selected == 0) {
            return "Newest run, " + labels.get(0) + "; select runs in Runs to compare them here.";
        }
        if (selected == 1) {
            return labels.get(0) + ", as selected in Runs; select more (Ctrl+click) to overlay them.";
        }
        String runs = String.join("; ", labels);
        if (selected > labels.size()) {
            return "The first " + labels.size() + " of the " + selected + " runs selected in Runs, in the order selected"
                    + " (the charts tell " + OVERLAID + " apart): " + runs + ".";
        }
        return selected + " runs selected in Runs, overlaid in the order selected: " + runs + ".";
    }
}
