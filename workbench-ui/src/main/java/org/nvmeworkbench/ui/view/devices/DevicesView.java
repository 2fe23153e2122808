package org.nvmeworkbench.ui.view.devices;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tooltip;

import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** Devices: what the providers discover, attach and detach, and why a device cannot be attached. */
public final class DevicesView implements WorkbenchView {
    private final VBox root = new VBox(8);
    private final WorkbenchSession session;
    private final javafx.beans.value.ChangeListener<String> onDevice;

    /** Agents answer over the network: never on the FX thread. */
    private static final java.util.concurrent.Executor AGENT_CALLS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "agent-calls");
        t.setDaemon(true);
        return t;
    });
    private final DevicesViewModel vm;

    public DevicesView(WorkbenchSession session) {
        this.session = session;
        this.vm = new DevicesViewModel(session, AGENT_CALLS, javafx.application.Platform::runLater);
        ListView<DeviceInfo> list = new ListView<>(vm.devices());
        list.setId("device-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DeviceInfo d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                // remote://HOST:PORT/DEV has no space to wrap at: shown as "DEV on HOST:PORT", which does.
                Label spec = new Label(remoteName(d.spec()));
                spec.setWrapText(true);
                spec.setMinHeight(Region.USE_PREF_SIZE);
                spec.setStyle("-fx-font-weight: bold");
                Label desc = new Label(d.description());
                desc.setWrapText(true);
                // Wrapped, never cut: a profile's meaning is the point of the list.
                desc.setMinHeight(Region.USE_PREF_SIZE);
                desc.getStyleClass().add("text-muted");
                VBox box = new VBox(2, spec, desc);
                if (!d.attachable()) {
                    Label why = new Label(d.why());
                    why.setWrapText(true);
                    why.getStyleClass().add("danger");
                    box.getChildren().add(why);
                }
                // A wrapped label needs a definite width to report its height: the list's, less the cell's padding.
                desc.prefWidthProperty().bind(getListView().widthProperty().subtract(36));
                spec.prefWidthProperty().bind(desc.prefWidthProperty());
                setPrefWidth(0);
                setGraphic(box);
                setText(null);
                setTooltip(new Tooltip(d.spec() + "\n" + d.description() + (d.attachable() ? "" : "\n" + d.why())));
            }
        });
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        // The selection follows the attached device, however it was attached (here, --device, a scenario, a plugin).
        onDevice = (o, was, now) -> follow(list, now);
        session.device().addListener(onDevice);
        follow(list, session.device().get());
        Button attach = new Button("Attach", Icons.node(AppIcon.ATTACH, 16));
        attach.setId("attach-button");
        attach.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DeviceInfo d = list.getSelectionModel().getSelectedItem();
            return d == null || !d.attachable() || session.attached().get();
        }, list.getSelectionModel().selectedItemProperty(), session.attached()));
        attach.setOnAction(e -> session.attach(list.getSelectionModel().getSelectedItem().spec()));
        Button detach = new Button("Detach", Icons.node(AppIcon.DETACH, 16));
        detach.setId("detach-button");
        detach.disableProperty().bind(session.attached().not());
        detach.setOnAction(e -> session.detach());
        Button refresh = new Button("", Icons.node(AppIcon.REFRESH, 16));
        refresh.setOnAction(e -> vm.refresh().thenRun(() -> follow(list, session.device().get())));
        Label attached = new Label();
        attached.textProperty().bind(Bindings.createStringBinding(() -> session.device().get().isEmpty()
                ? "No device attached." : "Attached: " + remoteName(session.device().get()), session.device()));
        attached.setWrapText(true);
        attached.setMinHeight(Region.USE_PREF_SIZE);
        refresh.setTooltip(new Tooltip("Look for devices again"));
        Label details = new Label();
        details.setId("device-details");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        details.textProperty().bind(Bindings.createStringBinding(() -> {
            DeviceInfo d = list.getSelectionModel().getSelectedItem();
            return d == null ? "" : d.spec() + ": " + d.description() + (d.attachable() ? "" : " " + d.why());
        }, list.getSelectionModel().selectedItemProperty()));
        // The buttons keep their words and wrap to a second line in a narrow pane (a small screen)
        // rather than shrinking to "At..." and "De...".
        FlowPane buttons = new FlowPane(6, 6, attach, detach, refresh);
        for (Button b : List.of(attach, detach, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        root.getChildren().addAll(list, buttons, attached, details);
        if (vm.agentsPossible()) {
            root.getChildren().add(agentForm(list));
            vm.refresh().thenRun(() -> follow(list, session.device().get()));
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(8));
    }

    /**
     * Add agent: its address, its access token (a password field: it is a secret) and, only to accept a
     * certificate that changed on purpose, the fingerprint the agent printed. Problems show below in words.
     */
    private javafx.scene.control.TitledPane agentForm(ListView<DeviceInfo> list) {
        javafx.scene.control.TextField endpoint = new javafx.scene.control.TextField();
        endpoint.setPrefColumnCount(10);
        endpoint.setId("agent-endpoint");
        endpoint.setPromptText("host:7450");
        javafx.scene.control.PasswordField token = new javafx.scene.control.PasswordField();
        token.setPrefColumnCount(10);
        token.setId("agent-token");
        token.setPromptText("the agent's access token");
        token.setTooltip(new Tooltip("The agent printed where its token file is (~/.nvme-workbench/agent/token on the server)."));
        javafx.scene.control.TextField fingerprint = new javafx.scene.control.TextField();
        fingerprint.setPrefColumnCount(10);
        fingerprint.setId("agent-fingerprint");
        fingerprint.setPromptText("SHA256:...");
        fingerprint.setTooltip(new Tooltip("Only to accept a certificate the agent was given on purpose: the fingerprint it "
                + "printed at its start. The first use pins the certificate without it."));
        Button add = new Button("Add agent", Icons.node(AppIcon.ATTACH, 16));
        add.setId("agent-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(vm.busy());
        Label problem = new Label();
        problem.setId("agent-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(vm.agentProblem());
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane();
        add.setOnAction(e -> vm.addAgent(endpoint.getText(), token.getText(), fingerprint.getText()).thenRun(() -> {
            token.clear();
            fingerprint.clear();
            // The agent's devices are what the user came for: shown and selected, the form out of their way.
            pane.setExpanded(false);
            list.getItems().stream().filter(d -> d.spec().startsWith("remote://" + endpoint.getText().strip() + "/")
                    && d.attachable()).findFirst().ifPresent(d -> {
                        list.getSelectionModel().select(d);
                        list.scrollTo(d);
                    });
        }));
        VBox form = new VBox(6, new Label("Address (host:port)"), endpoint, new Label("Token"), token,
                new Label("Fingerprint (optional)"), fingerprint, add, problem);
        pane.setText("Add an agent");
        pane.setContent(form);
        pane.setTooltip(new Tooltip("An nvme-workbench agent on a lab server: its devices are listed and attached here."));
        pane.setId("agent-form");
        pane.setExpanded(false);
        return pane;
    }

    /** {@code remote://HOST:PORT/DEV} as "DEV on agent HOST:PORT"; a local device's name as it is. */
    public static String remoteName(String spec) {
        if (!org.nvmeworkbench.core.agent.AgentAddress.names(spec)) {
            return spec;
        }
        try {
            var a = org.nvmeworkbench.core.agent.AgentAddress.parse(spec);
            return a.device() + " on agent " + a.endpoint();
        } catch (RuntimeException e) {
            return spec;
        }
    }

    /** Position of {@code attached} in {@code devices}: the same spec, else the same spec ignoring case; -1 when absent. */
    public static int indexOf(java.util.List<DeviceInfo> devices, String attached) {
        if (attached == null || attached.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).spec().equals(attached)) {
                return i;
            }
        }
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).spec().equalsIgnoreCase(attached)) {
                return i;
            }
        }
        return -1;
    }

    private static void follow(ListView<DeviceInfo> list, String attached) {
        int i = indexOf(list.getItems(), attached);
        if (i >= 0) {
            list.getSelectionModel().select(i);
            list.scrollTo(i);
        }
    }

    @Override
    public void close() {
        session.device().removeListener(onDevice);
    }

    @Override
    public Node node() {
        return root;
    }
}
