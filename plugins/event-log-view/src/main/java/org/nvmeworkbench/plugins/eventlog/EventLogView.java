package org.nvmeworkbench.plugins.eventlog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.spec.Opcodes;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** Every admin command of the attached device with its status; failed ones stand out. */
final class EventLogView implements WorkbenchView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final TableView<AdminLogEntry> table = new TableView<>();

    EventLogView(WorkbenchContext context) {
        table.setId("event-log-table");
        table.setItems(context.adminLog());
        table.setPlaceholder(new Label("No admin commands yet: attach a device."));
        table.getColumns().add(col("#", 50, e -> Long.toString(e.sequence())));
        table.getColumns().add(col("Time", 85, e -> TIME.format(e.wallTime())));
        table.getColumns().add(col("Command", 210, e -> Opcodes.adminName(e.opcode())));
        table.getColumns().add(col("CDW10", 105, e -> String.format("0x%08x", e.cdw10())));
        table.getColumns().add(col("CDW11", 105, e -> String.format("0x%08x", e.cdw11())));
        table.getColumns().add(col("Status", 380, e -> e.status() == AdminLogEntry.TIMED_OUT ? "timed out" : StatusCode.describe(e.status())));
        table.getColumns().add(col("DW0", 105, e -> String.format("0x%08x", e.dw0())));
        table.getColumns().add(col("Took (us)", 90, e -> String.format("%.1f", e.durationNanos() / 1e3)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AdminLogEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("danger");
                if (e != null && !empty && !e.ok()) {
                    getStyleClass().add("danger");
                }
            }
        });
        context.adminLog().addListener((javafx.collections.ListChangeListener<AdminLogEntry>) c -> followLater());
    }

    private boolean followPending;

    /**
     * Shows the newest entry. Scrolling at once, inside the list's change, came before the table knew of the
     * new rows, so the scroll was dropped and the log did not follow; this waits for the table to take them
     * (one scroll per batch of admin commands, never per sample).
     */
    private void followLater() {
        if (followPending) {
            return;
        }
        followPending = true;
        javafx.application.Platform.runLater(() -> {
            followPending = false;
            if (!table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
    }

    /** Each column wide enough for its header and values; the table scrolls sideways rather than cut them. */
    private static TableColumn<AdminLogEntry, String> col(String title, double width,
                                                          java.util.function.Function<AdminLogEntry, String> f) {
        TableColumn<AdminLogEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(width); // never narrower than its values: the table scrolls sideways instead
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    @Override
    public Node node() {
        return table;
    }
}
