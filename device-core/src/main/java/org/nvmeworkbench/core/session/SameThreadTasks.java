package org.nvmeworkbench.core.session;

import java.util.function.Consumer;

/** Runs work at once on the caller's thread: the command line's and the tests' executor. */
public class SameThreadTasks implements SessionTasks {
    private volatile boolean cancel;

    @Override
    public <T> void submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        cancel = false;
        T value;
        try {
            value = work.run(new Progress() {
                @Override
                public void update(double fraction, String message) {
                }

                @Override
                public boolean stopRequested() {
                    return cancel;
                }
            });
        } catch (Exception | LinkageError e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void cancelCurrent() {
        cancel = true;
    }
}
