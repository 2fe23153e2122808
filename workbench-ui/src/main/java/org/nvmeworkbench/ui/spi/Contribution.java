package org.nvmeworkbench.ui.spi;

/**
 * Something a plugin adds to the workbench. Contributions of one kind are ordered by {@link #order()}
 * then {@link #id()}, so the order never depends on how the class path happens to be listed.
 */
public interface Contribution {

    /** Unique among contributions of its kind, e.g. {@code event-log}. */
    String id();

    /** Lower comes first; built-ins use multiples of 10 below 1000. */
    default int order() {
        return 1000;
    }
}
