package org.nvmeworkbench.ui.lab.coalescing;

import java.util.List;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.core.lab.TripCause;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.Subscriptions;

/**
 * Coalescing made visible (issue #6): per vector, completions gathering towards THR + 1 while the
 * timer runs towards TIME x 100 us, the trip and the one interrupt carrying them; the same scenario
 * with coalescing off beside it. Redrawn once per Lab frame from {@link CoalescingSceneViewModel}.
 */
public final class CoalescingSceneView implements WorkbenchView {
    private final CoalescingSceneViewModel vm;
    private final Subscriptions subs = new Subscriptions();
    private final VBox root = new VBox(10);
    private final Label status = Projector.label(22, Projector.TEXT, true);
    private final SideNode on = new SideNode("coalescing-on");
    private final SideNode off = new SideNode("coalescing-off");
    private final Label figuresNote = Projector.label(18, Projector.MUTED, false);

    public CoalescingSceneView(LabSession session) {
        this(session, session.work());
    }

    CoalescingSceneView(LabSession session, Executor background) {
        vm = new CoalescingSceneViewModel(session.runner(), background, r -> Platform.runLater(() -> {
            r.run();
            render();
        }));
        root.setId("lab-coalescing");
        root.setPadding(new Insets(12));
        root.setStyle("-fx-background-color: " + Projector.GROUND + ";");
        status.setId("coalescing-status");
        HBox sides = new HBox(16, on, off);
        HBox.setHgrow(on, Priority.ALWAYS);
        HBox.setHgrow(off, Priority.ALWAYS);
        on.setMaxWidth(Double.MAX_VALUE);
        off.setMaxWidth(Double.MAX_VALUE);
        on.setPrefWidth(10);
        off.setPrefWidth(10);
        VBox.setVgrow(sides, Priority.ALWAYS);
        Label caption = Projector.label(18, Projector.MUTED, false);
        caption.setWrapText(true);
        caption.setText(CoalescingSceneViewModel.LOCKSTEP_CAPTION);
        caption.setId("coalescing-caption");
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(14, 6); // chips wrap rather than shrink
        for (TripCause c : TripCause.values()) {
            Label l = Projector.label(18, Projector.GROUND, true);
            l.setText(SideState.shortName(c));
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a chip shows its whole name, never "thre..."
            l.setStyle(l.getStyle() + " -fx-background-color: " + Projector.color(c)
                    + "; -fx-background-radius: 4; -fx-padding: 1 8 1 8;");
            legend.getChildren().add(l);
        }
        figuresNote.setId("coalescing-figures-note");
        root.getChildren().addAll(status, sides, figuresNote, legend, caption);
        subs.add(session.onFrame(this::frame));
        subs.add(vm);
        render();
    }


    /** One frame: the model reads both runners, then the scene is redrawn. */
    void frame() {
        vm.frame();
        render();
    }

    private void render() {
        status.setText(vm.status());
        on.show(vm.on(), vm.onFigures());
        off.show(vm.off(), vm.offFigures() == null ? List.of() : List.of(vm.offFigures()));
        figuresNote.setText(vm.figuresNote());
    }

    public CoalescingSceneViewModel model() {
        return vm;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        subs.closeAll();
    }
}
