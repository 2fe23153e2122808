package org.nvmeworkbench.core.cli;

/**
 * Moved to {@link org.nvmeworkbench.core.fiojob.FioUnits}: the job-file importer needs fio's units and
 * must not depend on the command line above it. This forwarder keeps callers outside core.cli compiling
 * until they import the new home; it will be removed.
 *
 * @deprecated use {@link org.nvmeworkbench.core.fiojob.FioUnits}
 */
@Deprecated(forRemoval = true)
public final class FioUnits {
    private FioUnits() {
    }

    public static long parseSize(String text) {
        return org.nvmeworkbench.core.fiojob.FioUnits.parseSize(text);
    }

    public static long parseTimeNanos(String text) {
        return org.nvmeworkbench.core.fiojob.FioUnits.parseTimeNanos(text);
    }

    public static long parseInteger(String text) {
        return org.nvmeworkbench.core.fiojob.FioUnits.parseInteger(text);
    }

    public static String formatSize(long bytes) {
        return org.nvmeworkbench.core.fiojob.FioUnits.formatSize(bytes);
    }
}
