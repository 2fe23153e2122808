package org.nvmeworkbench.core.resultfile;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunRecordException;
import org.nvmeworkbench.core.record.RunRecordJson;

/** A run record this workbench saved (RunStore's JSON), as opened from a file: its origin names the file. */
final class SavedRun {
    private SavedRun() {
    }

    /** Whether the JSON at {@code start} calls itself a run record. */
    static boolean looksLikeOne(String text, int start) {
        return JsonText.mentions(text, start, "\"" + RunRecordJson.FORMAT + "\"");
    }

    static RunRecord read(FileText file, int start, String origin) {
        JsonText.parse(file, start, "JSON (a run record)"); // names the line of any damage
        try {
            return RunRecordJson.read(file.text().substring(start)).openedFrom(origin);
        } catch (RunRecordException e) {
            // RunStore's wording: "<file> cannot be loaded: it was written by a newer NVMe Workbench ..."
            String m = e.getMessage();
            throw new ResultFileException(file.path() + " cannot be loaded: " + Character.toLowerCase(m.charAt(0)) + m.substring(1), e);
        }
    }
}
