package org.nvmeworkbench.core.session;

import java.util.function.Consumer;

/**
 * Where a session's device work runs: one piece at a time, so admin commands and runs never overlap
 * (JabRef's TaskExecutor pattern). The window runs it on a background thread and calls back on the FX
 * thread; the command line and tests run it on the caller's thread ({@link SameThreadTasks}).
 */
public interface SessionTasks {

    /**
     * Runs {@code work}; exactly one of {@code onSuccess} and {@code onFailure} is called afterwards, on the
     * callback thread.
     */
    <T> void submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Asks the work running now to stop (it sees {@link Progress#stopRequested()}). */
    void cancelCurrent();

    default void shutdown() {
    }

    /**
     * Runs {@code r} on the callback thread: for work that ends on another thread (a Set Features sent between
     * a run's batches) and must land where the session's state lives.
     */
    default void deliver(Runnable r) {
        r.run();
    }
}
