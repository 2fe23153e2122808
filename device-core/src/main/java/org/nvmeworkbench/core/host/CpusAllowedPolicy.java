package org.nvmeworkbench.core.host;

import java.util.Locale;

/**
 * fio's {@code cpus_allowed_policy}: "shared: all jobs will share the CPU set specified; split: each job will
 * get a unique CPU from the CPU set" (fio HOWTO; with more jobs than CPUs, split goes round the set again).
 * Here a job is a queue pair with its reaping thread.
 */
public enum CpusAllowedPolicy {
    SHARED, SPLIT;

    public String fioName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** fio's word; anything else is one sentence. */
    public static CpusAllowedPolicy parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (CpusAllowedPolicy p : values()) {
            if (p.fioName().equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("cpus_allowed_policy=" + (text == null ? "" : text.strip())
                + " is not shared or split.");
    }
}
