package org.nvmeworkbench.ui.task;

import org.nvmeworkbench.core.session.SameThreadTasks;

/** Runs work at once on the caller's thread: for view model tests, which need no FX toolkit. */
public final class CurrentThreadTaskExecutor extends SameThreadTasks implements TaskExecutor {
}
