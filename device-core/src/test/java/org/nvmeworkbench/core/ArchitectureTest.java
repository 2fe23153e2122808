package org.nvmeworkbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of device-core only point down (design.md, "Modules"): cli/session -> workload -> driver ->
 * pci <- (sim | vfio); spec is used by all. Checked on the source text, so it needs no extra library:
 * imports and fully qualified names in code (comments and string literals are ignored).
 */
class ArchitectureTest {
    private static final String BASE = "org.nvmeworkbench.core.";
    private static final Path SOURCES = Path.of("src/main/java");

    /** A package may not reference these packages (prefixes of fully qualified names). */
    private static final Map<String, Set<String>> FORBIDDEN = forbidden();

    private static Map<String, Set<String>> forbidden() {
        Map<String, Set<String>> m = new TreeMap<>();
        Set<String> upper = Set.of(BASE + "cli", BASE + "session", BASE + "report");
        Set<String> backends = Set.of(BASE + "sim", BASE + "vfio");
        // The driver and what runs on it see only the seam, never a backend behind it.
        m.put("driver", union(backends, upper, Set.of(BASE + "workload")));
        m.put("workload", union(backends, upper));
        m.put("telemetry", union(backends, upper, Set.of(BASE + "driver", BASE + "workload")));
        // Backends implement the seam; they may not reach up into the driver or the workloads.
        m.put("sim", union(upper, Set.of(BASE + "driver", BASE + "workload", BASE + "vfio")));
        m.put("vfio", union(upper, Set.of(BASE + "driver", BASE + "workload", BASE + "sim")));
        m.put("pci", union(backends, upper, Set.of(BASE + "driver", BASE + "workload", BASE + "device", BASE + "telemetry")));
        m.put("device", union(backends, upper, Set.of(BASE + "driver", BASE + "workload")));
        // Pure functions used by all: depends on no other package of the core.
        m.put("spec", union(backends, upper, Set.of(BASE + "driver", BASE + "workload", BASE + "pci", BASE + "device",
                BASE + "telemetry")));
        return m;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** Every rule broken by {@code sources} (path relative to src/main/java -> text), one line each. */
    static List<String> violations(Map<String, String> sources) {
        List<String> out = new ArrayList<>();
        Pattern qualified = Pattern.compile("\\b(javafx\\.[\\w.]+|org\\.nvmeworkbench\\.core\\.\\w+)");
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String path = e.getKey().replace('\\', '/');
            String pkg = corePackage(path);
            Matcher m = qualified.matcher(code(e.getValue()));
            Set<String> seen = new java.util.TreeSet<>();
            while (m.find()) {
                String ref = m.group(1);
                if (ref.startsWith("javafx.")) {
                    seen.add(path + " uses " + ref + ": device-core must never depend on JavaFX");
                    continue;
                }
                Set<String> banned = pkg == null ? Set.of() : FORBIDDEN.getOrDefault(pkg, Set.of());
                for (String b : banned) {
                    if (ref.equals(b)) {
                        seen.add(path + " uses " + ref + ": core." + pkg + " may not depend on "
                                + b.substring(BASE.length() - 5));
                    }
                }
            }
            out.addAll(seen);
        }
        return out;
    }

    /** "driver" for org/nvmeworkbench/core/driver/X.java; null outside core. */
    private static String corePackage(String path) {
        String prefix = "org/nvmeworkbench/core/";
        int i = path.indexOf(prefix);
        if (i < 0) {
            return null;
        }
        String rest = path.substring(i + prefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }

    /** The source without comments, string and char literals, so a mention in javadoc is not a dependency. */
    static String code(String src) {
        StringBuilder sb = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                sb.append(' ');
            } else if (c == '"' || c == '\'') {
                boolean block = c == '"' && src.startsWith("\"\"\"", i);
                if (block) {
                    int end = src.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? n : end + 3;
                } else {
                    i++;
                    while (i < n && src.charAt(i) != c && src.charAt(i) != '\n') {
                        i += src.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                }
                sb.append("\"\"");
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static Map<String, String> mainSources() throws IOException {
        assertThat(SOURCES).as("run from the device-core module directory").isDirectory();
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                out.put(SOURCES.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void layersOnlyPointDownAndNothingUsesJavaFx() throws IOException {
        Map<String, String> sources = mainSources();
        assertThat(sources).as("the scan found the sources").hasSizeGreaterThan(20)
                .containsKey("org/nvmeworkbench/core/pci/PciFunction.java");
        assertThat(violations(sources)).isEmpty();
    }

    @Test
    void theScannerCatchesJavaFxAndBackendImports() {
        Map<String, String> sample = new TreeMap<>();
        sample.put("org/nvmeworkbench/core/spec/Ui.java", "package org.nvmeworkbench.core.spec;\nimport javafx.scene.Node;\nclass Ui {}\n");
        sample.put("org/nvmeworkbench/core/driver/Cheat.java",
                "package org.nvmeworkbench.core.driver;\nimport org.nvmeworkbench.core.sim.SimulatedController;\nclass Cheat {}\n");
        sample.put("org/nvmeworkbench/core/workload/Fq.java",
                "package org.nvmeworkbench.core.workload;\nclass Fq { Object o = new org.nvmeworkbench.core.vfio.VfioDevice(); }\n");
        sample.put("org/nvmeworkbench/core/workload/Up.java",
                "package org.nvmeworkbench.core.workload;\nimport static org.nvmeworkbench.core.cli.Main.execute;\nclass Up {}\n");
        assertThat(violations(sample)).containsExactly(
                "org/nvmeworkbench/core/driver/Cheat.java uses org.nvmeworkbench.core.sim: core.driver may not depend on core.sim",
                "org/nvmeworkbench/core/spec/Ui.java uses javafx.scene.Node: device-core must never depend on JavaFX",
                "org/nvmeworkbench/core/workload/Fq.java uses org.nvmeworkbench.core.vfio: core.workload may not depend on core.vfio",
                "org/nvmeworkbench/core/workload/Up.java uses org.nvmeworkbench.core.cli: core.workload may not depend on core.cli");
    }

    @Test
    void mentionsInCommentsAndStringsAreNotDependencies() {
        Map<String, String> sample = Map.of("org/nvmeworkbench/core/driver/Doc.java",
                "package org.nvmeworkbench.core.driver;\n/** Unlike {@link org.nvmeworkbench.core.sim.SimulatedController}, javafx.x */\n"
                        + "class Doc { // org.nvmeworkbench.core.vfio\n String s = \"org.nvmeworkbench.core.sim.X\"; char c = '\"'; }\n");
        assertThat(violations(sample)).isEmpty();
    }

    @Test
    void upperLayersMayUseTheBackendsSeamFreeLayersMayNot() {
        Map<String, String> sample = Map.of("org/nvmeworkbench/core/cli/Open.java",
                "package org.nvmeworkbench.core.cli;\nimport org.nvmeworkbench.core.sim.SimulatedController;\n",
                "org/nvmeworkbench/core/sim/Back.java",
                "package org.nvmeworkbench.core.sim;\nimport org.nvmeworkbench.core.driver.NvmeController;\n");
        assertThat(violations(sample)).containsExactly(
                "org/nvmeworkbench/core/sim/Back.java uses org.nvmeworkbench.core.driver: core.sim may not depend on core.driver");
    }
}
