package org.nvmeworkbench.ui.view.tasks;

import javafx.scene.Node;

import org.controlsfx.control.TaskProgressView;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.task.FxTaskExecutor;

/** Tasks: background work in progress (attach, admin commands, runs), from the executor's task list. */
public final class TasksView implements WorkbenchView {
    private final TaskProgressView<javafx.concurrent.Task<?>> view = new TaskProgressView<>();

    private final FxTaskExecutor executor;

    public TasksView(FxTaskExecutor executor) {
        this.executor = executor;
        javafx.beans.binding.Bindings.bindContent(view.getTasks(), executor.tasks());
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void close() {
        javafx.beans.binding.Bindings.unbindContent(view.getTasks(), executor.tasks());
    }
}
