package org.nvmeworkbench.core.driver;

/**
 * Told of every admin command as it completes, on the driver's thread: hand the entry over to your
 * own thread, never block here.
 */
@FunctionalInterface
public interface AdminLogListener {

    void logged(AdminLogEntry entry);
}
