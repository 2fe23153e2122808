package org.nvmeworkbench.core.resultfile;

import java.util.Objects;

import org.nvmeworkbench.core.record.RunRecord;

/**
 * One run a file gave, with the name a report or a list shows by default.
 *
 * @param record the run, its origin naming the file it was opened from
 * @param label  the origin and the file's stem, e.g. "fio-3.33 randread.jsonplus", plus the job and
 *               direction or tag when the file held several runs
 */
public record OpenedRun(RunRecord record, String label) {
    public OpenedRun {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(label, "label");
    }
}
