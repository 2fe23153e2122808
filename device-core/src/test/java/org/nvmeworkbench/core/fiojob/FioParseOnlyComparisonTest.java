package org.nvmeworkbench.core.fiojob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gives the corpus to fio 3.x itself ({@code fio --parse-only --debug=parse}, which prints each option's parsed
 * number as "handle_option=KEY ... ret=0, out=N") and compares fio's numbers with ours, key by key. Skipped
 * where fio is not installed (CI installs it).
 */
class FioParseOnlyComparisonTest {
    private static final Path CORPUS = Path.of("src/test/resources/fiojobs");
    private static final Map<String, String> ENV = Map.of("SIZE", "64m", "NUMJOBS", "4");
    private static final Set<String> COMPARED = Set.of("bs", "size", "io_size", "iodepth", "numjobs", "runtime", "offset",
            "number_ios", "rate", "rate_iops", "thinktime", "ramp_time", "startdelay", "rwmixread", "rwmixwrite");

    @ParameterizedTest
    @ValueSource(strings = {"howto-two-jobs.fio", "howto-random-writers.fio", "howto-including.fio", "howto-env.fio",
        "lab-latency.fio", "lab-units.fio", "lab-mixed.fio"})
    void fiosParsedSizesAndCountsAreOurs(String name) throws Exception {
        Path fio = Path.of("/usr/bin/fio");
        assumeTrue(Files.isExecutable(fio), "fio is not installed");
        Path file = CORPUS.resolve(name).toAbsolutePath();
        Map<String, Set<Long>> theirs = fioValues(fio, file);
        FioEnvironment env = new FioEnvironment(ENV, 4096, FioEnvironment.system().mbMemory(),
                FioEnvironment.system().ncpus());
        Map<String, Set<Long>> ours = new TreeMap<>();
        for (FioJob j : FioJobFile.read(file, env).jobs()) {
            j.values().forEach((k, v) -> ours.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
        }
        assertThat(theirs).as("fio parsed nothing from " + name).isNotEmpty();
        for (Map.Entry<String, Set<Long>> e : theirs.entrySet()) {
            assertThat(ours.getOrDefault(e.getKey(), Set.of())).as(name + ": " + e.getKey()).containsAll(e.getValue());
            if (!e.getKey().endsWith(".1")) {
                assertThat(e.getValue()).as(name + ": " + e.getKey() + " (ours beyond fio's)").containsAll(ours.get(e.getKey()));
            }
        }
    }

    /** KEY (KEY.1 for a second, write value) to the numbers fio parsed for it. */
    private static Map<String, Set<Long>> fioValues(Path fio, Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(fio.toString(), "--parse-only", "--debug=parse", file.getFileName().toString())
                .directory(file.getParent().toFile()).redirectErrorStream(true);
        pb.environment().putAll(ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, Set<Long>> values = new HashMap<>();
        String key = null;
        int part = -1;
        for (String line : out.split("\n")) {
            int h = line.indexOf(" handle_option=");
            int hh = line.indexOf("__handle_option=");
            if (h >= 0) {
                key = line.substring(h + " handle_option=".length(), line.indexOf(',', h));
                part = -1;
            } else if (hh >= 0) {
                part++;
            } else if (key != null && line.contains("ret=0, out=") && COMPARED.contains(key)) {
                long v = Long.parseUnsignedLong(line.substring(line.indexOf("out=") + 4).strip());
                values.computeIfAbsent(part > 0 ? key + ".1" : key, k -> new TreeSet<>()).add(v);
            }
        }
        return values;
    }
}
