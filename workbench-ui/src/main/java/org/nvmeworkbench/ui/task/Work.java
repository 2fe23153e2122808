package org.nvmeworkbench.ui.task;

/** A piece of background work that produces a value. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
