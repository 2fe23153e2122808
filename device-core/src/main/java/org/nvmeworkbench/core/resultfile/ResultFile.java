package org.nvmeworkbench.core.resultfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.nvmeworkbench.core.sweep.SweepResult;

/**
 * One path as opened: what it was, the runs it gave, a sweep folder's analysed sweep, or why it could not
 * be opened. Immutable.
 *
 * @param path    the path as given
 * @param kind    what it was; {@link ResultKind#NOT_OPENED} when it failed
 * @param runs    the runs it gave, in file order; empty when it failed
 * @param sweep   a sweep folder's sweep, re-analysed from its sweep.json; null for anything else
 * @param problem one sentence naming the file and what is wrong, or "" when it opened
 */
public record ResultFile(Path path, ResultKind kind, List<OpenedRun> runs, SweepResult sweep, String problem) {
    public ResultFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        runs = List.copyOf(runs);
        problem = problem == null ? "" : problem;
    }

    static ResultFile opened(Path path, ResultKind kind, List<OpenedRun> runs) {
        return new ResultFile(path, kind, runs, null, "");
    }

    static ResultFile failed(Path path, String sentence) {
        return new ResultFile(path, ResultKind.NOT_OPENED, List.of(), null, sentence);
    }

    /** Whether it opened. */
    public boolean ok() {
        return problem.isEmpty();
    }

    /** The sweep of a sweep folder. */
    public Optional<SweepResult> sweepResult() {
        return Optional.ofNullable(sweep);
    }
}
