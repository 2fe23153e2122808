package org.nvmeworkbench.ui.view.runs;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A {@link ComparisonTable} drawn as a read-only grid: row names first, a column per run with the baseline
 * first. A figure's change against the baseline is written under its value with "better" or "worse" in
 * words, the colour only repeating it; a setting that differs from the baseline's is bold.
 */
final class ComparisonGrid extends GridPane {
    ComparisonGrid(ComparisonTable t) {
        getStyleClass().add("runs-comparison-grid");
        setHgap(12);
        setVgap(3);
        setPadding(new Insets(6, 8, 8, 8));
        // Row names may wrap a little; run columns share the rest and wrap their headers.
        getColumnConstraints().add(column(96));
        for (int i = 0; i < t.runs().size(); i++) {
            getColumnConstraints().add(column(72));
        }
        int row = 0;
        for (int i = 0; i < t.runs().size(); i++) {
            Label head = wrapping(t.runs().get(i), "text-bold");
            VBox box = i == 0 ? new VBox(head, wrapping("baseline", "text-muted", "text-small")) : new VBox(head);
            add(box, i + 1, row);
        }
        row++;
        row = section("Settings that differ", t.runs().size(), row);
        if (t.sameSettings()) {
            Label same = wrapping(ComparisonTable.SAME_SETTINGS, "text-muted");
            add(same, 0, row++, t.runs().size() + 1, 1);
        }
        for (ComparisonTable.Row r : t.settings()) {
            add(wrapping(r.name()), 0, row);
            for (int i = 0; i < r.cells().size(); i++) {
                ComparisonTable.Cell c = r.cell(i);
                Label v = c.verdict() == ComparisonTable.Verdict.CHANGED ? wrapping(c.value(), "text-bold")
                        : wrapping(c.value());
                if (!c.detail().isEmpty()) {
                    v.setTooltip(new Tooltip(c.detail()));
                }
                add(v, i + 1, row);
            }
            row++;
        }
        row = section("Figures", t.runs().size(), row);
        for (ComparisonTable.Row r : t.figures()) {
            add(wrapping(r.name()), 0, row);
            for (int i = 0; i < r.cells().size(); i++) {
                ComparisonTable.Cell c = r.cell(i);
                Label v = wrapping(c.value());
                VBox box = new VBox(v);
                if (!c.note().isEmpty()) {
                    String tone = switch (c.verdict()) {
                        case BETTER -> "success";
                        case WORSE -> "danger";
                        default -> "text-muted";
                    };
                    box.getChildren().add(wrapping(c.note(), "text-small", tone));
                }
                add(box, i + 1, row);
            }
            row++;
        }
        for (javafx.scene.Node n : getChildren()) {
            GridPane.setValignment(n, VPos.TOP);
        }
    }

    /** A bold heading across the grid, with room above it. */
    private int section(String title, int runs, int row) {
        Label l = wrapping(title, "text-bold", "text-muted");
        l.setPadding(new Insets(8, 0, 0, 0));
        add(l, 0, row, runs + 1, 1);
        return row + 1;
    }

    private static ColumnConstraints column(double min) {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(min);
        c.setHgrow(Priority.SOMETIMES);
        c.setFillWidth(true);
        return c;
    }

    private static Label wrapping(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.getStyleClass().addAll(styles);
        return l;
    }
}
