package org.nvmeworkbench.ui.frame;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For scripts/gui-bench.sh (-Dnvmeworkbench.fxLoad=true): once a second prints the CPU time the JavaFX
 * application thread and the renderer have used so far, so a script can tell their share of wall time
 * over any stretch: {@code fx-load epoch-ms=... fx-cpu-ms=... render-cpu-ms=...}.
 */
public final class FxThreadLoad {
    private FxThreadLoad() {
    }

    public static void startReporting() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-load-report");
            t.setDaemon(true);
            return t;
        });
        s.scheduleAtFixedRate(() -> System.out.println("fx-load epoch-ms=" + System.currentTimeMillis()
                + " fx-cpu-ms=" + cpuMillis(mx, "JavaFX Application Thread")
                + " render-cpu-ms=" + cpuMillis(mx, "QuantumRenderer-0")), 1, 1, TimeUnit.SECONDS);
    }

    private static long cpuMillis(ThreadMXBean mx, String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return mx.getThreadCpuTime(t.getId()) / 1_000_000;
            }
        }
        return -1;
    }
}
