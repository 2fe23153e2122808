package org.nvmeworkbench.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.nvmeworkbench.core.session.Progress;
import org.nvmeworkbench.core.session.Work;

/**
 * Runs work as {@code javafx.concurrent} tasks on one daemon thread (the device thread), so the
 * window stays responsive and progress shows in the task view. Task progress updates are coalesced
 * by JavaFX itself: many updates cost one pulse.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = Logger.getLogger(FxTaskExecutor.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nvme-workbench-device");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();
    private volatile WorkTask<?> current;

    /** Tasks submitted and not yet finished, for ControlsFX's TaskProgressView. Changed on the FX thread. */
    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    @Override
    public <T> void submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        WorkTask<T> task = new WorkTask<>(title, work);
        task.setOnSucceeded(e -> {
            tasks.remove(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            tasks.remove(task);
            Throwable t = task.getException();
            LOG.log(Level.FINE, title + " failed", t);
            onFailure.accept(t);
        });
        task.setOnCancelled(e -> tasks.remove(task));
        tasks.add(task);
        thread.execute(task);
    }

    @Override
    public void cancelCurrent() {
        WorkTask<?> t = current;
        if (t != null) {
            // Not Task.cancel(): a run drains its in-flight commands and still produces its record.
            t.stop = true;
        }
    }

    @Override
    public void deliver(Runnable r) {
        javafx.application.Platform.runLater(r);
    }

    @Override
    public void shutdown() {
        thread.shutdownNow();
    }

    private final class WorkTask<T> extends Task<T> implements Progress {
        private final Work<T> work;
        private volatile boolean stop;

        WorkTask(String title, Work<T> work) {
            this.work = work;
            updateTitle(title);
        }

        @Override
        protected T call() throws Exception {
            current = this;
            try {
                return work.run(this);
            } finally {
                current = null;
            }
        }

        @Override
        public void update(double fraction, String message) {
            if (fraction >= 0) {
                updateProgress(fraction, 1.0);
            }
            if (message != null) {
                updateMessage(message);
            }
        }

        @Override
        public boolean stopRequested() {
            return stop || isCancelled();
        }
    }
}
