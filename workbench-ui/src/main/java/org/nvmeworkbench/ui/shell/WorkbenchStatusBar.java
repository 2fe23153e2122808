package org.nvmeworkbench.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;

import org.controlsfx.control.StatusBar;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.ui.session.WorkbenchSession;

/** The window's status bar: the device, its state and the last sentence; IOPS, p99 and interrupts/s while something runs. */
final class WorkbenchStatusBar {
    private final WorkbenchSession session;
    private final StatusBar status = new StatusBar();
    private final Label iops = new Label();
    private final Label p99 = new Label();
    private final Label irqs = new Label();

    WorkbenchStatusBar(WorkbenchSession session) {
        this.session = session;
        status.setId("status-bar");
        // ControlsFX's own rule paints it with Modena's -fx-body-color, which AtlantaFX does not define (a
        // warning at every start); under an AtlantaFX theme its colours, set inline, win over that rule.
        // Without one (Modena, as in some tests) ControlsFX's rule is right and AtlantaFX's names are not.
        if (javafx.application.Application.getUserAgentStylesheet() != null) {
            status.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default; "
                    + "-fx-border-width: 1 0 0 0;");
        }
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            String dev = session.device().get().isEmpty() ? "No device" : session.device().get();
            String msg = session.message().get();
            return dev + " - " + session.state().get().text() + (msg.isEmpty() ? "" : "  |  " + msg);
        }, session.device(), session.state(), session.message()));
        status.progressProperty().bind(Bindings.createDoubleBinding(
                () -> session.state().get() == ControllerState.RUNNING ? session.runProgress().get() : 0,
                session.state(), session.runProgress()));
        iops.setId("status-iops");
        for (Label l : new Label[] {iops, p99, irqs}) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.getRightItems().addAll(iops, new Separator(Orientation.VERTICAL), p99, new Separator(Orientation.VERTICAL), irqs);
        session.latest().addListener((o, a, b) -> showFigures(b));
        // The right-hand figures are live ones: once the run ends they would go stale (the message on
        // the left keeps the run's result), so they show only while something runs.
        session.state().addListener((o, a, b) -> showFigures(session.latest().get()));
        showFigures(null);
    }

    StatusBar node() {
        return status;
    }

    private void showFigures(TelemetrySnapshot s) {
        StatusFigures f = StatusFigures.of(s, session.state().get() == ControllerState.RUNNING);
        iops.setText(f.iops());
        p99.setText(f.p99());
        irqs.setText(f.interrupts());
    }
}
