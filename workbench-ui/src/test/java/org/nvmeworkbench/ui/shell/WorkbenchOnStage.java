package org.nvmeworkbench.ui.shell;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

/** The whole workbench on a TestFX stage, on a test's own home, and its orderly end: the UI tests' one fixture. */
public final class WorkbenchOnStage {
    private WorkbenchOnStage() {
    }

    /** A workbench on {@code home} in a 1280 x 800 scene on {@code stage}; call from a {@code @Start} method. */
    public static WorkbenchAssembly show(Stage stage, Path home) {
        return show(stage, home, 1280, 800, a -> { });
    }

    /** As {@link #show(Stage, Path)}, of {@code width} x {@code height}, with {@code first} done before it shows. */
    public static WorkbenchAssembly show(Stage stage, Path home, double width, double height,
                                         Consumer<WorkbenchAssembly> first) {
        WorkbenchAssembly assembly = new WorkbenchAssembly(home);
        first.accept(assembly);
        stage.setScene(new Scene(assembly.workbench().root(), width, height));
        stage.show();
        return assembly;
    }

    /** Stops the session's work and the frame pump on the FX thread, as closing the window does. */
    public static void close(WorkbenchAssembly assembly) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> assembly.shutdown()).get(30, TimeUnit.SECONDS);
    }
}
