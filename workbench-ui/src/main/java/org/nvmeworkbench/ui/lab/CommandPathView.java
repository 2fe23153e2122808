package org.nvmeworkbench.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.nvmeworkbench.core.lab.JourneyStep;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/**
 * The command path: the eight steps of an NVMe command as stations, lit as commands pass them (the
 * followed command bright, the others as counts), the followed command's timestamps, and the SQ and CQ
 * of its queue as slots with head, tail and phase from the simulator. Drawing only; the state is the
 * {@link CommandPathViewModel}'s, read once per Lab frame.
 */
public final class CommandPathView implements WorkbenchView {
    static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final Color HOST = Color.web("#4da3ff");
    private static final Color DEVICE = Color.web("#ffa726");

    private final LabSession lab;
    private final CommandPathViewModel vm = new CommandPathViewModel();
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);
    private final List<StationNode> stations = new ArrayList<>();
    private final RingNode sqNode = new RingNode("lab-sq");
    private final RingNode cqNode = new RingNode("lab-cq");
    private final TableView<CommandPathViewModel.StepTime> table = new TableView<>();
    private final ComboBox<CommandPathViewModel.CommandRef> select = new ComboBox<>();
    private final AutoCloseable frames;

    public CommandPathView(LabSession lab) {
        this.lab = lab;
        root.setId("lab-path");
        root.setPadding(new Insets(14));
        root.setStyle(LabPlayerView.DARK);
        scroll.setFitToWidth(true);
        scroll.setStyle(LabPlayerView.DARK + "-fx-background: #0b0b0b;");

        HBox path = new HBox(6);
        path.setAlignment(Pos.CENTER_LEFT);
        for (JourneyStep s : JourneyStep.values()) {
            StationNode n = new StationNode(s);
            stations.add(n);
            HBox.setHgrow(n.box, Priority.ALWAYS);
            path.getChildren().add(n.box);
        }
        Label legend = text(null, "-fx-text-fill: #bdbdbd;");
        legend.setText("Blue: the host's steps. Orange: the controller's. Bright: where the followed command is; "
                + "+N: other commands standing at a step.");

        Button next = new Button("Follow next command");
        next.setId("lab-follow-next");
        next.setFocusTraversable(false);
        next.setOnAction(e -> vm.followNext());
        select.setId("lab-follow-select");
        select.setPromptText("Follow a command in flight");
        select.setFocusTraversable(false);
        select.setItems(vm.inFlight());
        select.setOnAction(e -> {
            if (select.getValue() != null) {
                vm.follow(select.getValue());
            }
        });
        Label followed = text("lab-followed", "-fx-font-weight: bold; -fx-font-size: 1.15em;");
        followed.textProperty().bind(vm.followedText());
        HBox controls = new HBox(10, next, select);
        controls.setAlignment(Pos.CENTER_LEFT);

        table.setId("lab-path-times");
        table.setItems(vm.times());
        table.getColumns().add(column("Step", CommandPathViewModel.StepTime::text, 300));
        table.getColumns().add(column("at (us)", CommandPathViewModel.StepTime::at, 110));
        table.getColumns().add(column("since SQE", CommandPathViewModel.StepTime::sinceSqe, 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(32);
        table.setPrefHeight(32 * 8 + 44);
        table.setMinHeight(32 * 8 + 44);
        table.setFocusTraversable(false);
        table.setPlaceholder(new org.nvmeworkbench.ui.view.EmptyState(
                "Load a scenario in the Lab Player: the followed command's device time per step appears here."));

        VBox rings = new VBox(8, sqNode.caption, sqNode.pane, cqNode.caption, cqNode.pane);
        HBox.setHgrow(rings, Priority.SOMETIMES);
        rings.setMinWidth(300);
        rings.setPrefWidth(400);
        HBox lower = new HBox(16, rings, table);
        HBox.setHgrow(table, Priority.ALWAYS);
        table.setMinWidth(420);
        table.setPrefWidth(600);

        root.getChildren().addAll(path, legend, controls, followed, lower);
        frames = lab.onFrame(this::update);
        update();
    }

    private static Label text(String id, String style) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.setStyle(LabPlayerView.TEXT + style);
        return l;
    }

    private static TableColumn<CommandPathViewModel.StepTime, String> column(String title,
            java.util.function.Function<CommandPathViewModel.StepTime, String> f, double width) {
        TableColumn<CommandPathViewModel.StepTime, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }

    /** One frame: read the runner and redraw what it shows. */
    private void update() {
        vm.update(lab.runner().get());
        List<CommandPathViewModel.Station> st = vm.stations().get();
        for (int i = 0; i < stations.size(); i++) {
            stations.get(i).show(st.get(i));
        }
        sqNode.show(vm.sq().get());
        cqNode.show(vm.cq().get());
        if (select.getValue() != null && !vm.inFlight().contains(select.getValue())) {
            select.setValue(null);
        }
    }

    public CommandPathViewModel model() {
        return vm;
    }

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public void close() {
        try {
            frames.close();
        } catch (Exception e) {
            // removing a listener from a list cannot fail
        }
    }

    // --- stations -----------------------------------------------------------------------------------

    /** A station: its number and name, lit by the followed command, with the others' count. */
    static final class StationNode {
        final VBox box = new VBox(4);
        final Label number = new Label();
        final Label name = new Label();
        final Label others = new Label();
        private final JourneyStep step;
        private final String color;

        StationNode(JourneyStep step) {
            this.step = step;
            this.color = step.byHost() ? "#4da3ff" : "#ffa726";
            box.setId("lab-station-" + step.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            box.setAlignment(Pos.TOP_CENTER);
            box.setPadding(new Insets(8, 4, 8, 4));
            box.setMinWidth(90);
            box.setPrefWidth(150);
            box.setMaxWidth(Double.MAX_VALUE);
            number.setText(Integer.toString(step.ordinal() + 1));
            number.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
            name.setText(CommandPathViewModel.shortName(step));
            name.setWrapText(true);
            name.setTextAlignment(TextAlignment.CENTER);
            name.setAlignment(Pos.CENTER);
            others.setStyle("-fx-font-size: 1.05em;");
            box.getChildren().addAll(number, name, others);
            show(new CommandPathViewModel.Station(step, CommandPathViewModel.Mark.NOT_YET, 0, false));
        }

        void show(CommandPathViewModel.Station s) {
            boolean current = s.followed() == CommandPathViewModel.Mark.CURRENT;
            boolean passed = s.followed() == CommandPathViewModel.Mark.PASSED;
            box.pseudoClassStateChanged(CURRENT, current);
            box.pseudoClassStateChanged(PASSED, passed);
            String fill = current ? color : passed ? shade(color) : "#1a1a1a";
            String border = s.justNow() ? "#ffffff" : current ? "#ffffff" : color;
            String width = s.justNow() || current ? "4" : "2";
            box.setStyle("-fx-background-color: " + fill + "; -fx-background-radius: 10; -fx-border-color: " + border
                    + "; -fx-border-width: " + width + "; -fx-border-radius: 10;");
            String fg = current ? "#000000" : passed ? "#ffffff" : "#9e9e9e";
            number.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold; -fx-text-fill: " + fg + ";");
            name.setStyle("-fx-font-size: 0.8em; -fx-font-weight: bold; -fx-text-fill: " + fg + ";");
            others.setText(s.others() == 0 ? " " : "+" + s.others() + " other" + (s.others() == 1 ? "" : "s"));
            others.setStyle("-fx-font-size: 1.05em; -fx-text-fill: " + (current ? "#000000" : "#e0e0e0") + ";");
        }

        JourneyStep step() {
            return step;
        }

        private static String shade(String hex) {
            Color c = Color.web(hex);
            Color d = c.deriveColor(0, 0.9, 0.42, 1);
            return String.format(Locale.ROOT, "#%02x%02x%02x", (int) (d.getRed() * 255), (int) (d.getGreen() * 255),
                    (int) (d.getBlue() * 255));
        }
    }

    // --- rings --------------------------------------------------------------------------------------

    /** A ring drawn as a row of slots with head and tail marks. */
    static final class RingNode {
        final Label caption = new Label();
        final Pane pane = new Pane();
        final Canvas canvas = new Canvas(600, 96);
        private RingPicture shown;

        RingNode(String id) {
            caption.setId(id + "-caption");
            caption.setWrapText(true);
            caption.setStyle(LabPlayerView.TEXT + "-fx-font-weight: bold; -fx-font-size: 1.1em;");
            pane.setId(id);
            pane.getChildren().add(canvas);
            pane.setMinHeight(96);
            pane.setPrefHeight(96);
            canvas.widthProperty().bind(pane.widthProperty());
            canvas.widthProperty().addListener((o, a, b) -> draw());
        }

        void show(RingPicture p) {
            caption.setText(p.describe());
            if (!p.equals(shown)) {
                shown = p;
                draw();
            }
        }

        private void draw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.setFill(Color.web("#0b0b0b"));
            g.fillRect(0, 0, w, h);
            RingPicture p = shown;
            if (p == null || p.slots().isEmpty()) {
                return;
            }
            boolean sq = p.label().startsWith("SQ");
            int n = p.slots().size();
            double cell = Math.max(20, Math.min(72, (w - 8) / n));
            double top = 22;
            double box = 40;
            g.setFont(Font.font("System", FontWeight.BOLD, 13));
            for (int k = 0; k < n; k++) {
                RingPicture.Slot s = p.slots().get(k);
                double x = 4 + k * cell;
                Color fill;
                switch (s.content()) {
                    case WRITTEN: fill = HOST.deriveColor(0, 0.6, 0.55, 1); break;
                    case FILLED: fill = sq ? HOST : DEVICE; break;
                    case CONSUMED: fill = DEVICE.deriveColor(0, 0.5, 0.45, 1); break;
                    default: fill = Color.web("#1e1e1e"); break;
                }
                g.setFill(fill);
                g.fillRoundRect(x + 2, top, cell - 4, box, 6, 6);
                g.setStroke(s.followed() ? Color.web("#ffe14d") : Color.web("#6a6a6a"));
                g.setLineWidth(s.followed() ? 4 : 1.5);
                g.strokeRoundRect(x + 2, top, cell - 4, box, 6, 6);
                g.setTextAlign(TextAlignment.CENTER);
                g.setFill(s.content() == RingPicture.Content.EMPTY ? Color.web("#8a8a8a") : Color.BLACK);
                if (s.cid() >= 0 && cell >= 30) {
                    g.fillText("c" + s.cid(), x + cell / 2, top + 17);
                }
                if (!sq && s.phase() >= 0 && cell >= 30) {
                    g.fillText("p" + s.phase(), x + cell / 2, top + 33);
                }
                g.setFill(Color.web("#bdbdbd"));
                g.fillText(Integer.toString(s.index()), x + cell / 2, top - 6);
                String mark = (s.index() == p.head() ? "H" : "") + (s.index() == p.tail() ? "T" : "");
                if (!mark.isEmpty()) {
                    g.setFill(Color.web("#ffe14d"));
                    g.fillText(mark.equals("HT") ? "H T" : mark, x + cell / 2, top + box + 18);
                }
            }
        }
    }
}
