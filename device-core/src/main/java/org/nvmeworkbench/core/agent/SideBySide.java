package org.nvmeworkbench.core.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.session.ControllerSession;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * One workload on several devices at once, on this host or on agents, as fio's {@code --client} runs one job
 * on several hosts: each device is attached, runs and is let go on a thread of its own, so the runs overlap;
 * the outcomes come back in the order the devices were named, a failure as its sentence beside the others'
 * records. The command line's {@code run -d A -d B} and the window's Run on several devices both use it.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** How a device is attached for its run: here, or through its agent. */
    @FunctionalInterface
    public interface Opener {
        ControllerSession open(String device);
    }

    /** One device's outcome: its record, or why it did not run. */
    public record Outcome(String device, RunRecord record, RuntimeException failure) {
        public boolean ran() {
            return record != null;
        }

        /** "DEVICE: why", for a device that did not run. */
        public String sentence() {
            return failure == null ? "" : device + ": " + Failures.sentence(failure);
        }
    }

    /** Runs {@code spec} on every one of {@code devices} at once; blocks until all have finished or failed. */
    public static List<Outcome> run(List<String> devices, WorkloadSpec spec, Opener opener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, devices.size()), r -> {
            Thread t = new Thread(r, "side-by-side-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunRecord>> runs = new ArrayList<>();
            for (String name : devices) {
                runs.add(pool.submit(() -> {
                    try (ControllerSession d = opener.open(name)) {
                        return d.run(spec);
                    }
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                try {
                    out.add(new Outcome(devices.get(i), runs.get(i).get(), null));
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    out.add(new Outcome(devices.get(i), null, cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the runs went on.", e);
                }
            }
            return List.copyOf(out);
        } finally {
            pool.shutdownNow();
        }
    }
}
