package org.nvmeworkbench.core.resultfile;

import java.util.ArrayList;
import java.util.List;

import org.nvmeworkbench.core.record.RunRecord;

/** What a set of paths opened into, one {@link ResultFile} per path in the order given. Immutable. */
public record ResultListing(List<ResultFile> files) {
    public ResultListing {
        files = List.copyOf(files);
    }

    /** Every run of every file that opened, in order. */
    public List<OpenedRun> runs() {
        List<OpenedRun> out = new ArrayList<>();
        files.forEach(f -> out.addAll(f.runs()));
        return out;
    }

    /** The records of {@link #runs()}. */
    public List<RunRecord> records() {
        return runs().stream().map(OpenedRun::record).toList();
    }

    /** The default labels of {@link #runs()}. */
    public List<String> labels() {
        return runs().stream().map(OpenedRun::label).toList();
    }

    /** One sentence per file that could not be opened, in order. */
    public List<String> problems() {
        return files.stream().filter(f -> !f.ok()).map(ResultFile::problem).toList();
    }

    public boolean allOpened() {
        return files.stream().allMatch(ResultFile::ok);
    }
}
