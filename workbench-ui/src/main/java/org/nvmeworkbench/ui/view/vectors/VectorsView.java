package org.nvmeworkbench.ui.view.vectors;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;

import org.nvmeworkbench.ui.frame.Showing;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;
import org.nvmeworkbench.ui.view.Subscriptions;

/** MSI-X Vectors: per vector its CQs, CD, mask, pending, count and rate with a sparkline; a row lights up when it fires. */
public final class VectorsView implements WorkbenchView {
    private static final PseudoClass FIRED = PseudoClass.getPseudoClass("fired");

    private final TableView<VectorRow> table = new TableView<>();
    private final Subscriptions subs = new Subscriptions();
    private final VectorsViewModel vm = new VectorsViewModel();

    public VectorsView(WorkbenchSession session) {
        table.setId("vectors-table");
        if (javafx.application.Application.getUserAgentStylesheet() != null) {
            // The sheet uses AtlantaFX's colour names; under plain Modena (some tests) they do not exist.
            table.getStylesheets().add(VectorsView.class.getResource("vectors.css").toExternalForm());
        }
        table.setItems(vm.rows());
        table.setPlaceholder(new EmptyState("No vector telemetry yet: attach a device and start a workload."));
        table.getColumns().add(column("Vector", r -> Integer.toString(r.iv())));
        table.getColumns().add(column("CQs", r -> r.queues().get()));
        table.getColumns().add(column("Core", r -> r.core().get()));
        table.getColumns().add(column("CD", r -> r.iv() == 0 ? "n/a" : r.coalescingDisabled().get() ? "1" : "0"));
        table.getColumns().add(column("Masked", r -> r.masked().get() ? "yes" : "no"));
        table.getColumns().add(column("Pending", r -> r.pending().get() ? "yes" : "no"));
        // The controller counts from attach on, over every run since: the header says so (a run's own counts are
        // in its record, in Runs).
        TableColumn<VectorRow, String> count = column("Count since attach", r -> String.format("%,d", r.count().get()));
        count.setId("vectors-count");
        count.setMinWidth(130);
        table.getColumns().add(count);
        TableColumn<VectorRow, String> rate = column("Rate /s", r -> String.format("%,.0f", r.rate().get()));
        rate.setMinWidth(90);
        table.getColumns().add(rate);
        TableColumn<VectorRow, VectorRow> spark = new TableColumn<>("Rate history");
        spark.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        spark.setCellFactory(c -> new SparklineCell());
        spark.setSortable(false);
        spark.setPrefWidth(160);
        table.getColumns().add(spark);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Rows of one height: the table then lays out a changed cell without measuring every row again.
        table.setFixedCellSize(26);
        table.setRowFactory(t -> new TableRow<>() {
            private final ChangeListener<Boolean> fired = (o, a, b) -> pseudoClassStateChanged(FIRED, b);

            @Override
            protected void updateItem(VectorRow item, boolean empty) {
                if (getItem() != null) {
                    getItem().fired().removeListener(fired);
                }
                super.updateItem(item, empty);
                if (item != null && !empty) {
                    item.fired().addListener(fired);
                    pseudoClassStateChanged(FIRED, item.fired().get());
                } else {
                    pseudoClassStateChanged(FIRED, false);
                }
            }
        });
        // Each cell follows its row's revision: an update redraws the cells whose text changed, where
        // table.refresh() rebuilt every cell and cost a layout pass per sample.
        subs.add(session.subscribe(vm::update));
        ChangeListener<String> onDevice = (o, a, b) -> {
            if (b.isEmpty()) {
                vm.clear();
            }
        };
        session.device().addListener(onDevice);
        subs.add(() -> session.device().removeListener(onDevice));
        if (session.latest().get() != null) {
            vm.update(session.latest().get());
        }
    }

    private static TableColumn<VectorRow, String> column(String title, java.util.function.Function<VectorRow, String> f) {
        TableColumn<VectorRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> javafx.beans.binding.Bindings.createStringBinding(() -> f.apply(cd.getValue()),
                cd.getValue().revision()));
        c.setSortable(false);
        return c;
    }

    public VectorsViewModel model() {
        return vm;
    }

    @Override
    public Node node() {
        return table;
    }

    @Override
    public void close() {
        subs.closeAll();
    }

    /** Draws the row's rate history as a line on a small canvas, again when the row changes and is on screen. */
    private static final class SparklineCell extends TableCell<VectorRow, VectorRow> {
        private final Canvas canvas = new Canvas(150, 18);
        private final javafx.beans.InvalidationListener onRevision = o -> {
            if (getItem() != null && Showing.isShowing(this)) {
                draw(getItem());
            }
        };
        private VectorRow followed;

        @Override
        protected void updateItem(VectorRow r, boolean empty) {
            super.updateItem(r, empty);
            if (followed != null) {
                followed.revision().removeListener(onRevision);
                followed = null;
            }
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            followed = r;
            r.revision().addListener(onRevision);
            draw(r);
        }

        private void draw(VectorRow r) {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.clearRect(0, 0, w, h);
            int n = r.historySize();
            double max = 1;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, r.historyAt(i));
            }
            g.setStroke(Color.web("#2f81f7"));
            g.setLineWidth(1.2);
            g.beginPath();
            for (int i = 0; i < n; i++) {
                double x = w * i / (VectorRow.HISTORY - 1);
                double y = h - 1 - (h - 2) * r.historyAt(i) / max;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            setGraphic(canvas);
        }
    }
}
