package org.nvmeworkbench.ui.lab;

import java.util.concurrent.TimeUnit;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.testfx.util.WaitForAsyncUtils;

/** One Lab view alone on a TestFX stage, and its orderly end: the Lab tests' one fixture. */
public final class LabViewOnStage {
    private LabViewOnStage() {
    }

    /** {@code view} in a 1280 x 800 scene on {@code stage}; call from a {@code @Start} method. */
    public static void show(Stage stage, WorkbenchView view) {
        stage.setScene(new Scene((Parent) view.node(), 1280, 800));
        stage.show();
    }

    /** Closes {@code view} and unloads {@code lab}'s scenario on the FX thread. */
    public static void close(WorkbenchView view, LabSession lab) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.close();
            lab.unload();
        }).get(30, TimeUnit.SECONDS);
    }
}
