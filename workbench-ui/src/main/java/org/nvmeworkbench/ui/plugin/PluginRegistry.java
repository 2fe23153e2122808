package org.nvmeworkbench.ui.plugin;

import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.plugin.PluginFolder;
import org.nvmeworkbench.core.report.ReportExporter;
import org.nvmeworkbench.core.report.ReportExporters;
import org.nvmeworkbench.ui.spi.ActionContribution;
import org.nvmeworkbench.ui.spi.Contribution;
import org.nvmeworkbench.ui.spi.PerspectiveContribution;
import org.nvmeworkbench.ui.spi.TuningAdvisor;
import org.nvmeworkbench.ui.spi.ViewContribution;

/**
 * Every contribution the workbench uses: the built-ins plus what {@link ServiceLoader} finds on the
 * class path and in the jars of the user's plugin folder, including core's report exporters, so a
 * plugin's format reaches File > Export. A provider that fails to load, throws, or reuses an id is
 * logged, listed in {@link #problems()} and skipped; the rest carry on. Each workbench kind is ordered
 * by order() then id; the exporters by format id.
 */
public final class PluginRegistry {
    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());

    private final List<ViewContribution> views;
    private final List<PerspectiveContribution> perspectives;
    private final List<ActionContribution> actions;
    private final List<TuningAdvisor> advisors;
    private final ReportExporters exporters;
    private final List<LoadedContribution> loaded = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    private PluginRegistry(ClassLoader loader, List<? extends Contribution> builtIns) {
        views = collect(ViewContribution.class, loader, builtIns);
        perspectives = collect(PerspectiveContribution.class, loader, builtIns);
        actions = collect(ActionContribution.class, loader, builtIns);
        advisors = collect(TuningAdvisor.class, loader, builtIns);
        exporters = collectExporters(loader);
    }

    /** Loads from {@code parent}'s class path and from the jars in {@code pluginDir} (which may be absent). */
    public static PluginRegistry load(List<? extends Contribution> builtIns, ClassLoader parent, Path pluginDir) {
        List<PluginProblem> early = new ArrayList<>();
        PluginFolder folder = PluginFolder.open(parent, pluginDir);
        for (PluginFolder.Problem p : folder.problems()) {
            early.add(new PluginProblem("plugin folder", p.file(), p.why()));
        }
        ClassLoader loader = folder.loader();
        PluginRegistry r = new PluginRegistry(loader, builtIns);
        r.problems.addAll(0, early);
        return r;
    }

    public List<ViewContribution> views() { return views; }
    public List<PerspectiveContribution> perspectives() { return perspectives; }
    public List<ActionContribution> actions() { return actions; }
    public List<TuningAdvisor> advisors() { return advisors; }
    /** The report formats of the class path and the plugin folder, for File > Export. */
    public ReportExporters exporters() { return exporters; }
    public List<LoadedContribution> loaded() { return List.copyOf(loaded); }
    public List<PluginProblem> problems() { return List.copyOf(problems); }

    public ViewContribution view(String id) {
        for (ViewContribution v : views) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        return null;
    }

    public PerspectiveContribution perspective(String id) {
        for (PerspectiveContribution p : perspectives) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private <T extends Contribution> List<T> collect(Class<T> type, ClassLoader loader, List<? extends Contribution> builtIns) {
        String point = type.getSimpleName();
        List<T> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Contribution c : builtIns) {
            if (type.isInstance(c)) {
                add(type.cast(c), "built-in", point, found, ids);
            }
        }
        for (T next : providers(type, loader)) {
            add(next, sourceOf(next.getClass()), point, found, ids);
        }
        found.sort(Comparator.comparingInt((T c) -> safeOrder(c)).thenComparing(c -> safeId(c)));
        return List.copyOf(found);
    }

    /** What ServiceLoader yields for {@code type}; a provider that cannot be loaded is a problem, not an end. */
    private <T> List<T> providers(Class<T> type, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                reject(type.getSimpleName(), providerOf(e), "it could not be loaded: " + rootMessage(e), e);
            }
        }
        return found;
    }

    /**
     * Core's report-exporter extension point, read through the same class loader as the workbench's, so
     * a format in a plugin-folder jar is offered with the built-in ones. Format ids are unique regardless
     * of case (as {@code report --format} matches them); the class path comes first, so a plugin cannot
     * take over a built-in format.
     */
    private ReportExporters collectExporters(ClassLoader loader) {
        String point = ReportExporter.class.getSimpleName();
        int before = problems.size();
        Map<String, ReportExporter> byId = new TreeMap<>();
        for (ReportExporter e : providers(ReportExporter.class, loader)) {
            String id;
            String extension;
            try {
                id = e.formatId();
                extension = e.fileExtension();
                e.description();
                e.binary();
            } catch (RuntimeException | LinkageError x) {
                reject(point, e.getClass().getName(), "it failed to describe its format: " + rootMessage(x), x);
                continue;
            }
            if (id == null || id.isBlank()) {
                reject(point, e.getClass().getName(), "it has no format id.", null);
            } else if (extension == null || extension.isBlank()) {
                reject(point, e.getClass().getName(), "its format '" + id + "' has no file extension.", null);
            } else if (byId.containsKey(id.toLowerCase(Locale.ROOT))) {
                reject(point, e.getClass().getName(), "the format '" + id + "' is already offered by another " + point + ".", null);
            } else {
                byId.put(id.toLowerCase(Locale.ROOT), e);
                loaded.add(new LoadedContribution(point, id, sourceOf(e.getClass())));
            }
        }
        List<String> said = new ArrayList<>();
        for (PluginProblem p : problems.subList(before, problems.size())) {
            said.add(p.provider() + ": " + p.why());
        }
        return new ReportExporters(new ArrayList<>(byId.values()), said);
    }

    private <T extends Contribution> void add(T c, String source, String point, List<T> found, Set<String> ids) {
        String id;
        try {
            id = c.id();
            c.order();
        } catch (RuntimeException | LinkageError e) {
            reject(point, c.getClass().getName(), "it failed to say its id: " + rootMessage(e), e);
            return;
        }
        if (id == null || id.isBlank()) {
            reject(point, c.getClass().getName(), "it has no id.", null);
            return;
        }
        if (!ids.add(id)) {
            reject(point, c.getClass().getName(), "the id '" + id + "' is already taken by another " + point + ".", null);
            return;
        }
        found.add(c);
        loaded.add(new LoadedContribution(point, id, source));
    }

    private void reject(String point, String provider, String why, Throwable e) {
        String sentence = why.endsWith(".") ? why : why + ".";
        problems.add(new PluginProblem(point, provider, sentence));
        LOG.log(Level.WARNING, "Plugin " + provider + " (" + point + ") was skipped: " + sentence, e);
    }

    private static int safeOrder(Contribution c) {
        try {
            return c.order();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String safeId(Contribution c) {
        try {
            return c.id();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String sourceOf(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "class path";
        }
        String path = cs.getLocation().getPath();
        int slash = path.lastIndexOf('/', path.length() - 2);
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    private static String providerOf(Throwable e) {
        String m = e.getMessage();
        if (m != null && m.contains(": Provider ")) {
            String rest = m.substring(m.indexOf(": Provider ") + 11);
            int space = rest.indexOf(' ');
            return space > 0 ? rest.substring(0, space) : rest;
        }
        return "unknown provider";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
