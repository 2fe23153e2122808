package org.nvmeworkbench.ui.lab.coalescing;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.core.lab.Gathering;

/** One vector's lane: tokens against the threshold, the timer bar, the last interrupt and recent gatherings. */
final class LaneNode extends VBox {
    private final Label vector = Projector.label(22, Projector.TEXT, true);
    private final Label gathered = Projector.label(22, Projector.TEXT, false);
    private final TokenStrip tokens = new TokenStrip();
    private final TimerBar timer = new TimerBar();
    private final Label timerText = Projector.label(18, Projector.TEXT, false);
    private final Label trip = Projector.label(22, Projector.MUTED, true);
    private final HBox history = new HBox(6);
    private List<Gathering> shownHistory;

    LaneNode() {
        super(6);
        getStyleClass().add("coalescing-lane");
        setPadding(new Insets(8, 10, 8, 10));
        setStyle("-fx-background-color: " + Projector.PANEL + "; -fx-background-radius: 6;");
        gathered.getStyleClass().add("lane-gathered");
        timerText.getStyleClass().add("lane-timer-text");
        trip.getStyleClass().add("lane-trip");
        trip.setWrapText(true);
        history.getStyleClass().add("lane-history");
        history.setAlignment(Pos.CENTER_LEFT);
        HBox head = new HBox(16, vector, gathered);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox timerBox = new VBox(2, timer, timerText);
        Label historyTitle = Projector.label(16, Projector.MUTED, false);
        historyTitle.setText("recent:");
        HBox historyRow = new HBox(8, historyTitle, history);
        historyRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(tokens, Priority.ALWAYS);
        getChildren().addAll(head, tokens, timerBox, trip, historyRow);
    }

    void show(VectorLane lane) {
        vector.setText("IV " + lane.vector());
        gathered.setText(lane.gatheredText());
        tokens.show(lane.pending(), lane.threshold());
        timer.show(lane.timerFraction());
        timerText.setText(lane.timerText());
        trip.setText(lane.lastTripText());
        String c = Projector.color(lane.lastCause());
        trip.setStyle(String.format(Locale.ROOT, "-fx-font-size: 22px; -fx-font-weight: bold; -fx-padding: 2 8 2 8;"
                + " -fx-background-radius: 4; %s", lane.fresh()
                ? "-fx-text-fill: " + Projector.GROUND + "; -fx-background-color: " + c + ";"
                : "-fx-text-fill: " + c + "; -fx-background-color: transparent;"));
        if (lane.history().equals(shownHistory)) {
            return; // rebuilt only when a gathering finished, not every frame
        }
        shownHistory = lane.history();
        history.getChildren().clear();
        for (Gathering g : lane.history()) {
            Label box = Projector.label(18, Projector.GROUND, true);
            box.setText(Integer.toString(g.carried()));
            box.setMinWidth(34);
            box.setAlignment(Pos.CENTER);
            box.setStyle(box.getStyle() + " -fx-background-color: " + Projector.color(g.cause())
                    + "; -fx-background-radius: 4; -fx-padding: 1 6 1 6;");
            box.getStyleClass().add("history-" + g.cause().name().toLowerCase(Locale.ROOT));
            history.getChildren().add(box);
        }
    }

    int tokenCount() {
        return tokens.tokenCount();
    }

    double timerFraction() {
        return timer.fraction();
    }
}
