package org.nvmeworkbench.core.record;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * Why reading or writing a file failed, in the user's words: Java's exceptions name the temporary file
 * and leave the reason implicit in the exception's class ("/dir/.x.txt2362.tmp"), so the file the user
 * named and a plain reason ("permission denied") are said instead.
 */
public final class WriteFailure {
    private WriteFailure() {
    }

    /** The reason, lower case, without a full stop: "permission denied", "no space left on device". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "there is no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return trim(f.getReason());
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : trim(m);
    }

    /** A runtime failure of the file system (read-only, closed) as a reason. */
    public static String reason(RuntimeException e) {
        if (e instanceof ReadOnlyFileSystemException) {
            return "the file system is read-only";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : trim(e.getMessage());
    }

    private static String trim(String m) {
        String s = m.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        // The OS's strerror text starts with a capital ("No space left on device"); it follows a colon here.
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1) : s;
    }
}
