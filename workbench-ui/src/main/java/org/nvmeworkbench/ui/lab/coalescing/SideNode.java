package org.nvmeworkbench.ui.lab.coalescing;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One side of the scene: title, Feature 08h in words, device time, counts by cause, lanes, figures. */
final class SideNode extends VBox {
    private final Label title = Projector.label(30, Projector.TEXT, true);
    private final Label features = Projector.label(18, Projector.MUTED, false);
    private final Label time = Projector.label(20, Projector.TEXT, false);
    private final Label causes = Projector.label(20, Projector.TEXT, true);
    private final VBox lanes = new VBox(10);
    private final Label hidden = Projector.label(18, Projector.MUTED, false);
    private final GridPane figures = new GridPane();
    private final List<LaneNode> laneNodes = new ArrayList<>();
    private List<CoalescingFigures.Row> shownFigures;

    SideNode(String idPrefix) {
        super(8);
        setId(idPrefix);
        setPadding(new Insets(10));
        features.setWrapText(true);
        features.setMinHeight(48); // two lines on both sides, so the lanes line up
        features.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        time.setId(idPrefix + "-time");
        causes.setId(idPrefix + "-causes");
        figures.setId(idPrefix + "-figures");
        figures.setHgap(18);
        figures.setVgap(2);
        ScrollPane scroll = new ScrollPane(lanes);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: " + Projector.GROUND + "; -fx-background-color: " + Projector.GROUND + ";");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, features, time, causes, scroll, hidden, figures);
    }

    void show(SideState s, List<CoalescingFigures.Row> figureRows) {
        title.setText(s.title());
        features.setText(s.features());
        time.setText(s.timeText());
        causes.setText(s.causesText());
        while (laneNodes.size() < s.lanes().size()) {
            LaneNode n = new LaneNode();
            laneNodes.add(n);
            lanes.getChildren().add(n);
        }
        while (laneNodes.size() > s.lanes().size()) {
            lanes.getChildren().remove(laneNodes.remove(laneNodes.size() - 1));
        }
        for (int i = 0; i < s.lanes().size(); i++) {
            laneNodes.get(i).show(s.lanes().get(i));
            laneNodes.get(i).setId(getId() + "-lane-" + s.lanes().get(i).vector());
        }
        hidden.setText(s.hiddenLanes() == 0 ? "" : "+ " + s.hiddenLanes() + " more vectors, counted above");
        hidden.setManaged(s.hiddenLanes() > 0);
        if (figureRows.equals(shownFigures)) {
            return;
        }
        shownFigures = figureRows;
        figures.getChildren().clear();
        if (figureRows.isEmpty()) {
            return;
        }
        String[] heads = {"run", "per interrupt", "interrupts/s", "read p99"};
        for (int c = 0; c < heads.length; c++) {
            Label h = Projector.label(18, Projector.MUTED, false);
            h.setText(heads[c]);
            h.setMinWidth(c == 0 ? 0 : Region.USE_PREF_SIZE);
            figures.add(h, c, 0);
        }
        for (int r = 0; r < figureRows.size(); r++) {
            CoalescingFigures.Row row = figureRows.get(r);
            String id = getId() + "-figure-" + r;
            figures.add(cell(row.run(), id + "-run", false), 0, r + 1);
            figures.add(cell(row.completionsPerInterruptText(), id + "-cpi", true), 1, r + 1);
            figures.add(cell(row.interruptsPerSecondText(), id + "-rate", true), 2, r + 1);
            figures.add(cell(row.p99Text(), id + "-p99", true), 3, r + 1);
        }
    }

    private static Label cell(String text, String id, boolean bold) {
        Label l = Projector.label(bold ? 22 : 18, Projector.TEXT, bold);
        l.setText(text);
        l.setId(id);
        l.setWrapText(!bold);
        l.setMaxWidth(bold ? Double.MAX_VALUE : 200);
        l.setMinWidth(bold ? Region.USE_PREF_SIZE : 0); // figures are never cut; the run's name wraps
        return l;
    }

    List<LaneNode> lanes() {
        return laneNodes;
    }
}
