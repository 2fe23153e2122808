package org.nvmeworkbench.core.fiojob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What fio substitutes into a job file (HOWTO, "Environment variables" and "Reserved keywords"):
 * {@code ${VARNAME}} from the environment (the empty string when unset), {@code $pagesize},
 * {@code $mb_memory} (megabytes of total memory) and {@code $ncpus} (online CPUs).
 *
 * @param variables the environment
 * @param pagesize  the architecture page size in bytes
 * @param mbMemory  total memory in MiB
 * @param ncpus     online CPUs
 */
public record FioEnvironment(Map<String, String> variables, long pagesize, long mbMemory, int ncpus) {
    public FioEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This machine's: System.getenv(), a 4 KiB page (x86-64 and arm64 Linux), /proc/meminfo's MemTotal. */
    public static FioEnvironment system() {
        return new FioEnvironment(System.getenv(), 4096, memoryMb(), Runtime.getRuntime().availableProcessors());
    }

    private static long memoryMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall back to what the JVM may use
        }
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
