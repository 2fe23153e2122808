package org.nvmeworkbench.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lab's executor: scenario plays (each holds a thread while it lasts, paused or not: the twin of the
 * coalescing scene plays beside the main one) and the Lab views' comparison runs. Daemon threads, made as
 * needed and let go after a minute idle, so the Lab never leaves a thread behind that keeps the JVM up.
 */
public final class LabWork {
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "lab-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private LabWork() {
    }

    /** The one Lab executor of the process. */
    public static ExecutorService shared() {
        return SHARED;
    }
}
