package org.nvmeworkbench.ui.view.runs;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/**
 * What the Runs view, the Latency view and reports say about one run; {@link ComparisonTable} puts several
 * side by side.
 */
public final class RunComparison {
    private RunComparison() {
    }

    /** Interrupts taken per I/O completion; 0 when nothing completed. */
    public static double interruptsPerCompletion(RunRecord r) {
        if (!r.interruptsMeasured()) {
            return Double.NaN;
        }
        return r.totals().ios() == 0 ? 0 : (double) r.totals().interrupts() / r.totals().ios();
    }

    /** The coalescing in force as the device read it back, in words. */
    public static String coalescing(RunRecord r) {
        InterruptCoalescing c = r.features().interruptCoalescing();
        return c == null ? "not read back" : c.describe();
    }

    /** "#3 randread, THR 7 TIME 2" style label: position in the history and the coalescing read back. */
    public static String label(int index, RunRecord r) {
        var c = r.features().interruptCoalescing();
        if (!r.origin().readsFeatures()) {
            // A run from elsewhere (fio, an HdrHistogram log): what measured it and its file, not an 08h it never read.
            String file = r.origin().file().isEmpty() ? "" : " " + java.nio.file.Path.of(r.origin().file()).getFileName();
            return "#" + (index + 1) + " " + r.workload().rw() + ", " + r.origin().label() + file;
        }
        String coal = c == null ? "08h ?" : c.enabled() ? "THR " + c.threshold() + " TIME " + c.time() : "coalescing off";
        String host = r.origin().host().isEmpty() ? "" : " on " + r.origin().host();
        return "#" + (index + 1) + " " + r.workload().rw() + ", " + coal + host;
    }
}
