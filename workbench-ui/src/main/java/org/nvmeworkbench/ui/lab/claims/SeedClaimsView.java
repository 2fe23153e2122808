package org.nvmeworkbench.ui.lab.claims;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** The seed's claims beside the model, one block per claim; everything it shows comes from {@link SeedClaimsViewModel}. */
public final class SeedClaimsView implements WorkbenchView {
    private final SeedClaimsViewModel vm;
    private final VBox claims = new VBox(10);
    private final Label note = new Label();
    private final Button check = new Button("Check");
    private final ScrollPane root;

    public SeedClaimsView(LabSession session) {
        vm = new SeedClaimsViewModel(session.runner(), session.work(), Platform::runLater);
        note.setId("claims-note");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        check.setId("claims-check");
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Check", never "..."
        HBox.setHgrow(note, javafx.scene.layout.Priority.ALWAYS);
        check.setOnAction(e -> vm.check());
        claims.setId("claims-rows");
        VBox box = new VBox(10, new HBox(8, check, note), claims);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("lab-claims");
        vm.onChange(this::render);
        render();
    }

    private void render() {
        note.setText(vm.note());
        check.setDisable(!vm.canCheck());
        claims.getChildren().clear();
        for (ClaimRow r : vm.rows()) {
            Label title = new Label(r.claim());
            title.setStyle("-fx-font-weight: bold;");
            title.setWrapText(true);
            Label verdict = new Label(r.verdict());
            verdict.getStyleClass().add(r.verdictStyle());
            verdict.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the verdict is never cut short
            Label figures = new Label(r.claimed() + " / " + r.model());
            Label why = new Label(r.why());
            why.setWrapText(true);
            why.getStyleClass().add("text-muted");
            claims.getChildren().add(new VBox(2, new HBox(8, title, verdict), figures, why));
        }
    }

    public SeedClaimsViewModel model() {
        return vm;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        vm.close();
    }
}
