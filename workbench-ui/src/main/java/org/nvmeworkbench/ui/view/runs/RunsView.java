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
import javafx.scene.control.TextArea;

import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/** Runs: the history; select two to compare their settings and figures. */
public final class RunsView implements WorkbenchView {
    private final WorkbenchSession session;
    private final TableView<RunRecord> table = new TableView<>();
    private final TextArea comparison = new TextArea();
    private final SplitPane root;
    private final ListChangeListener<RunRecord> onRuns;

    public RunsView(WorkbenchSession session) {
        this.session = session;
        table.setId("runs-table");
        table.setItems(session.runs());
        table.setPlaceholder(new EmptyState("No run yet: start a workload in the Workload view."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Short headers that fit, the full meaning in each header's tooltip. Every column fits the Tuning
        // perspective's bottom area without scrolling: the Run label gives way (elided, full text in its tooltip).
        TableColumn<RunRecord, String> run = col("Run", "Position in the history, pattern and the 08h value read back",
                140, 215, r -> RunComparison.label(session.runs().indexOf(r), r));
        withTooltips(run, r -> RunComparison.label(session.runs().indexOf(r), r));
        table.getColumns().add(run);
        table.getColumns().add(col("IOPS", "Completed I/Os per second", 70, 80, r -> String.format("%,.0f", r.iops())));
        table.getColumns().add(col("p99", "99th percentile latency", 72, 80,
                r -> String.format("%.1f us", r.latency().valueAtPercentile(99) / 1e3)));
        table.getColumns().add(col("IRQ/I/O", "Interrupts per completion (1.000 = one interrupt each)", 64, 72,
                r -> String.format("%.3f", RunComparison.interruptsPerCompletion(r))));
        table.getColumns().add(col("IRQ CPU", "Share of host CPU spent handling interrupts", 72, 76,
                r -> String.format("%.2f %%", r.hostIrqCpuPct())));
        TableColumn<RunRecord, String> started = col("Started", "Local start time (hover a cell for the full instant)",
                70, 76, r -> StartTime.brief(r.startedAt(), java.time.Instant.now(), ZoneId.systemDefault()));
        withTooltips(started, r -> StartTime.full(r.startedAt(), ZoneId.systemDefault()));
        table.getColumns().add(started);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        comparison.setEditable(false);
        comparison.setId("runs-comparison");
        comparison.setStyle("-fx-font-family: monospace");
        comparison.setWrapText(true);
        comparison.setText("Select two runs to compare them.");
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c -> compare());
        onRuns = c -> table.refresh();
        session.runs().addListener(onRuns);
        root = new SplitPane(table, comparison);
        root.setDividerPositions(0.68);
        // In a narrow area (the Report perspective's side) the comparison goes under the table, not beside it.
        root.widthProperty().addListener((o, was, w) -> {
            javafx.geometry.Orientation want = w.doubleValue() < 640 ? javafx.geometry.Orientation.VERTICAL
                    : javafx.geometry.Orientation.HORIZONTAL;
            if (root.getOrientation() != want) {
                root.setOrientation(want);
                root.setDividerPositions(want == javafx.geometry.Orientation.VERTICAL ? 0.4 : 0.68);
            }
        });
    }

    /** Selects two runs by position in the history and compares them. */
    public void compare(int first, int second) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(first);
        table.getSelectionModel().select(second);
    }

    /** The selected runs, in history order (File > Export starts from these). */
    public List<RunRecord> selectedRuns() {
        List<RunRecord> sel = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        sel.sort((a, b) -> Integer.compare(session.runs().indexOf(a), session.runs().indexOf(b)));
        return sel;
    }

    /** Selects the runs at these positions in the history. */
    public void select(int... positions) {
        table.getSelectionModel().clearSelection();
        for (int i : positions) {
            table.getSelectionModel().select(i);
        }
    }

    public String comparisonText() {
        return comparison.getText();
    }

    private void compare() {
        List<RunRecord> sel = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        if (sel.size() != 2) {
            comparison.setText("Select two runs to compare them (" + sel.size() + " selected).");
            return;
        }
        sel.sort((a, b) -> Integer.compare(session.runs().indexOf(a), session.runs().indexOf(b)));
        RunRecord a = sel.get(0);
        RunRecord b = sel.get(1);
        List<String> l = new ArrayList<>();
        l.add(RunComparison.label(session.runs().indexOf(a), a) + "  ->  " + RunComparison.label(session.runs().indexOf(b), b));
        l.add("");
        l.add("Settings that differ:");
        RunComparison.settingsDiff(a, b).forEach(s -> l.add("  " + s));
        l.add("");
        l.add("Figures:");
        RunComparison.deltas(a, b).forEach(s -> l.add("  " + s));
        comparison.setText(String.join("\n", l));
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
    }
}
