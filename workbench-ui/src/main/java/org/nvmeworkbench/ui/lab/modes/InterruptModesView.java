package org.nvmeworkbench.ui.lab.modes;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.core.pci.InterruptMode;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.Subscriptions;

/**
 * Interrupt modes side by side (issue #6): pin-based, MSI and MSI-X on the same workload, with what the
 * host has to do for each, and the live interrupt table of the loaded scenario. Projector type.
 */
public final class InterruptModesView implements WorkbenchView {
    private static final String GROUND = "#0b0f14";
    private static final String PANEL = "#161b22";
    private static final String TEXT = "#f0f3f6";
    private static final String MUTED = "#b1bac4";
    private static final String IN_USE = "#ffd33d";
    private static final String LIT = "#3fb950";
    private static final List<InterruptMode> MODES = List.of(InterruptMode.PIN, InterruptMode.MSI, InterruptMode.MSIX);
    private static final List<String> METRICS = List.of("interrupts", "interrupts/s", "vectors used",
            "completions / interrupt", "read p99", "host CPU in interrupts", "how it signals", "what the host does");

    private final InterruptModesViewModel vm;
    private final Subscriptions subs = new Subscriptions();
    private final VBox root = new VBox(12);
    private final Label progress = label(20, MUTED, false);
    private final GridPane figures = new GridPane();
    private final Label liveTitle = label(22, TEXT, true);
    private final GridPane liveTable = new GridPane();
    private List<ModeColumn> shown;

    public InterruptModesView(LabSession session) {
        this(session, InterruptModesView::daemon);
    }

    InterruptModesView(LabSession session, Executor background) {
        vm = new InterruptModesViewModel(session.runner(), background, r -> Platform.runLater(() -> {
            r.run();
            render();
        }));
        root.setId("lab-modes");
        root.setPadding(new Insets(12));
        root.setStyle("-fx-background-color: " + GROUND + ";");
        Label title = label(30, TEXT, true);
        title.setText("Interrupt modes side by side: the same workload");
        progress.setId("modes-progress");
        progress.setWrapText(true);
        figures.setId("modes-figures");
        figures.setHgap(18);
        figures.setVgap(8);
        figures.setPadding(new Insets(10));
        figures.setStyle("-fx-background-color: " + PANEL + "; -fx-background-radius: 6;");
        ColumnConstraints head = new ColumnConstraints();
        head.setMinWidth(230);
        figures.getColumnConstraints().add(head);
        for (int i = 0; i < MODES.size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.ALWAYS);
            c.setPercentWidth(-1);
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

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "lab-interrupt-modes");
        t.setDaemon(true);
        t.start();
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
            Label h = label(20, MUTED, false);
            h.setText(METRICS.get(r));
            h.setWrapText(true);
            GridPane.setValignment(h, VPos.TOP);
            figures.add(h, 0, r + 1);
        }
        for (int c = 0; c < cols.size(); c++) {
            ModeColumn m = cols.get(c);
            Label t = label(26, m.inUse() ? IN_USE : TEXT, true);
            t.setText(m.title() + (m.inUse() ? "  (this scenario)" : ""));
            t.setWrapText(true);
            figures.add(t, c + 1, 0);
            String id = "modes-" + m.mode().name().toLowerCase(Locale.ROOT);
            cell(m, c, 1, id + "-interrupts", 26, true, ModeColumn::interruptsText);
            cell(m, c, 2, id + "-per-second", 26, true, ModeColumn::perSecondText);
            cell(m, c, 3, id + "-vectors", 22, false, ModeColumn::vectorsText);
            cell(m, c, 4, id + "-cpi", 22, false, ModeColumn::completionsPerInterruptText);
            cell(m, c, 5, id + "-p99", 22, false, ModeColumn::p99Text);
            cell(m, c, 6, id + "-cpu", 22, false, ModeColumn::cpuText);
            cell(m, c, 7, id + "-mechanism", 18, false, ModeColumn::mechanism);
            cell(m, c, 8, id + "-duties", 18, false, col -> col.figures().hostDuties());
        }
    }

    private void cell(ModeColumn m, int col, int row, String id, double px, boolean bold, Function<ModeColumn, String> f) {
        Label l = label(px, TEXT, bold);
        l.setId(id);
        l.setText(f.apply(m));
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        GridPane.setValignment(l, VPos.TOP);
        figures.add(l, col + 1, row);
    }

    private void fillLive(LiveInterruptTable t) {
        liveTitle.setText(t.title());
        liveTable.getChildren().clear();
        if (t.entries().isEmpty()) {
            return;
        }
        String[] heads = {"vector", "masked", "pending", "interrupts"};
        for (int c = 0; c < heads.length; c++) {
            Label h = label(20, MUTED, true);
            h.setText(heads[c]);
            liveTable.add(h, c, 0);
        }
        for (int r = 0; r < t.entries().size(); r++) {
            VectorEntry e = t.entries().get(r);
            String id = "modes-live-" + e.vector();
            liveTable.add(text(e.name(), TEXT, id + "-name"), 0, r + 1);
            liveTable.add(text(e.masked() ? "MASKED" : "no", e.masked() ? IN_USE : TEXT, id + "-masked"), 1, r + 1);
            liveTable.add(text(e.pending() ? "PENDING" : "no", e.pending() ? LIT : TEXT, id + "-pending"), 2, r + 1);
            liveTable.add(text(String.format(Locale.ROOT, "%,d", e.count()), TEXT, id + "-count"), 3, r + 1);
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
