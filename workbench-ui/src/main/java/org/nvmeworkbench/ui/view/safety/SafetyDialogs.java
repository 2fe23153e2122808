package org.nvmeworkbench.ui.view.safety;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.WriteConfirmation;

/**
 * The safety questions as dialogs. Nodes only: every text comes from the question. Cancel is the
 * default button and closing the dialog counts as Cancel. Dialogs are shown without blocking (no
 * nested event loop); the answer completes the future on the FX thread.
 */
public final class SafetyDialogs implements SafetyPrompts {
    private final Supplier<Window> owner;

    public SafetyDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletableFuture<Boolean> confirmWrites(WriteConfirmation q) {
        ButtonType write = new ButtonType(q.confirmText(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(q.cancelText(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.WARNING, q.title(), q.question(), q.details(), "confirm-writes", write, cancel);
        id(a, write, "confirm-writes-write");
        Button c = id(a, cancel, "confirm-writes-cancel");
        c.setDefaultButton(true);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        a.setOnHidden(e -> answer.complete(a.getResult() == write));
        a.show();
        return answer;
    }

    @Override
    public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion q) {
        ButtonType now = new ButtonType(q.applyNowText(), ButtonBar.ButtonData.OTHER);
        ButtonType after = new ButtonType(q.afterRunText(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(q.cancelText(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, q.title(), q.question(), q.details(), "apply-during-io",
                now, after, cancel);
        id(a, now, "apply-during-io-now");
        id(a, after, "apply-during-io-after").setDefaultButton(true);
        id(a, cancel, "apply-during-io-cancel");
        CompletableFuture<ApplyChoice> answer = new CompletableFuture<>();
        a.setOnHidden(e -> answer.complete(a.getResult() == now ? ApplyChoice.APPLY_NOW
                : a.getResult() == after ? ApplyChoice.AFTER_RUN : ApplyChoice.CANCEL));
        a.show();
        return answer;
    }

    private Alert alert(Alert.AlertType type, String title, String header, String text, String id, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setId(id);
        a.getDialogPane().setMinWidth(520);
        a.initModality(Modality.WINDOW_MODAL);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        return a;
    }

    private static Button id(Alert a, ButtonType type, String id) {
        Button b = (Button) a.getDialogPane().lookupButton(type);
        b.setId(id);
        b.setDefaultButton(false);
        return b;
    }
}
