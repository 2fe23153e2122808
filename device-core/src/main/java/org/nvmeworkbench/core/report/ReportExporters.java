package org.nvmeworkbench.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.plugin.PluginFolder;

/**
 * The report exporters on the class path (or a plugin class loader), ordered by format id. A provider
 * that cannot be loaded, or whose id is blank or taken, is logged, listed in {@link #problems()} and
 * skipped: one broken plugin never takes the other formats down.
 */
public final class ReportExporters {
    private static final Logger LOG = Logger.getLogger(ReportExporters.class.getName());

    private final List<ReportExporter> exporters;
    private final List<String> problems;

    public ReportExporters(List<ReportExporter> exporters, List<String> problems) {
        this.exporters = List.copyOf(exporters);
        this.problems = List.copyOf(problems);
    }

    public static ReportExporters load() {
        return load(ReportExporters.class.getClassLoader());
    }

    /**
     * What the CLI offers: the class path's formats and those of the jars in the user's plugin folder
     * ({@link PluginFolder#defaultDir()}), the class path first so a plugin cannot take over a built-in
     * format. A jar that cannot be read is one of {@link #problems()}.
     */
    public static ReportExporters installed() {
        PluginFolder folder = PluginFolder.open(ReportExporters.class.getClassLoader(), PluginFolder.defaultDir());
        ReportExporters found = load(folder.loader());
        List<String> problems = new ArrayList<>();
        for (PluginFolder.Problem p : folder.problems()) {
            problems.add("The plugin " + p.file() + " was skipped: " + p.why());
        }
        problems.addAll(found.problems);
        return new ReportExporters(found.exporters, problems);
    }

    public static ReportExporters load(ClassLoader loader) {
        return of(ServiceLoader.load(ReportExporter.class, loader).iterator());
    }

    /** Registers what {@code providers} yields, surviving providers that throw while loading or naming themselves. */
    static ReportExporters of(Iterator<ReportExporter> providers) {
        List<ReportExporter> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (true) {
            ReportExporter e;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                e = providers.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError err) {
                problem(problems, "A report exporter could not be loaded: " + err.getMessage(), err);
                continue;
            }
            String id;
            try {
                id = e.formatId();
            } catch (RuntimeException | LinkageError err) {
                problem(problems, "The report exporter " + e.getClass().getName() + " failed to name its format.", err);
                continue;
            }
            if (id == null || id.isBlank()) {
                problem(problems, "The report exporter " + e.getClass().getName() + " has no format id.", null);
            } else if (ids.contains(id.toLowerCase(Locale.ROOT))) {
                problem(problems, "The report exporter " + e.getClass().getName() + " offers the format '" + id
                        + "', which another exporter already provides; it was skipped.", null);
            } else {
                ids.add(id.toLowerCase(Locale.ROOT));
                found.add(e);
            }
        }
        found.sort(Comparator.comparing(ReportExporter::formatId));
        return new ReportExporters(found, problems);
    }

    private static void problem(List<String> problems, String sentence, Throwable cause) {
        problems.add(sentence);
        LOG.log(Level.WARNING, sentence, cause);
    }

    public List<ReportExporter> all() {
        return exporters;
    }

    /** What went wrong while loading, one sentence per provider, for a Plugins view. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** The exporter of {@code formatId} (case-insensitive). */
    public Optional<ReportExporter> find(String formatId) {
        for (ReportExporter e : exporters) {
            if (e.formatId().equalsIgnoreCase(formatId)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** "csv, fio-json, ..." for messages. */
    public String ids() {
        List<String> ids = new ArrayList<>();
        for (ReportExporter e : exporters) {
            ids.add(e.formatId());
        }
        return String.join(", ", ids);
    }
}
