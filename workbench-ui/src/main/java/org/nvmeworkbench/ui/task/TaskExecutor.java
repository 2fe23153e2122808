package org.nvmeworkbench.ui.task;

import java.util.function.Consumer;

/**
 * Runs work away from the FX thread and hands the outcome back on it. The workbench uses one
 * thread for everything that talks to the device, so admin commands and runs never overlap; tests
 * swap in {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}; exactly one of {@code onSuccess} and {@code onFailure} is called afterwards, on
     * the FX thread (or, for the same-thread executor, on the caller's thread).
     */
    <T> void submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Asks the work running now to stop (it sees {@link Progress#stopRequested()}). */
    void cancelCurrent();

    default void shutdown() {
    }

    /**
     * Runs {@code r} on the thread that receives {@code onSuccess}/{@code onFailure}: for work that ends
     * on another thread (a Set Features sent between a run's batches) and must land in FX properties.
     */
    default void onUiThread(Runnable r) {
        r.run();
    }
}
