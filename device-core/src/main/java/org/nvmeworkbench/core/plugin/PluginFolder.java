package org.nvmeworkbench.core.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The jars of the user's plugin folder as one class loader over the application's, for ServiceLoader:
 * the workbench's plugin registry and the CLI's report formats read the same jars the same way. A file
 * that is not a readable jar is named in {@link #problems()} instead of being skipped without a word
 * (as URLClassLoader would), so a truncated download does not simply vanish.
 */
public final class PluginFolder {
    /** A jar, or the folder, that could not be used, and why, in one sentence. */
    public record Problem(String file, String why) {
    }

    private final ClassLoader loader;
    private final List<Problem> problems;

    private PluginFolder(ClassLoader loader, List<Problem> problems) {
        this.loader = loader;
        this.problems = List.copyOf(problems);
    }

    /** The plugins folder of the user's workbench home ({@link WorkbenchHome}). */
    public static Path defaultDir() {
        return WorkbenchHome.path().resolve("plugins");
    }

    /** {@code parent} plus the readable jars of {@code dir} (absent or null: just {@code parent}). */
    public static PluginFolder open(ClassLoader parent, Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return new PluginFolder(parent, problems);
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                String unreadable = unreadable(jar);
                if (unreadable != null) {
                    problems.add(new Problem(jar.getFileName().toString(), unreadable));
                    continue;
                }
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    problems.add(new Problem(jar.toString(), "its path cannot be loaded."));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), "it could not be read: " + e.getMessage() + "."));
        }
        ClassLoader loader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(new URL[0]), parent);
        return new PluginFolder(loader, problems);
    }

    public ClassLoader loader() {
        return loader;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String unreadable(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return null;
        } catch (IOException | SecurityException e) {
            return "it is not a readable jar (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "), so it was not loaded.";
        }
    }
}
