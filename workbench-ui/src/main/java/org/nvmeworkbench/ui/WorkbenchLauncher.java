package org.nvmeworkbench.ui;

import java.util.Optional;

import javafx.application.Application;

import org.nvmeworkbench.core.cli.Main;
import org.nvmeworkbench.ui.launcher.LaunchOptions;

/**
 * The one entry point of {@code nvme-workbench}: no arguments or only GUI options open the window;
 * anything else is a headless command for the CLI, whose exit code becomes ours. Not an Application
 * subclass, so it starts from a plain class path without the JavaFX launcher's module checks.
 */
public final class WorkbenchLauncher {
    /** JavaFX's own logger; held here so the filter set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Optional<LaunchOptions> gui = LaunchOptions.parse(args);
        if (gui.isEmpty()) {
            Main.main(args); // the command line's own entry: its logging and its Ctrl-C handling
            return;
        }
        if (!displayAvailable()) {
            System.err.println("The workbench window needs a display (set DISPLAY or use xvfb-run); headless commands "
                    + "work without one, e.g. nvme-workbench list, or nvme-workbench run -d sim --runtime 2s.");
            System.exit(2);
        }
        // The class path start is deliberate (see above); JavaFX's warning about it would greet every user.
        // Only that one message is dropped: JavaFX's other warnings still show.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        WorkbenchApplication.options = gui.get();
        Application.launch(WorkbenchApplication.class);
        System.exit(WorkbenchApplication.exitCode);
    }

    private static boolean displayAvailable() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
