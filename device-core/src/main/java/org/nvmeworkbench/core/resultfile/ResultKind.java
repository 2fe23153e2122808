package org.nvmeworkbench.core.resultfile;

/** What an opened path turned out to be, decided by its content (and whether it is a directory), not its name. */
public enum ResultKind {
    RUN_RECORD("NVMe Workbench run record"),
    SWEEP_FOLDER("sweep folder"),
    FIO_JSON("fio JSON"),
    FIO_JSON_PLUS("fio JSON+"),
    HDR_HISTOGRAM_LOG("HdrHistogram log"),
    /** It could not be opened; the file's problem says why. */
    NOT_OPENED("not opened");

    private final String description;

    ResultKind(String description) {
        this.description = description;
    }

    /** e.g. "fio JSON+". */
    public String description() {
        return description;
    }
}
