package org.nvmeworkbench.core.workload;

/** The workbench version recorded in every run, from the jar's manifest when there is one. */
public final class ToolVersion {
    private ToolVersion() {
    }

    public static final String FALLBACK = "0.1.0-SNAPSHOT";

    public static String get() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK : v;
    }
}
