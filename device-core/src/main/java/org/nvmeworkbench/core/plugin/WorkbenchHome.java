package org.nvmeworkbench.core.plugin;

import java.nio.file.Path;

/** The user's workbench folder (runs, layout, last session, plugins): -Dnvmeworkbench.home, else ~/.nvme-workbench. */
public final class WorkbenchHome {
    private WorkbenchHome() {
    }

    public static Path path() {
        String h = System.getProperty("nvmeworkbench.home");
        return h != null ? Path.of(h) : Path.of(System.getProperty("user.home"), ".nvme-workbench");
    }
}
