package org.nvmeworkbench.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.lab.LabSession;
import org.nvmeworkbench.ui.lab.LabViews;
import org.nvmeworkbench.ui.perspective.BuiltInPerspective;
import org.nvmeworkbench.ui.perspective.LayoutModel;
import org.nvmeworkbench.ui.perspective.LayoutStore;
import org.nvmeworkbench.ui.plugin.PluginRegistry;
import org.nvmeworkbench.ui.session.TelemetrySampler;
import org.nvmeworkbench.ui.session.ResultOpener;
import org.nvmeworkbench.ui.session.AddedAgents;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.Contribution;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.task.FxTaskExecutor;
import org.nvmeworkbench.ui.view.BuiltInView;
import org.nvmeworkbench.ui.view.coalescing.CoalescingView;
import org.nvmeworkbench.ui.view.controller.ControllerView;
import org.nvmeworkbench.ui.view.devices.DevicesView;
import org.nvmeworkbench.ui.view.latency.LatencyView;
import org.nvmeworkbench.ui.view.plugins.PluginsView;
import org.nvmeworkbench.ui.frame.FramePump;
import org.nvmeworkbench.ui.task.LabWork;
import org.nvmeworkbench.ui.view.rings.QueueRingsView;
import org.nvmeworkbench.ui.view.runs.RunSelection;
import org.nvmeworkbench.ui.view.runs.RunsView;
import org.nvmeworkbench.ui.view.sweep.SweepView;
import org.nvmeworkbench.ui.view.tasks.TasksView;
import org.nvmeworkbench.ui.view.vectors.VectorsView;
import org.nvmeworkbench.ui.view.workload.WorkloadView;

/**
 * Puts the workbench together: session, executor, sampler, plugin registry (built-ins plus
 * ServiceLoader), layout restored from {@code home/layout.json}. Tests build one on a temp home.
 */
public final class WorkbenchAssembly {
    private final Path home;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    /** Exports render and write here, so a report never waits behind a run or a sweep on the device thread. */
    private final FxTaskExecutor files = new FxTaskExecutor();
    private final ResultOpener opener;
    private final WorkbenchSession session;
    /** The runs selected in Runs, shared by the views (Latency) and File > Export. */
    private final RunSelection selection;
    private final TelemetrySampler sampler;
    private final PluginRegistry plugins;
    private final LayoutModel layout;
    private final LayoutStore store;
    /** What was wrong with the state files at start (set aside), for the status bar once the window is up. */
    private final List<String> stateNotices = new ArrayList<>();
    /** The window's one frame clock: the telemetry sampler and the Lab draw on it. */
    private final FramePump pump = new FramePump();
    private final LabSession lab = new LabSession(pump, LabWork.shared());
    private Workbench workbench;

    /** @param home the user's workbench folder, e.g. ~/.nvme-workbench */
    public WorkbenchAssembly(Path home) {
        this.home = home;
        session = new WorkbenchSession(DeviceCatalog.load(), executor, home.resolve("runs"));
        session.useAgents(new AddedAgents(home));
        selection = new RunSelection(session.runs());
        opener = new ResultOpener(session, files);
        sampler = new TelemetrySampler(session, pump);
        PluginRegistry[] self = new PluginRegistry[1];
        List<Contribution> builtIns = new ArrayList<>(builtInViews(session, selection, opener, executor, files, () -> self[0]));
        builtIns.addAll(LabViews.contributions(lab));
        builtIns.addAll(BuiltInPerspective.all());
        plugins = PluginRegistry.load(builtIns, WorkbenchAssembly.class.getClassLoader(), home.resolve("plugins"));
        self[0] = plugins;
        Set<String> ids = new HashSet<>();
        for (ViewContribution v : plugins.views()) {
            ids.add(v.id());
        }
        layout = new LayoutModel(plugins.perspectives(), ids);
        store = new LayoutStore(home.resolve("layout.json"));
        store.load().ifPresent(layout::restore);
        if (store.problem() != null) {
            stateNotices.add(store.problem());
        }
        List<String> skipped = session.core().history().skipped();
        if (!skipped.isEmpty()) {
            // Said in the window, not only in a log nobody reads: the Runs view is missing these.
            stateNotices.add(skipped.size() + " saved run(s) could not be read and are not in Runs; the first: " + skipped.get(0));
        }
        lab.setOnScreen(() -> "lab".equals(layout.perspective().get()));
    }

    static List<ViewContribution> builtInViews(WorkbenchSession s, RunSelection selection, ResultOpener opener, FxTaskExecutor ex, FxTaskExecutor files,
                                               java.util.function.Supplier<PluginRegistry> registry) {
        return List.of(
                new BuiltInView("devices", "Devices", AppIcon.DEVICE, Area.LEFT, 10, c -> new DevicesView(s)),
                new BuiltInView("controller", "Controller", AppIcon.CONTROLLER, Area.LEFT, 20, c -> new ControllerView(s)),
                new BuiltInView("workload", "Workload", AppIcon.WORKLOAD, Area.RIGHT, 30, c -> new WorkloadView(s)),
                new BuiltInView("coalescing", "Coalescing", AppIcon.COALESCING, Area.RIGHT, 40, c -> new CoalescingView(s)),
                new BuiltInView("vectors", "MSI-X Vectors", AppIcon.VECTORS, Area.CENTER, 50, c -> new VectorsView(s)),
                new BuiltInView("rings", "Queue Rings", AppIcon.RINGS, Area.CENTER, 60, c -> new QueueRingsView(s)),
                new BuiltInView("latency", "Latency", AppIcon.LATENCY, Area.CENTER, 70, c -> new LatencyView(s.runs(), selection, s.runSoFar())),
                new BuiltInView("sweep", "Sweep", AppIcon.SWEEP, Area.CENTER, 75, c -> new SweepView(s, opener.openedSweep())),
                new BuiltInView("runs", "Runs", AppIcon.RUNS, Area.BOTTOM, 80, c -> new RunsView(s, selection)),
                new BuiltInView("tasks", "Tasks", AppIcon.REFRESH, Area.BOTTOM, 90, c -> new TasksView(ex, files)),
                new BuiltInView("plugins", "Plugins", AppIcon.PLUGIN, Area.BOTTOM, 100, c -> new PluginsView(registry.get())));
    }

    /** Builds the window's contents; call on the FX thread. Starts the sampler. */
    public Workbench workbench() {
        if (workbench == null) {
            // The registry's exporters: the class path's and the plugin folder's, so a plugin's format is offered.
            workbench = new Workbench(session, selection, opener, plugins, layout, store, files, plugins.exporters());
            sampler.start();
        }
        return workbench;
    }

    public Path home() { return home; }
    public List<String> stateNotices() { return stateNotices; }
    public WorkbenchSession session() { return session; }
    public RunSelection runSelection() { return selection; }
    public ResultOpener opener() { return opener; }
    public TelemetrySampler sampler() { return sampler; }
    public PluginRegistry plugins() { return plugins; }
    public LayoutModel layout() { return layout; }
    public FxTaskExecutor executor() { return executor; }
    public LabSession lab() { return lab; }
    public FramePump pump() { return pump; }

    /** Stops sampling, closes the views, detaches the device. */
    public void shutdown() {
        sampler.stop();
        if (workbench != null) {
            workbench.save();
            workbench.dispose();
        }
        lab.unload();
        pump.stop();
        session.detach();
        files.shutdown();
    }
}
