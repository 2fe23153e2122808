package org.nvmeworkbench.ui.task;

import org.nvmeworkbench.core.session.SessionTasks;

/**
 * The window's {@link SessionTasks}: work runs away from the FX thread and its outcome comes back on it.
 * The workbench uses one thread for everything that talks to the device, so admin commands and runs never
 * overlap; tests swap in {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor extends SessionTasks {

    /** Runs {@code r} on the FX thread (or, for the same-thread executor, at once): {@link #deliver}. */
    default void onUiThread(Runnable r) {
        deliver(r);
    }
}
