package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.device.DeviceOptions;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.LocalControllerSession;
import org.nvmeworkbench.core.sweep.SweepCost;
import org.nvmeworkbench.core.sweep.SweepGrid;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * {@code bench --sweep-heap}: the heap a sweep holds after 10, 100 and 1,000 points, through the same session
 * as {@code sweep}. A sweep once kept every point's full run record (three full-range latency histograms,
 * ~0.7 MB) and died of OutOfMemoryError after a few thousand points; this shows what a point costs now.
 */
final class SweepHeap {
    private static final int[] MARKS = {10, 100, 1000};

    private SweepHeap() {
    }

    static String measure(PrintWriter err) {
        List<Integer> thr = IntStream.range(0, 256).boxed().toList();
        SweepGrid grid = new SweepGrid(thr, List.of(0, 1, 2, 3), List.of(32));
        WorkloadSpec base = WorkloadSpec.defaults().withLimits(0, 2000);
        List<String> lines = new ArrayList<>();
        long before = usedAfterGc();
        lines.add(String.format(Locale.ROOT, "before: %.1f MB", before / 1e6));
        AtomicInteger n = new AtomicInteger();
        try (ControllerSession d = LocalControllerSession.attach(DeviceCatalog.load(), "sim:tlc",
                new DeviceOptions(base.seed(), false), 1)) {
            d.sweep(base, grid, 99, 0, SweepCost.INTERRUPTS_PER_SECOND, p -> {
                int done = n.incrementAndGet();
                for (int m : MARKS) {
                    if (done == m) {
                        long used = usedAfterGc();
                        String line = String.format(Locale.ROOT, "after %,5d points: %6.1f MB (%.1f KB per point)", m, used / 1e6,
                                (used - before) / 1e3 / m);
                        lines.add(line);
                        err.println(line);
                        err.flush();
                    }
                }
            });
        }
        return String.join("\n", lines) + "\n";
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
