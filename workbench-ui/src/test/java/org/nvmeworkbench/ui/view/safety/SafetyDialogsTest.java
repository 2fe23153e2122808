package org.nvmeworkbench.ui.view.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.WriteConfirmation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialogs show the question's words, and only the button naming the device writes. */
@ExtendWith(ApplicationExtension.class)
class SafetyDialogsTest {
    private SafetyDialogs dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialogs = new SafetyDialogs(() -> stage);
    }

    private <T> CompletableFuture<T> ask(java.util.concurrent.Callable<CompletableFuture<T>> question, FxRobot robot,
                                         String paneId) throws Exception {
        CompletableFuture<T> answer = WaitForAsyncUtils.asyncFx(question).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + paneId).tryQuery().isPresent());
        return answer;
    }

    @Test
    void confirmingWritesNamesTheDeviceAndCancelIsTheDefault(FxRobot robot) throws Exception {
        WriteConfirmation q = new WriteConfirmation("sim:tlc", "randwrite", 999, 512);
        CompletableFuture<Boolean> answer = ask(() -> dialogs.confirmWrites(q), robot, "confirm-writes");
        DialogPane pane = robot.lookup("#confirm-writes").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Write to sim:tlc?");
        assertThat(pane.getContentText()).contains("LBAs 0..999");
        Button write = robot.lookup("#confirm-writes-write").queryButton();
        Button cancel = robot.lookup("#confirm-writes-cancel").queryButton();
        assertThat(write.getText()).isEqualTo("Write to sim:tlc");
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(write.isDefaultButton()).isFalse();
        robot.interact(cancel::fire);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void onlyTheWriteButtonConfirms(FxRobot robot) throws Exception {
        WriteConfirmation q = new WriteConfirmation("sim:optane", "write", 7, 4096);
        CompletableFuture<Boolean> answer = ask(() -> dialogs.confirmWrites(q), robot, "confirm-writes");
        robot.interact(() -> robot.lookup("#confirm-writes-write").queryButton().fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void applyDuringIoOffersNowAfterTheRunAndCancel(FxRobot robot) throws Exception {
        ApplyDuringIoQuestion q = new ApplyDuringIoQuestion("sim:tlc", new InterruptCoalescing(7, 2));
        CompletableFuture<SafetyPrompts.ApplyChoice> answer = ask(() -> dialogs.applyDuringIo(q), robot, "apply-during-io");
        assertThat(robot.lookup("#apply-during-io").queryAs(DialogPane.class).getHeaderText()).isEqualTo("Apply now, during I/O?");
        assertThat(robot.lookup("#apply-during-io-after").queryButton().getText()).isEqualTo("Apply after this run");
        robot.interact(() -> robot.lookup("#apply-during-io-now").queryButton().fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(SafetyPrompts.ApplyChoice.APPLY_NOW);
    }
}
