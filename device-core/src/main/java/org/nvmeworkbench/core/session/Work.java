package org.nvmeworkbench.core.session;

/** A piece of device work that produces a value; it may report progress and should stop when asked. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
