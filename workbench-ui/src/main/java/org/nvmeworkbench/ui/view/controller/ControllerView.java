package org.nvmeworkbench.ui.view.controller;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.RegisterDecoder;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.EmptyState;

/** Controller: Identify, the registers and Features 07h/08h decoded, read from the device on attach and after each run. */
public final class ControllerView implements WorkbenchView {
    private final WorkbenchSession session;
    private final BorderPane root = new BorderPane();
    private final TextArea text = new TextArea();
    private final ChangeListener<NvmeController> onAttach;
    private final ListChangeListener<RunRecord> onRun;

    public ControllerView(WorkbenchSession session) {
        this.session = session;
        text.setEditable(false);
        text.setId("controller-text");
        text.setStyle("-fx-font-family: monospace");
        Button refresh = new Button("Read again", Icons.node(AppIcon.REFRESH, 16));
        refresh.disableProperty().bind(session.controller().isNull());
        refresh.setOnAction(e -> load());
        HBox bar = new HBox(6, refresh);
        bar.setPadding(new Insets(4));
        root.setTop(bar);
        onAttach = (o, a, b) -> load();
        onRun = c -> load();
        session.controller().addListener(onAttach);
        session.runs().addListener(onRun);
        load();
    }

    /** Everything the view shows, read on the device thread. */
    static List<String> read(NvmeController c) {
        List<String> l = new ArrayList<>();
        l.add("== Identify Controller ==");
        l.addAll(c.identifyController().describe());
        l.add("");
        l.add("== Registers ==");
        ControllerRegisters r = c.registers();
        l.addAll(RegisterDecoder.describe(r.cap(), r.vs(), r.cc(), r.csts(), r.aqa()));
        l.add("");
        l.add("== Features (current) ==");
        for (int fid : new int[] {FeatureId.NUMBER_OF_QUEUES, FeatureId.INTERRUPT_COALESCING}) {
            AdminResult res = c.getFeature(fid, FeatureId.SEL_CURRENT, 0);
            if (res.ok()) {
                l.addAll(FeatureText.lines(fid, FeatureId.SEL_CURRENT, res.dw0()));
            } else {
                l.add(FeatureText.failure("get-feature", fid, res.status()));
            }
        }
        l.add("Feature 09h (Interrupt Vector Configuration) is read per vector while a run's queues exist; see the Runs view.");
        return l;
    }

    private void load() {
        if (session.controller().get() == null || session.isRunning()) {
            if (session.controller().get() == null) {
                root.setCenter(new EmptyState("No device attached: attach one in the Devices view to read its registers and features."));
            }
            return;
        }
        session.onDevice("Read controller", ControllerView::read).thenAccept(lines -> {
            text.setText(String.join("\n", lines));
            root.setCenter(text);
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        session.controller().removeListener(onAttach);
        session.runs().removeListener(onRun);
    }
}
