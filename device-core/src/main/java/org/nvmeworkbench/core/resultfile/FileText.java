package org.nvmeworkbench.core.resultfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A result file's text, read whole and only read (opened for reading, never for writing). Its size is
 * checked before a byte is read, so a mistaken multi-gigabyte file costs nothing. Text that is not UTF-8 is
 * null: no format this package reads is binary.
 *
 * @param path the file
 * @param text its content, or null when it is not text
 */
record FileText(Path path, String text) {
    /** fio JSON+ of a long multi-job run is a few MiB; a record with a long time series tens of MiB. */
    static final long DEFAULT_LIMIT = 512L << 20;

    static FileText read(Path path, long limit) {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(path + " does not exist.", e);
        } catch (IOException e) {
            throw new ResultFileException(path + " cannot be read: " + reason(e) + ".", e);
        }
        if (size > limit) {
            throw new ResultFileException(path + " is " + mib(size) + ", more than the " + mib(limit)
                    + " a result file may be, so it was not read.");
        }
        if (!Files.isReadable(path)) {
            throw new ResultFileException(path + " cannot be read: permission denied.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ResultFileException(path + " cannot be read: " + reason(e) + ".", e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new FileText(path, text.indexOf('\0') >= 0 ? null : text);
        } catch (CharacterCodingException e) {
            return new FileText(path, null);
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    /** "512 MiB", "600.5 MiB", "12 KiB". */
    static String mib(long bytes) {
        if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%.0f KiB", Math.ceil(bytes / 1024.0));
        }
        double m = bytes / (double) (1 << 20);
        return m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f MiB", m) : String.format(Locale.ROOT, "%.1f MiB", m);
    }
}
