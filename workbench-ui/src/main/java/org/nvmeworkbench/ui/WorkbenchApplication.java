package org.nvmeworkbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.nvmeworkbench.core.lab.ScenarioException;
import org.nvmeworkbench.core.plugin.WorkbenchHome;
import org.nvmeworkbench.ui.launcher.LabScenario;
import org.nvmeworkbench.ui.launcher.LaunchOptions;
import org.nvmeworkbench.ui.launcher.Scenario;
import org.nvmeworkbench.ui.session.WindowPlacement;
import org.nvmeworkbench.ui.launcher.WindowSnapshot;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.ui.session.LastSession;
import org.nvmeworkbench.ui.shell.Workbench;
import org.nvmeworkbench.ui.shell.WorkbenchAssembly;
import org.nvmeworkbench.ui.theme.Theme;

/** The JavaFX application: one window holding the workbench. Started by {@link WorkbenchLauncher}. */
public final class WorkbenchApplication extends Application {
    private static final Logger LOG = Logger.getLogger(WorkbenchApplication.class.getName());

    /** Set by the launcher before {@link Application#launch}; JavaFX instantiates this class itself. */
    static volatile LaunchOptions options = new LaunchOptions(null, null, null, null, null);
    /** Set when --snapshot failed, so the launcher exits non-zero. */
    static volatile int exitCode;

    /** The device a first start attaches, so the workbench opens ready to run. */
    static final String DEFAULT_DEVICE = "sim";

    private WorkbenchAssembly assembly;
    private volatile boolean closing;
    private Stage stage;

    /** The user's workbench folder: -Dnvmeworkbench.home, else ~/.nvme-workbench. */
    public static Path home() {
        return WorkbenchHome.path();
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions o = options;
        if (Boolean.getBoolean("nvmeworkbench.fxLoad")) {
            org.nvmeworkbench.ui.frame.FxThreadLoad.startReporting();
        }
        assembly = new WorkbenchAssembly(home());
        if (o.perspective() != null) {
            assembly.layout().select(o.perspective());
        }
        if (o.theme() != null) {
            assembly.layout().theme().set(o.theme());
        }
        Theme.of(assembly.layout().theme().get()).apply();
        // The last session's workload and coalescing go back before the views are built from them.
        LastSession last = o.scenario() == null ? LastSession.load(home(), assembly.stateNotices()::add) : LastSession.empty();
        last.restoreInto(assembly.session());
        if (o.scenario() == null) {
            keepSessionOnChange();
        }
        Workbench w = assembly.workbench();
        WindowPlacement place = o.snapshot() != null ? WindowPlacement.SNAPSHOT
                : WindowPlacement.restore(last.window(), screens());
        Scene scene = new Scene(w.root(), place.width(), place.height());
        stage.setTitle("NVMe Workbench");
        // The same artwork as the installed menu entry, for the window list and the task bar.
        var icon = org.nvmeworkbench.icons.Icons.class.getResourceAsStream("nvme-workbench.png");
        if (icon != null) {
            stage.getIcons().add(new javafx.scene.image.Image(icon));
        }
        stage.setScene(scene);
        if (place.hasPosition()) {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setMaximized(place.maximized());
        this.stage = stage;
        if (Boolean.getBoolean("nvmeworkbench.startupTrace")) {
            // For scripts/gui-bench.sh: the wall clock when the window is first on screen.
            stage.setOnShown(e -> System.out.println("first-window-epoch-ms=" + System.currentTimeMillis()));
        }
        stage.show();

        CompletableFuture<?> ready;
        if (LabScenario.isLab(o.scenario())) {
            ready = LabScenario.play(o.scenario(), assembly.lab(), assembly.layout());
        } else if (o.scenario() != null) {
            ready = Scenario.play(o.scenario(), assembly.session(), w, o.device() == null ? "sim:tlc" : o.device());
        } else if (o.device() != null) {
            ready = assembly.session().attach(o.device());
        } else if (last.device() == null || last.reattachable()) {
            // Opens ready to run: on the simulator the user had, or the default one the first time.
            ready = assembly.session().attach(last.device() == null ? DEFAULT_DEVICE : last.device());
        } else {
            assembly.session().message().set("The last session used " + last.device()
                    + "; attach it from the Devices view (a real device is attached only when you ask).");
            ready = CompletableFuture.completedFuture(null);
        }
        if (!o.files().isEmpty()) {
            // Beside the attach (files are read on their own thread); a snapshot waits for both.
            CompletableFuture<?> opened = w.open(o.files());
            CompletableFuture<?> attached = ready;
            ready = attached.handle((v, t) -> opened).thenCompose(f -> f).thenCompose(v -> attached);
        }
        ready.whenComplete((v, t) -> Platform.runLater(() -> {
            if (t == null && !assembly.stateNotices().isEmpty()) {
                // After the attach's own message: a set-aside state file must be seen, not overwritten at once.
                assembly.session().message().set(String.join(" ", assembly.stateNotices()));
            }
            if (t != null) {
                assembly.session().message().set(Failures.sentence(t));
                assembly.lab().message().set(Failures.sentence(t));
                if (unwrap(t) instanceof ScenarioException) {
                    LOG.fine(Failures.sentence(t)); // the user's file: the sentence says it all, no stack trace
                } else {
                    LOG.log(Level.WARNING, Failures.sentence(t), t);
                }
                if (o.snapshot() != null) {
                    System.err.println("The scenario " + o.scenario() + " could not be played: " + Failures.sentence(t));
                }
            }
            if (o.snapshot() != null) {
                // Let charts and the sampler draw a few frames before the picture is taken.
                PauseTransition settle = new PauseTransition(Duration.millis(1200));
                settle.setOnFinished(e -> snapshotAndExit(scene, o.snapshot(), t == null));
                settle.play();
            }
        }));
    }

    /** The screens' usable areas, the primary one first. */
    private static List<Rectangle2D> screens() {
        List<Rectangle2D> out = new ArrayList<>();
        out.add(Screen.getPrimary().getVisualBounds());
        for (Screen s : Screen.getScreens()) {
            if (!s.equals(Screen.getPrimary())) {
                out.add(s.getVisualBounds());
            }
        }
        return out;
    }

    /** The window as it is now, or null before it is shown. */
    private WindowPlacement window() {
        Stage s = stage;
        return s == null ? null : new WindowPlacement(s.getX(), s.getY(), s.getScene().getWidth(), s.getScene().getHeight(),
                s.isMaximized());
    }

    /** Saves the session as the user attaches, runs and applies, so a crash loses no more than the typing. */
    private void keepSessionOnChange() {
        var s = assembly.session();
        Runnable save = () -> {
            if (!closing) {
                LastSession.of(s, window()).save(home());
            }
        };
        s.device().addListener((v, a, b) -> save.run());
        s.lastSpec().addListener((v, a, b) -> save.run());
        s.desiredCoalescing().addListener((v, a, b) -> save.run());
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void snapshotAndExit(Scene scene, Path png, boolean scenarioOk) {
        try {
            WindowSnapshot.write(scene, png);
            System.out.println("Wrote " + png.toAbsolutePath() + ".");
            exitCode = scenarioOk ? 0 : 1;
        } catch (Exception e) {
            System.err.println("Could not write the snapshot to " + png + ": " + Failures.sentence(e));
            exitCode = 1;
        }
        Platform.exit();
    }

    @Override
    public void stop() {
        if (assembly != null) {
            if (options.scenario() == null) {
                LastSession.of(assembly.session(), window()).save(home());
                closing = true; // shutdown detaches the device: that is not the user's choice to keep
            }
            assembly.shutdown();
        }
    }
}
