package org.nvmeworkbench.ui.view.controller;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/** Controller: the {@link ControllerViewModel}'s text; read on attach, when a run starts and after each run. */
public final class ControllerView implements WorkbenchView {
    private final WorkbenchSession session;
    private final ControllerViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TextArea text = new TextArea();
    private final EmptyState detached = new EmptyState(
            "No device attached: attach one in the Devices view to read its registers and features.");
    private final ChangeListener<Object> onAttach;
    private final ChangeListener<ControllerState> onState;
    private final ListChangeListener<RunRecord> onRun;

    public ControllerView(WorkbenchSession session) {
        this.session = session;
        vm = new ControllerViewModel(session);
        text.setEditable(false);
        text.setId("controller-text");
        text.setStyle("-fx-font-family: monospace");
        text.textProperty().bind(vm.text());
        Button refresh = new Button("Read again", Icons.node(AppIcon.REFRESH, 16));
        refresh.setId("controller-refresh");
        refresh.disableProperty().bind(session.attached().not());
        refresh.setOnAction(e -> vm.load());
        HBox bar = new HBox(6, refresh);
        bar.setPadding(new Insets(4));
        root.setTop(bar);
        root.centerProperty().bind(javafx.beans.binding.Bindings.when(vm.attached()).then((Node) text).otherwise(detached));
        onAttach = (o, a, b) -> vm.load();
        // A run's queues exist once it runs: 09h can be read then.
        onState = (o, a, b) -> {
            if (b == ControllerState.RUNNING) {
                vm.load();
            }
        };
        onRun = c -> vm.load();
        session.attached().addListener(onAttach);
        session.state().addListener(onState);
        session.runs().addListener(onRun);
        vm.load();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        session.attached().removeListener(onAttach);
        session.state().removeListener(onState);
        session.runs().removeListener(onRun);
    }
}
