package org.nvmeworkbench.core.resultfile;

/** A file cannot be opened; the message is one sentence naming it, for a person. */
final class ResultFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean notAResult;

    ResultFileException(String sentence) {
        this(sentence, null, false);
    }

    ResultFileException(String sentence, Throwable cause) {
        this(sentence, cause, false);
    }

    private ResultFileException(String sentence, Throwable cause, boolean notAResult) {
        super(sentence, cause);
        this.notAResult = notAResult;
    }

    /** The file is none of the kinds this package opens; a folder passes over such files in silence. */
    static ResultFileException notAResult(java.nio.file.Path path) {
        return new ResultFileException(path + " is not a run record, a sweep folder, fio JSON or an HdrHistogram log.", null, true);
    }

    boolean notAResult() {
        return notAResult;
    }

}
