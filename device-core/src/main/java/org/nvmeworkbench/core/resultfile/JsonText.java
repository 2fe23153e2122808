package org.nvmeworkbench.core.resultfile;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A file's text as JSON. fio prints warnings ("note: both iodepth >= 1 and synchronous I/O engine...") on
 * the same stream before its JSON, and with {@code --output-format=json+,normal} its text report after it:
 * the document starts at the first line that opens with a brace, and whatever follows it is ignored.
 */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    /** The offset of the first line starting with '{' (after blanks), or -1. */
    static int start(String text) {
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            int lineEnd = end < 0 ? text.length() : end;
            String line = text.substring(at, lineEnd).strip();
            if (line.startsWith("{")) {
                return at + text.substring(at, lineEnd).indexOf('{');
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        return -1;
    }

    /** Whether the JSON that starts at {@code start} names {@code key} near its top: a cheap look before parsing. */
    static boolean mentions(String text, int start, String key) {
        return start >= 0 && text.substring(start, Math.min(text.length(), start + 4096)).contains(key);
    }

    /** The JSON document starting at {@code start}; damage is one sentence naming the file, what it is and the line. */
    static JsonNode parse(FileText file, int start, String what) {
        String text = file.text();
        try {
            return MAPPER.readTree(text.substring(start));
        } catch (JsonProcessingException e) {
            int before = (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + before;
            if (cutOff(e)) {
                line = (int) text.lines().count(); // the last line there is, not the empty one after its newline
            }
            throw new ResultFileException(file.path() + " is damaged " + what + (line > 0 ? " at line " + line : "")
                    + ": " + reason(e) + ".", e);
        }
    }

    private static boolean cutOff(JsonProcessingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }

    /** Jackson's message without its source excerpt, in a few words. */
    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (cutOff(e)) {
            return "it ends before the JSON does (cut off?)";
        }
        int cut = m.indexOf(" (");
        m = (cut > 0 ? m.substring(0, cut) : m).replace('\n', ' ').strip();
        m = m.endsWith(".") || m.endsWith(":") ? m.substring(0, m.length() - 1) : m;
        return m.isEmpty() ? "it is not valid JSON" : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
    }
}
