package org.nvmeworkbench.core.fiojob;

/**
 * Something of a job file the workbench does not do as fio would: one sentence naming the file, the line
 * and the option.
 *
 * @param file        the file (an included file names itself)
 * @param line        1-based line in that file
 * @param position    order of the line in the whole text, includes expanded, for warnings in line order
 * @param option      the option, e.g. {@code ioengine}
 * @param text        what happens instead, e.g. "ioengine=libaio does not apply: ..."
 * @param aboutLimits whether it concerns the job's size or runtime, which --ios/--runtime replace
 */
public record FioJobNote(String file, int line, int position, String option, String text, boolean aboutLimits) {
    /** "lat.fio line 3: ioengine=libaio does not apply: ...". */
    public String sentence() {
        return file + " line " + line + ": " + text;
    }

    @Override
    public String toString() {
        return sentence();
    }
}
