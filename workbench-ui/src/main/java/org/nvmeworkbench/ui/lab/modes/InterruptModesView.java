package org.nvmeworkbench.ui.lab.modes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.Subscriptions;

/**
 * Interrupt modes side by side (issue #6): pin-based, MSI and MSI-X on the same workload, with what the
 * host's interrupt handler measurably did in each (CQs examined, INTMS/INTMC writes, head doorbells per
 * interrupt), and the live interrupt table of the loaded scenario. Projector type.
 */
public final class InterruptModesView implements WorkbenchView {
    private static final String GROUND = "#0b0f14";
    private static final String PANEL = "#161b22";
    private static final String TEXT = "#f0f3f6";
    private static final String MUTED = "#b1bac4";
    private static final String IN_USE = "#ffd33d";
    private static final String LIT = "#3fb950";
    private static final List<InterruptMode> MODES = List.of(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX);
    /** The row that heads the measured host work; it spans the columns. */
    private static final String HOST_WORK = "What the driver's interrupt handler did, per interrupt it took (its own counts):";
    private static final List<String> METRICS = List.of("interrupts signalled", "interrupts taken", "vectors used",
            "completions/interrupt", "read p99", "host CPU, interrupts", HOST_WORK, "CQs examined",
            "INTMS/INTMC writes", "CQ head doorbells", "what the host does");

    private final InterruptModesViewModel vm;
    private final Subscriptions subs = new Subscriptions();
    private final VBox root = new VBox(12);
    private final Label progress = label(20, MUTED, false);
    private final GridPane figures = new GridPane();
    private final Label liveTitle = label(20, TEXT, true);
    private final GridPane liveTable = new GridPane();
    private List<ModeColumn> shown;
    private final List<Label[]> liveCells = new ArrayList<>();

    public InterruptModesView(LabSession session) {
        this(session, session.work());
    }

    InterruptModesView(LabSession session, Executor background) {
        vm = new InterruptModesViewModel(session.runner(), background, r -> Platform.runLater(() -> {
            r.run();
            render();
        }));
        root.setId("lab-modes");
        root.setPadding(new Insets(12));
        root.setStyle("-fx-background-color: " + GROUND + ";");
        Label title = label(28, TEXT, true);
        title.setText("Interrupt modes side by side: the same workload");
        progress.setId("modes-progress");
        progress.setWrapText(true);
        progress.setMinHeight(Region.USE_PREF_SIZE); // wrap rather than be cut short by the taller figures
        figures.setId("modes-figures");
        figures.setHgap(18);
        figures.setVgap(8);
        figures.setPadding(new Insets(10));
        figures.setStyle("-fx-background-color: " + PANEL + "; -fx-background-radius: 6;");
        ColumnConstraints head = new ColumnConstraints();
        head.setPercentWidth(25);
        figures.getColumnConstraints().add(head);
        for (int i = 0; i < MODES.size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(25); // the same width for each mode: a fair comparison at a glance
            c.setFillWidth(true);
            figures.getColumnConstraints().add(c);
        }
        liveTitle.setId("modes-live-title");
        liveTitle.setWrapText(true);
        liveTable.setId("modes-live-table");
        liveTable.setHgap(28);
        liveTable.setVgap(4);
        VBox body = new VBox(12, figures, liveTitle, liveTable);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: " + GROUND + "; -fx-background-color: " + GROUND + ";");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(title, progress, scroll);
        subs.add(session.onFrame(this::frame));
        subs.add(vm);
        render();
    }


    void frame() {
        vm.frame();
        render();
    }

    private void render() {
        progress.setText(vm.progress());
        if (vm.columns() != shown) {
            shown = vm.columns();
            fillFigures(shown);
        }
        fillLive(vm.live());
    }

