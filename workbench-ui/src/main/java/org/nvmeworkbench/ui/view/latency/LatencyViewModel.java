package org.nvmeworkbench.ui.view.latency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.report.ReportModel;
import org.nvmeworkbench.ui.view.runs.RunComparison;
import org.nvmeworkbench.ui.view.runs.RunSelection;

/**
 * What the Latency view draws: while a run is under way, that run so far (its cumulative histogram and
 * time series as of its last slice), replaced by its finished record when it ends; otherwise the runs
 * selected in Runs, overlaid in the order they were selected, or the newest run when none is selected;
 * and a caption that says which. The view only draws {@link #shown()}. Used on the FX thread.
 */
public final class LatencyViewModel {
    /** Runs overlaid at most: the charts' palette tells eight runs apart (ChartFactory's Okabe-Ito colours). */
    static final int OVERLAID = 8;

    private final ObservableList<RunRecord> history;
    private final RunSelection selection;
    private final ReadOnlyObjectWrapper<ReportModel> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ObservableValue<RunRecord> live;
    private final ListChangeListener<RunRecord> onChange = c -> update();
    private final ChangeListener<RunRecord> onLive = (o, a, b) -> update();

    public LatencyViewModel(ObservableList<RunRecord> history, RunSelection selection) {
        this(history, selection, new javafx.beans.property.SimpleObjectProperty<>());
    }

    /** @param live the run under way so far (null when none runs), e.g. the session's runSoFar */
    public LatencyViewModel(ObservableList<RunRecord> history, RunSelection selection, ObservableValue<RunRecord> live) {
        this.history = history;
        this.selection = selection;
        this.live = live;
        history.addListener(onChange);
        selection.runs().addListener(onChange);
        live.addListener(onLive);
        update();
    }

    /** Whether the charts show a run under way (they grow) rather than finished runs. */
    public boolean showsLiveRun() {
        return live.getValue() != null;
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
        live.removeListener(onLive);
    }

    private void update() {
        RunRecord running = live.getValue();
        if (running != null) {
            String label = "run " + (history.size() + 1) + " so far";
            caption.set(liveCaption(history.size() + 1, running));
            shown.set(new ReportModel("Run under way", Instant.now(), List.of(running), List.of(label)));
            return;
        }
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

    static String liveCaption(int number, RunRecord soFar) {
        return String.format(java.util.Locale.ROOT, "Run %d under way: %,d I/Os in %.1f s of device time so far; "
                + "the charts grow as it goes, and the finished run replaces them when it ends.", number,
                soFar.totals().ios(), soFar.durationNanos() / 1e9);
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
