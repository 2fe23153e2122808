package org.nvmeworkbench.ui.view.tasks;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.Node;

import org.controlsfx.control.TaskProgressView;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.task.FxTaskExecutor;

/**
 * Tasks: background work in progress (attach, admin commands, runs, sweeps on the device thread; exports
 * on their own), merged from the executors' task lists.
 */
public final class TasksView implements WorkbenchView {
    private final TaskProgressView<Task<?>> view = new TaskProgressView<>();
    private final List<FxTaskExecutor> executors;
    private final ListChangeListener<Task<?>> onChange = c -> refill();

    public TasksView(FxTaskExecutor... executors) {
        this.executors = List.of(executors);
        view.setId("tasks-view");
        for (FxTaskExecutor e : this.executors) {
            e.tasks().addListener(onChange);
        }
        refill();
    }

    private void refill() {
        List<Task<?>> all = new java.util.ArrayList<>();
        for (FxTaskExecutor e : executors) {
            all.addAll(e.tasks());
        }
        view.getTasks().setAll(all);
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void close() {
        for (FxTaskExecutor e : executors) {
            e.tasks().removeListener(onChange);
        }
    }
}
