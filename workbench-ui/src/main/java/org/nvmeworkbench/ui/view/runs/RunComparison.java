package org.nvmeworkbench.ui.view.runs;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.session.RunRecord;
import org.nvmeworkbench.core.session.WorkloadSettings;
import org.nvmeworkbench.core.spec.InterruptCoalescing;

/** Two runs side by side: which settings differ, and how the figures moved from the first to the second. */
public final class RunComparison {
    private RunComparison() {
    }

    /** Interrupts taken per I/O completion; 0 when nothing completed. */
    public static double interruptsPerCompletion(RunRecord r) {
        return r.totals().ios() == 0 ? 0 : (double) r.totals().interrupts() / r.totals().ios();
    }

    /** The coalescing in force as the device read it back, in words. */
    public static String coalescing(RunRecord r) {
        InterruptCoalescing c = r.features().interruptCoalescing();
        return c == null ? "not read back" : c.describe();
    }

    /** Lines naming each setting that differs, "setting: a -> b"; one line saying so when none does. */
    public static List<String> settingsDiff(RunRecord a, RunRecord b) {
        List<String> d = new ArrayList<>();
        WorkloadSettings x = a.workload();
        WorkloadSettings y = b.workload();
        diff(d, "device", a.device().spec(), b.device().spec());
        diff(d, "coalescing (read back)", coalescing(a), coalescing(b));
        diff(d, "CD vectors", x.cdVectors().toString(), y.cdVectors().toString());
        diff(d, "rw", x.rw(), y.rw());
        diff(d, "bs", Integer.toString(x.blockSize()), Integer.toString(y.blockSize()));
        diff(d, "iodepth", Integer.toString(x.iodepth()), Integer.toString(y.iodepth()));
        diff(d, "queues", Integer.toString(x.queues()), Integer.toString(y.queues()));
        diff(d, "runtime", x.runtimeNanos() / 1_000_000 + " ms", y.runtimeNanos() / 1_000_000 + " ms");
        diff(d, "ios limit", Long.toString(x.ios()), Long.toString(y.ios()));
        diff(d, "seed", Long.toString(a.seed()), Long.toString(b.seed()));
        if (d.isEmpty()) {
            d.add("Same settings: any difference below comes from the device, not the configuration.");
        }
        return d;
    }

    /** The figures of both runs and the change, one line each. */
    public static List<String> deltas(RunRecord a, RunRecord b) {
        List<String> d = new ArrayList<>();
        d.add(line("interrupts / completion", interruptsPerCompletion(a), interruptsPerCompletion(b), "%.3f"));
        d.add(line("completions / interrupt", a.completionsPerInterrupt(), b.completionsPerInterrupt(), "%.2f"));
        d.add(line("interrupts", a.totals().interrupts(), b.totals().interrupts(), "%,.0f"));
        d.add(line("completions", a.totals().ios(), b.totals().ios(), "%,.0f"));
        d.add(line("IOPS", a.iops(), b.iops(), "%,.0f"));
        d.add(line("p50 latency (us)", a.latency().valueAtPercentile(50) / 1e3, b.latency().valueAtPercentile(50) / 1e3, "%.1f"));
        d.add(line("p99 latency (us)", a.latency().valueAtPercentile(99) / 1e3, b.latency().valueAtPercentile(99) / 1e3, "%.1f"));
        d.add(line("host CPU on interrupts (%)", a.hostIrqCpuPct(), b.hostIrqCpuPct(), "%.2f"));
        return d;
    }

    private static void diff(List<String> d, String name, String a, String b) {
        if (!a.equals(b)) {
            d.add(name + ": " + a + " -> " + b);
        }
    }

    private static String line(String name, double a, double b, String fmt) {
        String change = a == 0 ? "" : String.format(" (%+.1f%%)", (b - a) * 100 / a);
        return name + ": " + String.format(fmt, a) + " -> " + String.format(fmt, b) + change;
    }

    /** "#3 randread, THR 7 TIME 2" style label: position in the history and the coalescing read back. */
    public static String label(int index, RunRecord r) {
        var c = r.features().interruptCoalescing();
        String coal = c == null ? "08h ?" : c.enabled() ? "THR " + c.threshold() + " TIME " + c.time() : "coalescing off";
        return "#" + (index + 1) + " " + r.workload().rw() + ", " + coal;
    }
}
