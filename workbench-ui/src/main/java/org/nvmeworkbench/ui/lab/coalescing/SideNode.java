package org.nvmeworkbench.ui.lab.coalescing;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One side of the scene: title, Feature 08h in words, device time, counts by cause, lanes, figures. */
final class SideNode extends VBox {
    private final Label title = Projector.label(30, Projector.TEXT, true);
    private final Label features = Projector.label(18, Projector.MUTED, false);
    private final Label time = Projector.label(20, Projector.TEXT, false);
    private final Label causes = Projector.label(20, Projector.TEXT, true);
    private final VBox lanes = new VBox(10);
    private final Label hidden = Projector.label(18, Projector.MUTED, false);
    private final VBox figures = new VBox(2);
    private final List<LaneNode> laneNodes = new ArrayList<>();

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
        ScrollPane scroll = new ScrollPane(lanes);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: " + Projector.GROUND + "; -fx-background-color: " + Projector.GROUND + ";");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, features, time, causes, scroll, hidden, figures);
    }

    void show(SideState s, List<String> figureLines) {
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
        figures.getChildren().clear();
        for (String f : figureLines) {
            if (!f.isEmpty()) {
                Label l = Projector.label(20, Projector.TEXT, true);
                l.setWrapText(true);
                l.setText(f);
                figures.getChildren().add(l);
            }
        }
    }

    List<LaneNode> lanes() {
        return laneNodes;
    }
}
