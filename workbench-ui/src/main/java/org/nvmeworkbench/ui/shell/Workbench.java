package org.nvmeworkbench.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.core.report.ReportExporters;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.icons.Icons;
import org.nvmeworkbench.ui.action.ActionFactory;
import org.nvmeworkbench.ui.action.ActionRegistry;
import org.nvmeworkbench.ui.perspective.LayoutModel;
import org.nvmeworkbench.ui.perspective.LayoutStore;
import org.nvmeworkbench.ui.plugin.PluginRegistry;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.ui.session.FaultInjection;
import org.nvmeworkbench.ui.session.ResultOpener;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.ActionContribution;
import org.nvmeworkbench.ui.spi.ActionSpec;
import org.nvmeworkbench.ui.spi.PerspectiveContribution;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.task.TaskExecutor;
import org.nvmeworkbench.ui.theme.Theme;
import org.nvmeworkbench.ui.view.export.ExportDialog;
import org.nvmeworkbench.ui.view.export.ExportViewModel;
import org.nvmeworkbench.ui.view.runs.RunSelection;
import org.nvmeworkbench.ui.view.safety.SafetyDialogs;

/**
 * The window's contents: menu bar and toolbar built from the action registry, the four areas of tabbed
 * views ({@link ViewAreas}, drawn from the {@link LayoutModel}), and a status bar fed by telemetry.
 * Drawing only; the layout and the session hold the state.
 */
public final class Workbench {
    private static final Logger LOG = Logger.getLogger(Workbench.class.getName());

    private final WorkbenchSession session;
    private final RunSelection selection;
    private final PluginRegistry plugins;
    private final LayoutModel layout;
    private final LayoutStore store;
    private final ActionRegistry actions = new ActionRegistry();
    private final BorderPane root = new BorderPane();
    private final TaskExecutor files;
    private final ReportExporters exporters;
    private final OpenResults opening;
    private final ViewAreas views;
    private ExportDialog exportDialog;

    public Workbench(WorkbenchSession session, PluginRegistry plugins, LayoutModel layout, LayoutStore store) {
        this(session, new RunSelection(session.runs()), new ResultOpener(session, session.tasks()), plugins, layout, store,
                session.tasks(), plugins.exporters());
    }

    /**
     * @param selection the runs selected in Runs, which File > Export starts from
     * @param files     where exports render and write, apart from the device thread so an export never waits for a run
     * @param exporters the report formats File > Export offers
     */
    public Workbench(WorkbenchSession session, RunSelection selection, ResultOpener opener, PluginRegistry plugins,
                     LayoutModel layout, LayoutStore store, TaskExecutor files, ReportExporters exporters) {
        this.selection = selection;
        this.files = files;
        this.exporters = exporters;
        this.session = session;
        this.plugins = plugins;
        this.layout = layout;
        this.store = store;
        // Writes and Set Features during I/O ask through dialogs owned by this window.
        session.prompts().set(new SafetyDialogs(() -> root.getScene() == null ? null : root.getScene().getWindow()));
        views = new ViewAreas(session, plugins, layout, this::save);
        opening = new OpenResults(opener, this::window, views::bringToFront, selection, session.runs());
        registerActions();
        opening.acceptDrops(root);
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(views.node());
        root.setBottom(new WorkbenchStatusBar(session).node());
        layout.perspective().addListener((o, a, b) -> applyTypeSize());
        applyTypeSize();
    }

    public Parent root() {
        return root;
    }

    public ActionRegistry actions() {
        return actions;
    }

    public LayoutModel layout() {
        return layout;
    }

    /** The open instance of a view, or null. */
    public WorkbenchView view(String id) {
        return views.view(id);
    }

    // --- actions ----------------------------------------------------------------------------------

    /** Device > Inject fault...: asks for run --fault's words and arms them on the attached simulator. */
    private void injectFault() {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(FaultInjection.SUGGESTED);
        d.setTitle("Inject fault");
        // The help goes in the header, where it wraps; the field keeps the width to show what is typed.
        d.setHeaderText("Inject a fault into the simulator.\n" + FaultInjection.help());
        d.setContentText("Faults:");
        d.getEditor().setPrefColumnCount(30);
        d.getDialogPane().setPrefWidth(640);
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        d.showAndWait().ifPresent(spec -> session.message().set(FaultInjection.arm(session.controller().get(), spec)));
    }

