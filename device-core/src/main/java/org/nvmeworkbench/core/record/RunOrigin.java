package org.nvmeworkbench.core.record;

import java.util.Objects;

/**
 * Where a run record came from: this workbench's own driver, or a file another tool wrote (design.md,
 * "Files from elsewhere"). What a source does not measure is absent from its record, never 0: fio and
 * an HdrHistogram log know nothing of interrupts, vectors or the features in force.
 *
 * @param source what measured the run
 * @param tool   the measuring tool and its version as the source gave them, e.g. {@code fio-3.33}
 * @param file   the file the record was opened from, or "" for a run made in this process
 * @param host   the host that ran it, or "" for this one
 */
public record RunOrigin(Source source, String tool, String file, String host) {

    /** What measured a run. */
    public enum Source {
        WORKBENCH("nvme-workbench", "NVMe Workbench"),
        FIO("fio", "fio"),
        HDR_HISTOGRAM("hdrhistogram", "HdrHistogram log");

        private final String key;
        private final String label;

        Source(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** The name in a saved record. */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Source ofKey(String key) {
            for (Source s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("the origin \"" + key + "\" is unknown");
        }
    }

    public RunOrigin {
        Objects.requireNonNull(source, "source");
        tool = tool == null ? "" : tool;
        file = file == null ? "" : file;
        host = host == null ? "" : host;
    }

    /** A run this workbench made here, now. */
    public static final RunOrigin WORKBENCH = new RunOrigin(Source.WORKBENCH, "", "", "");

    /** Whether the source counted interrupts, per vector, and their CPU cost: only the workbench's own driver does. */
    public boolean measuresInterrupts() {
        return source == Source.WORKBENCH;
    }

    /** Whether the features in force (08h/09h) were read back from the device. */
    public boolean readsFeatures() {
        return source == Source.WORKBENCH;
    }

    /** This origin with the file it was opened from. */
    public RunOrigin openedFrom(String path) {
        return new RunOrigin(source, tool, path, host);
    }

    /** A short label for lists, e.g. "fio" or "NVMe Workbench on lab7". */
    public String label() {
        String t = source == Source.WORKBENCH ? source.label() : tool.isEmpty() ? source.label() : tool;
        return host.isEmpty() ? t : t + " on " + host;
    }
}
