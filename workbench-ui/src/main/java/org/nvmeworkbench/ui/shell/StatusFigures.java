package org.nvmeworkbench.ui.shell;

import java.util.Locale;

import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;

/**
 * The status bar's live figures in words: IOPS, p99 and interrupts per second of the running workload, or
 * dashes. Until the run has published its first slice of figures there is no IOPS yet, and an interrupt
 * rate beside "IOPS 0" read as a device signalling without completing anything: both wait for that slice.
 *
 * @param iops       e.g. "IOPS 412,000"
 * @param p99        e.g. "p99 81.3 us"
 * @param interrupts e.g. "interrupts/s 51,500"
 */
record StatusFigures(String iops, String p99, String interrupts) {
    static final StatusFigures NONE = new StatusFigures("IOPS -", "p99 -", "interrupts/s -");
    static final StatusFigures MEASURING = new StatusFigures("IOPS ...", "p99 ...", "interrupts/s ...");

    static StatusFigures of(TelemetrySnapshot s, boolean running) {
        if (s == null || !running) {
            return NONE;
        }
        if (s.totalIos() == 0 || s.iops() <= 0) {
            return MEASURING;
        }
        double rate = 0;
        for (VectorSnapshot v : s.vectors()) {
            if (v.iv() != 0) {
                rate += v.ratePerSecond();
            }
        }
        return new StatusFigures(String.format(Locale.ROOT, "IOPS %,.0f", s.iops()),
                s.p99Nanos() == 0 ? "p99 -" : String.format(Locale.ROOT, "p99 %.1f us", s.p99Nanos() / 1e3),
                String.format(Locale.ROOT, "interrupts/s %,.0f", rate));
    }
}
