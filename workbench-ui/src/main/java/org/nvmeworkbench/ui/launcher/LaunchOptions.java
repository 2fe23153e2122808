package org.nvmeworkbench.ui.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The GUI's own options. Anything else on the command line is a headless command for the CLI.
 *
 * @param device      attach this device at start (e.g. sim:tlc), or null
 * @param perspective open this perspective, or null for the saved one
 * @param theme       light or dark, or null for the saved one
 * @param scenario    a scripted session to play at start (tuning-demo), or null
 * @param snapshot    write the window to this PNG after the scenario and exit, or null
 * @param files       results to open at start (run records, sweep folders, fio JSON, HdrHistogram logs)
 */
public record LaunchOptions(String device, String perspective, String theme, String scenario, Path snapshot,
                            List<Path> files) {

    /** The command line's own words: an argument that is one of these runs the CLI, even if a file has that name. */
    private static final List<String> COMMANDS = List.of("list", "identify", "get-feature", "set-feature", "run", "bench",
            "sweep", "report", "agent");

    public LaunchOptions {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public LaunchOptions(String device, String perspective, String theme, String scenario, Path snapshot) {
        this(device, perspective, theme, scenario, snapshot, List.of());
    }

    /** Whether {@code arg} names a result to open in the window rather than a command. */
    public static boolean isFile(String arg) {
        return !arg.startsWith("-") && !COMMANDS.contains(arg) && java.nio.file.Files.exists(Path.of(arg));
    }
    private static final List<String> NAMES = List.of("--device", "--perspective", "--theme", "--scenario", "--snapshot");

    /** The options when {@code args} holds only GUI options; empty when the CLI should handle them. */
    public static Optional<LaunchOptions> parse(String... args) {
        String[] v = new String[NAMES.size()];
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (isFile(a)) {
                files.add(Path.of(a));
                continue;
            }
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            int k = NAMES.indexOf(name);
            if (k < 0) {
                return Optional.empty();
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                value = args[++i];
            }
            v[k] = value;
        }
        if (v[2] != null && !v[2].equals("light") && !v[2].equals("dark")) {
            return Optional.empty();
        }
        return Optional.of(new LaunchOptions(v[0], v[1], v[2], v[3], v[4] == null ? null : Path.of(v[4]), files));
    }
}
