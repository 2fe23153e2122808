package org.nvmeworkbench.ui.view.several;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.view.devices.DevicesView;

/** Run > Run on several devices...: tick the devices, Run; the outcome stays in the dialog until it is closed. */
public final class SideBySideDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final VBox boxes = new VBox(4);
    private final List<CheckBox> ticks = new ArrayList<>();

    public SideBySideDialog(WorkbenchSession session, SideBySideViewModel vm, Executor background, Window owner) {
        dialog.setTitle("Run on several devices");
        dialog.setHeaderText("The Workload view's workload (" + describe(session) + ") on every device ticked, all at once;"
                + "\neach is attached for its run only, and Runs compares them side by side.");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        boxes.setId("several-devices");
        show(vm.choices(session.catalog().discover()));
        Label looking = new Label();
        if (session.agents() != null && !session.agents().endpoints().isEmpty()) {
            looking.setText("Asking the agents for their devices...");
            CompletableFuture.supplyAsync(() -> {
                List<DeviceInfo> all = new ArrayList<>(session.catalog().discover());
                all.addAll(session.agents().devices());
                return all;
            }, background).thenAcceptAsync(all -> {
                looking.setText("");
                show(vm.choices(all));
            }, Platform::runLater);
        }
        Button run = new Button("Run", Icons.node(AppIcon.RUN, 16));
        run.setId("several-run");
        run.disableProperty().bind(vm.running());
        run.setOnAction(e -> {
            List<String> chosen = new ArrayList<>();
            for (CheckBox c : ticks) {
                if (c.isSelected()) {
                    chosen.add((String) c.getUserData());
                }
            }
            vm.run(chosen);
        });
        Label outcome = new Label();
        outcome.setId("several-outcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.textProperty().bind(vm.outcome());
        ScrollPane scroll = new ScrollPane(boxes);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);
        VBox content = new VBox(8, scroll, looking, run, outcome);
        content.setPadding(new Insets(8));
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
    }

    private static String describe(WorkbenchSession s) {
        var w = s.draftSpec().get() == null ? null : s.effective(s.draftSpec().get());
        return w == null ? "not valid yet" : w.rw().fioName() + ", bs " + w.blockSize() + ", iodepth " + w.iodepth() + ", "
                + w.queues() + " queue(s)" + (w.coalescing() == null ? "" : ", " + w.coalescing().describe());
    }

    private void show(List<DeviceInfo> devices) {
        List<String> ticked = new ArrayList<>();
        for (CheckBox c : ticks) {
            if (c.isSelected()) {
                ticked.add((String) c.getUserData());
            }
        }
        ticks.clear();
        for (DeviceInfo d : devices) {
            CheckBox c = new CheckBox(DevicesView.remoteName(d.spec()) + "  (" + d.description() + ")");
            c.setUserData(d.spec());
            c.setId("several-" + d.spec().replaceAll("[^A-Za-z0-9]", "-"));
            c.setSelected(ticked.contains(d.spec()));
            c.setWrapText(true);
            ticks.add(c);
        }
        boxes.getChildren().setAll(ticks);
    }

    public void show() {
        dialog.show();
    }
}
