package org.nvmeworkbench.core.cli;

import java.nio.file.Path;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunStore;

/** A real run record made through the command line, for tests in other packages. */
public final class CliRunForReports {
    private CliRunForReports() {
    }

    public static RunRecord record(Path dir) {
        Path f = dir.resolve("short.json");
        CliRun r = CliRun.of("run", "--ios", "2000", "--save-run", f.toString());
        if (r.exit() != 0) {
            throw new IllegalStateException(r.err());
        }
        return RunStore.load(f);
    }
}