    /** Run > Run on several devices...: the Workload view's workload on devices here and on agents, at once. */
    private void runOnSeveral() {
        // Attaching and running block for the whole run: a thread of their own, never the FX thread or a shared pool.
        java.util.concurrent.Executor background = r -> {
            Thread t = new Thread(r, "several-devices");
            t.setDaemon(true);
            t.start();
        };
        var vm = new org.nvmeworkbench.ui.view.several.SideBySideViewModel(session, selection, background,
                javafx.application.Platform::runLater);
        new org.nvmeworkbench.ui.view.several.SideBySideDialog(session, vm, background,
                root.getScene() == null ? null : root.getScene().getWindow()).show();
    }

    private void registerActions() {
        var attached = session.attached();
        var idle = Bindings.createBooleanBinding(() -> session.state().get() == ControllerState.IDLE, session.state());
        var running = Bindings.createBooleanBinding(() -> session.state().get() == ControllerState.RUNNING, session.state());
        var always = new SimpleBooleanProperty(true);
        // Open and Export first: File's toolbar buttons, then Device's.
        actions.add(new ActionSpec("file.open", "Open...", AppIcon.OPEN, "Shortcut+O", "File", true, always,
                opening::chooseFiles));
        actions.add(new ActionSpec("file.open-folder", "Open sweep folder...", AppIcon.OPEN, "Shortcut+Shift+O", "File",
                false, always, opening::chooseFolder));
        actions.add(new ActionSpec("file.export", "Export report...", AppIcon.EXPORT_REPORT, "Shortcut+E", "File", true,
                Bindings.isNotEmpty(session.runs()), this::openExport));
        actions.add(new ActionSpec("device.attach-sim", "Attach simulator (sim:tlc)", AppIcon.ATTACH, "Shortcut+D", "Device",
                true, session.attached().not(), () -> session.attach("sim:tlc")));
        actions.add(new ActionSpec("device.detach", "Detach", AppIcon.DETACH, null, "Device", true, attached,
                session::detach));
        actions.add(new ActionSpec("device.inject-fault", "Inject fault...", AppIcon.WARNING, null, "Device", false,
                Bindings.createBooleanBinding(() -> FaultInjection.possible(session.controller().get()), session.controller()),
                this::injectFault));
        actions.add(new ActionSpec("run.start", "Start workload", AppIcon.RUN, "Shortcut+R", "Run", true, idle,
                () -> session.run(session.draftSpec().get())));
        actions.add(new ActionSpec("run.stop", "Stop workload", AppIcon.STOP, "Shortcut+PERIOD", "Run", true, running,
                session::stop));
        actions.add(new ActionSpec("run.rerun", "Rerun last workload", AppIcon.RERUN, "Shortcut+Shift+R", "Run", true,
                Bindings.createBooleanBinding(() -> idle.get() && session.lastSpec().get() != null, idle, session.lastSpec()),
                session::rerun));
        actions.add(new ActionSpec("run.several", "Run on several devices...", AppIcon.RUN, null, "Run", false, always,
                this::runOnSeveral));
        actions.add(new ActionSpec("window.reset", "Reset perspective", AppIcon.RESET, null, "Window", true, always,
                layout::reset));
        actions.add(new ActionSpec("window.theme", "Toggle light/dark theme", AppIcon.THEME, "Shortcut+T", "Window", true,
                always, () -> setTheme(Theme.of(layout.theme().get()).other())));
        actions.add(new ActionSpec("file.exit", "Exit", AppIcon.CLOSE, "Shortcut+Q", "File", false, always,
                javafx.application.Platform::exit));
        for (ActionContribution c : plugins.actions()) {
            try {
                c.actions(session).forEach(actions::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Plugin actions " + c.id() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Opens view {@code id} where it belongs (if it is not open) and brings its tab to the front. */
    public void showView(String id) {
        views.bringToFront(id);
    }

    /** Opens results made anywhere (File > Open, a drop, file arguments); a sweep folder also shows in the Sweep view. */
    public java.util.concurrent.CompletableFuture<org.nvmeworkbench.core.resultfile.ResultListing> open(List<Path> paths) {
        return opening.open(paths);
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * File > Export: the runs selected in Runs (or the last run), a format and a file. The shared selection,
     * not the Runs view's table, so it is the same wherever Runs is, or whether it is open at all; oldest
     * first, as the comparison, since a report's first run is the baseline.
     */
    public ExportDialog openExport() {
        ExportViewModel vm = new ExportViewModel(session.runs(), selection.inHistoryOrder(), exporters, files,
                Path.of(System.getProperty("user.home")));
        if (exportDialog != null) {
            exportDialog.close();
        }
        exportDialog = new ExportDialog(vm);
        exportDialog.show(root.getScene() == null ? null : root.getScene().getWindow());
        return exportDialog;
    }

    /** The Export dialog opened last, or null. */
    public ExportDialog exportDialog() {
        return exportDialog;
    }

    public void setTheme(Theme t) {
        layout.theme().set(t.id());
        t.apply();
        save();
    }

    private MenuBar menuBar() {
        List<Menu> menus = ActionFactory.menus(actions.all());
        for (Menu m : menus) {
            if (m.getText().equals("Window")) {
                m.getItems().add(0, new SeparatorMenuItem());
                m.getItems().add(0, showViewMenu());
                m.getItems().add(0, perspectiveMenu());
            }
            if (m.getText().equals("Help")) {
                MenuItem about = new MenuItem("About NVMe Workbench");
                about.setOnAction(e -> session.message().set("NVMe Workbench: tune NVMe interrupt coalescing (Features 08h/09h) on a simulated or VFIO-attached controller."));
                m.getItems().add(about);
            }
        }
        MenuBar bar = new MenuBar();
        bar.getMenus().setAll(menus);
        return bar;
    }

    private Menu perspectiveMenu() {
        Menu m = new Menu("Perspective", Icons.node(AppIcon.PERSPECTIVE, 16));
        ToggleGroup g = new ToggleGroup();
        for (PerspectiveContribution p : layout.perspectives()) {
            RadioMenuItem i = new RadioMenuItem(p.title());
            i.setId("perspective-" + p.id());
            i.setToggleGroup(g);
            i.setSelected(p.id().equals(layout.perspective().get()));
            layout.perspective().addListener((o, a, b) -> i.setSelected(p.id().equals(b)));
            i.setOnAction(e -> layout.select(p.id()));
            m.getItems().add(i);
        }
        return m;
    }

    private Menu showViewMenu() {
        Menu m = new Menu("Show view", Icons.node(AppIcon.VIEW, 16));
        for (ViewContribution v : plugins.views()) {
            MenuItem i = new MenuItem(v.title(), Icons.node(v.icon(), 16));
            i.setId("show-" + v.id());
            i.setOnAction(e -> layout.open(v.id(), v.defaultArea()));
            m.getItems().add(i);
        }
        return m;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        String menu = null;
        for (ActionSpec a : actions.all()) {
            if (!a.toolbar()) {
                continue;
            }
            if (menu != null && !menu.equals(a.menu())) {
                bar.getItems().add(new Separator(Orientation.VERTICAL));
            }
            menu = a.menu();
            bar.getItems().add(ActionFactory.button(a));
        }
        return bar;
    }

    private void applyTypeSize() {
        PerspectiveContribution p = layout.activePerspective();
        Theme.scaleType(root, p == null ? 1.0 : p.fontScale());
    }

    /** Writes the layout; a failure is logged and said once, it never stops the window. */
    public void save() {
        if (store == null) {
            return;
        }
        try {
            store.save(layout.state());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the layout to " + store.file() + ": " + e.getMessage(), e);
        }
    }

    /** Closes every view (they unsubscribe). */
    public void dispose() {
        if (exportDialog != null) {
            exportDialog.close();
        }
        views.dispose();
        session.prompts().set(SafetyPrompts.UNATTENDED);
    }
}
