package org.nvmeworkbench.ui.view.runs;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollPane;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/**
 * Runs: the history; select two or more to compare their settings and figures, the first as the baseline.
 * The table's selection is written into the shared {@link RunSelection}, which the Latency view draws.
 */
public final class RunsView implements WorkbenchView {
    private final WorkbenchSession session;
    private final RunSelection selection;
    /** Set while the table is given the shared selection, whose order one row at a time would lose. */
    private boolean restoring;
    /** True while the table's selection is written into the shared one, which then need not come back. */
    private boolean following;
    private final ListChangeListener<RunRecord> onSelection;
    private final TableView<RunRecord> table = new TableView<>();
    private final ScrollPane comparison = new ScrollPane();
    private ComparisonTable compared;
    private final SplitPane root;
    private final ListChangeListener<RunRecord> onRuns;

    public RunsView(WorkbenchSession session, RunSelection selection) {
        this.session = session;
        this.selection = selection;
        table.setId("runs-table");
        table.setItems(session.runs());
        table.setPlaceholder(new EmptyState("No run yet: start a workload in the Workload view."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Short headers that fit, the full meaning in each header's tooltip. Every column fits the Tuning
        // perspective's bottom area without scrolling: the Run label gives way (elided, full text in its tooltip).
        TableColumn<RunRecord, String> run = col("Run", "Position in the history, pattern and the 08h value read back",
                140, 215, r -> RunComparison.label(session.runs().indexOf(r), r));
        // A run from elsewhere is marked in its label (fio-3.33 out.json); the tooltip adds where it came from.
        withTooltips(run, r -> RunComparison.label(session.runs().indexOf(r), r) + (r.origin().file().isEmpty() ? ""
                : " - measured by " + r.origin().label() + ", opened from " + r.origin().file()));
        table.getColumns().add(run);
        table.getColumns().add(col("IOPS", "Completed I/Os per second", 70, 80, r -> String.format("%,.0f", r.iops())));
        table.getColumns().add(col("p99", "99th percentile latency", 72, 80,
                r -> String.format("%.1f us", r.latency().valueAtPercentile(99) / 1e3)));
        table.getColumns().add(col("IRQ/I/O", "Interrupts per completion (1.000 = one interrupt each)", 64, 72,
                r -> r.interruptsMeasured() ? String.format("%.3f", RunComparison.interruptsPerCompletion(r))
                        : ComparisonTable.NOT_MEASURED));
        table.getColumns().add(col("IRQ CPU", "Share of host CPU spent handling interrupts", 72, 76,
                r -> r.interruptsMeasured() ? String.format("%.2f %%", r.hostIrqCpuPct()) : ComparisonTable.NOT_MEASURED));
        TableColumn<RunRecord, String> started = col("Started", "Local start time (hover a cell for the full instant)",
                70, 76, r -> StartTime.brief(r.startedAt(), java.time.Instant.now(), ZoneId.systemDefault()));
        withTooltips(started, r -> StartTime.full(r.startedAt(), ZoneId.systemDefault()));
        table.getColumns().add(started);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        comparison.setId("runs-comparison");
        comparison.setFitToWidth(true);
        comparison.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        // A Runs view opened again (Window > Show view) shows the selection the other views still follow, and
        // a selection made elsewhere (the runs a File > Open brought in) shows in the table.
        showSelection();
        compare();
        onSelection = c -> {
            if (!following) {
                showSelection();
                compare();
            }
        };
        selection.runs().addListener(onSelection);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c -> {
            if (!restoring) {
                compare();
            }
        });
        onRuns = c -> table.refresh();
        session.runs().addListener(onRuns);
        root = new SplitPane(table, comparison);
        root.setDividerPositions(0.68);
        // In a narrow area (the Report perspective's side) the comparison goes under the table, not beside
        // it; beside it, the table gets the width its columns need at the current type size.
        root.widthProperty().addListener((o, was, w) -> arrange());
        table.widthProperty().addListener((o, a, b) -> sizeColumns());
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            arrange();
            sizeColumns();
        }));
    }

    /** The widest value each column must show in full (the Run label may be elided to about half). */
    private static final String[] WIDEST = {"#12 randread, THR 7 TIME 2", "1,234,567", "999.9 us", "0.000",
        "100.00 %", "Nov 30 23:59"};
    /** The vertical scroll bar and the table's borders. */
    private static final double SCROLL_BAR = 32;
    private static final String[] HEADERS = {"Run", "IOPS", "p99", "IRQ/I/O", "IRQ CPU", "Started"};

    /** Minimum column widths for the type size in use: the header or the widest value, whichever is wider. */
    private double[] minimums() {
        javafx.scene.text.Font font = javafx.scene.text.Font.getDefault();
        if (table.lookup(".column-header .label") instanceof javafx.scene.control.Labeled l) {
            font = l.getFont();
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        double[] min = new double[WIDEST.length];
        for (int i = 0; i < min.length; i++) {
            probe.setText(WIDEST[i]);
            double value = probe.getLayoutBounds().getWidth() * (i == 0 ? 0.5 : 1.0) + 16;
            probe.setText(HEADERS[i]);
            double header = probe.getLayoutBounds().getWidth() * 1.1 + 34; // bold, plus the sort arrow's room
            min[i] = Math.ceil(Math.max(value, header));
        }
        return min;
    }

    private void arrange() {
        double w = root.getWidth();
        if (w <= 0) {
            return;
        }
        double needed = SCROLL_BAR + 8; // a little slack: the split pane's divider takes some
        for (double m : minimums()) {
            needed += m;
        }
        // Beside the table while the comparison keeps a sixth of the width; under it otherwise.
        javafx.geometry.Orientation want = w < 640 || needed > 0.84 * w ? javafx.geometry.Orientation.VERTICAL
                : javafx.geometry.Orientation.HORIZONTAL;
        if (root.getOrientation() != want) {
            root.setOrientation(want);
        }
        double beside = Math.max(0.64, Math.min(0.84, needed / w));
        if (compared != null) {
            // A comparison is read across its columns: give it the width its grid asks for, up to 60 %,
            // and let the table (whose figures the grid repeats) scroll sideways instead.
            double grid = comparison.getContent().prefWidth(-1) + SCROLL_BAR;
            beside = Math.max(0.4, Math.min(beside, 1 - grid / w));
        }
        root.setDividerPositions(want == javafx.geometry.Orientation.VERTICAL ? 0.55 : beside);
    }

    /** Figures at their minimum, the Run label takes the rest (never less than its own minimum). */
    private void sizeColumns() {
        double[] min = minimums();
        double rest = table.getWidth() - SCROLL_BAR;
        for (int i = 1; i < min.length && i < table.getColumns().size(); i++) {
            table.getColumns().get(i).setPrefWidth(min[i]);
            rest -= min[i];
        }
        table.getColumns().get(0).setPrefWidth(Math.max(min[0], Math.floor(rest)));
    }

    /** Selects two runs by position in the history and compares them. */
    public void compare(int first, int second) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(first);
        table.getSelectionModel().select(second);
    }

    /** The selected runs, in history order (the comparison's order, whose first run is the baseline). */
    public List<RunRecord> selectedRuns() {
        return selection.inHistoryOrder();
    }

    /** Selects the runs at these positions in the history. */
    public void select(int... positions) {
        table.getSelectionModel().clearSelection();
        for (int i : positions) {
            table.getSelectionModel().select(i);
        }
    }

    /** The comparison of the selected runs, or null with fewer than two selected. */
    public ComparisonTable comparison() {
        return compared;
    }

    private void showSelection() {
        restoring = true;
        table.getSelectionModel().clearSelection();
        for (RunRecord r : selection.runs()) {
            table.getSelectionModel().select(r);
        }
        restoring = false;
    }

    private void compare() {
        following = true;
        try {
            selection.follow(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
        } finally {
            following = false;
        }
        List<RunRecord> sel = selectedRuns();
        if (sel.size() < 2) {
            compared = null;
            comparison.setFitToHeight(true);
            comparison.setContent(new EmptyState(sel.isEmpty()
                    ? "Select two runs or more (Ctrl+click) to compare them; the first is the baseline."
                    : "Select one more run (Ctrl+click) to compare against this one."));
        } else {
            compared = ComparisonTable.of(session.runs(), sel);
            comparison.setFitToHeight(false);
            comparison.setContent(new ComparisonGrid(compared));
        }
        javafx.application.Platform.runLater(this::arrange);
    }

    /** Cells that show their full text (or {@code tip}) on hover, for values a narrow column cuts. */
    private static void withTooltips(TableColumn<RunRecord, String> c, Function<RunRecord, String> tip) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                RunRecord r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setTooltip(r == null ? null : new Tooltip(tip.apply(r)));
            }
        });
    }

    private static TableColumn<RunRecord, String> col(String title, String meaning, double min, double width,
                                                      Function<RunRecord, String> f) {
        TableColumn<RunRecord, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(meaning));
        c.setGraphic(header);
        c.setMinWidth(min);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        session.runs().removeListener(onRuns);
        selection.runs().removeListener(onSelection);
    }
}
