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
        table.getColumns().add(col("#", e -> Long.toString(e.sequence())));
        table.getColumns().add(col("Time", e -> TIME.format(e.wallTime())));
        table.getColumns().add(col("Command", e -> Opcodes.adminName(e.opcode())));
        table.getColumns().add(col("CDW10", e -> String.format("0x%08x", e.cdw10())));
        table.getColumns().add(col("CDW11", e -> String.format("0x%08x", e.cdw11())));
        table.getColumns().add(col("Status", e -> e.status() == AdminLogEntry.TIMED_OUT ? "timed out" : StatusCode.describe(e.status())));
        table.getColumns().add(col("DW0", e -> String.format("0x%08x", e.dw0())));
        table.getColumns().add(col("Took (us)", e -> String.format("%.1f", e.durationNanos() / 1e3)));
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
        context.adminLog().addListener((javafx.collections.ListChangeListener<AdminLogEntry>) c -> {
            if (!table.getItems().isEmpty()) {
                table.scrollTo(table.getItems().size() - 1);
            }
        });
    }

    private static TableColumn<AdminLogEntry, String> col(String title, java.util.function.Function<AdminLogEntry, String> f) {
        TableColumn<AdminLogEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    @Override
    public Node node() {
        return table;
    }
}
