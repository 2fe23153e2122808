package org.nvmeworkbench.core.sweep;

/** Follows a sweep; called on the sweep's thread, so return quickly (a UI hands it over to its own thread). */
@FunctionalInterface
public interface SweepListener {
    SweepListener NONE = (done, total, point) -> { };

    /** Point {@code done} of {@code total} finished (1-based). */
    void pointFinished(int done, int total, SweepPoint point);
}