    private void fillFigures(List<ModeColumn> cols) {
        figures.getChildren().clear();
        figures.setVisible(!cols.isEmpty());
        figures.setManaged(!cols.isEmpty());
        if (cols.isEmpty()) {
            return;
        }
        for (int r = 0; r < METRICS.size(); r++) {
            boolean section = METRICS.get(r).equals(HOST_WORK);
            Label h = label(20, section ? TEXT : MUTED, section);
            h.setText(METRICS.get(r));
            h.setWrapText(true);
            GridPane.setValignment(h, VPos.TOP);
            if (section) {
                h.setId("modes-host-work-title");
                h.setPadding(new Insets(8, 0, 0, 0));
                figures.add(h, 0, r + 1, MODES.size() + 1, 1);
            } else {
                figures.add(h, 0, r + 1);
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            ModeColumn m = cols.get(c);
            Label t = label(26, m.inUse() ? IN_USE : TEXT, true);
            t.setText(m.title());
            t.setWrapText(true);
            Label how = label(16, MUTED, false);
            how.setId("modes-" + m.mode().name().toLowerCase(Locale.ROOT) + "-mechanism");
            how.setText((m.inUse() ? "This scenario's mode: " : "") + m.mechanism());
            how.setWrapText(true);
            figures.add(new VBox(2, t, how), c + 1, 0);
            String id = "modes-" + m.mode().name().toLowerCase(Locale.ROOT);
            Label count = cell(m, id + "-interrupts", 26, true, ModeColumn::interruptsText);
            Label rate = cell(m, id + "-per-second", 20, false, col -> col.perSecondText() + " /s");
            HBox both = new HBox(12, count, rate);
            both.setAlignment(Pos.BASELINE_LEFT);
            figures.add(both, c + 1, row("interrupts signalled"));
            figures.add(cell(m, id + "-taken", 22, false, ModeColumn::takenText), c + 1, row("interrupts taken"));
            figures.add(cell(m, id + "-vectors", 22, false, ModeColumn::vectorsText), c + 1, row("vectors used"));
            figures.add(cell(m, id + "-cpi", 22, false, ModeColumn::completionsPerInterruptText), c + 1,
                    row("completions/interrupt"));
            figures.add(cell(m, id + "-p99", 22, false, ModeColumn::p99Text), c + 1, row("read p99"));
            figures.add(cell(m, id + "-cpu", 22, false, ModeColumn::cpuText), c + 1, row("host CPU, interrupts"));
            // What the driver measurably did in this mode: large, the point of the scene.
            Label cqs = cell(m, id + "-cqs", 30, true, ModeColumn::cqsExaminedText);
            Label empty = cell(m, id + "-empty", 22, false, ModeColumn::emptyText);
            cqs.setMaxWidth(Region.USE_PREF_SIZE);
            empty.setMaxWidth(Region.USE_PREF_SIZE);
            HBox examined = new HBox(12, cqs, empty);
            examined.setAlignment(Pos.BASELINE_LEFT);
            figures.add(examined, c + 1, row("CQs examined"));
            figures.add(cell(m, id + "-mask-writes", 30, true, ModeColumn::maskWritesText), c + 1, row("INTMS/INTMC writes"));
            figures.add(cell(m, id + "-doorbells", 30, true, ModeColumn::doorbellsText), c + 1, row("CQ head doorbells"));
            figures.add(cell(m, id + "-duties", 17, false, col -> col.figures().hostDuties()), c + 1, row("what the host does"));
        }
    }

    /** The grid row of metric {@code name} (row 0 holds the column titles). */
    private static int row(String name) {
        return METRICS.indexOf(name) + 1;
    }

    private static Label cell(ModeColumn m, String id, double px, boolean bold, Function<ModeColumn, String> f) {
        Label l = label(px, TEXT, bold);
        l.setId(id);
        l.setText(f.apply(m));
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setValignment(l, VPos.TOP);
        return l;
    }

    /**
     * The live table lies on its side (a column per vector) so it fits under the figures on a projector.
     * Its labels are made when the vectors change and updated in place on every other frame.
     */
    private void fillLive(LiveInterruptTable t) {
        liveTitle.setText(t.title());
        if (liveCells.size() != t.entries().size()) {
            buildLive(t);
        }
        for (int c = 0; c < t.entries().size(); c++) {
            VectorEntry e = t.entries().get(c);
            Label[] cells = liveCells.get(c);
            cells[0].setText(e.name());
            set(cells[1], e.masked() ? "MASKED" : "no", e.masked() ? IN_USE : TEXT);
            set(cells[2], e.pending() ? "PENDING" : "no", e.pending() ? LIT : TEXT);
            cells[3].setText(String.format(Locale.ROOT, "%,d", e.count()));
        }
    }

    private void buildLive(LiveInterruptTable t) {
        liveTable.getChildren().clear();
        liveCells.clear();
        if (t.entries().isEmpty()) {
            return;
        }
        String[] heads = {"vector", "masked", "pending", "interrupts"};
        String[] ids = {"name", "masked", "pending", "count"};
        for (int r = 0; r < heads.length; r++) {
            Label h = label(20, MUTED, true);
            h.setText(heads[r]);
            liveTable.add(h, 0, r);
        }
        for (int c = 0; c < t.entries().size(); c++) {
            Label[] cells = new Label[heads.length];
            for (int r = 0; r < heads.length; r++) {
                cells[r] = text("", TEXT, "modes-live-" + t.entries().get(c).vector() + "-" + ids[r]);
                liveTable.add(cells[r], c + 1, r);
            }
            liveCells.add(cells);
        }
    }

    private static void set(Label l, String s, String color) {
        if (!s.equals(l.getText())) {
            l.setText(s);
            l.setStyle("-fx-font-size: 20px; -fx-text-fill: " + color + ";");
        }
    }

    private static Label text(String s, String color, String id) {
        Label l = label(20, color, false);
        l.setText(s);
        l.setId(id);
        return l;
    }

    private static Label label(double px, String color, boolean bold) {
        Label l = new Label();
        l.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx; -fx-text-fill: %s;%s", px, color,
                bold ? " -fx-font-weight: bold;" : ""));
        return l;
    }

    public InterruptModesViewModel model() {
        return vm;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        subs.closeAll();
    }
}
