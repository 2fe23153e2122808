package org.nvmeworkbench.core.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Saves run records atomically and loads them back; every failure is one sentence naming the file. */
public final class RunStore {
    private RunStore() {
    }

    public static void save(Path file, RunRecord record) {
        try {
            AtomicFile.write(file, RunRecordJson.write(record).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RunRecordException("Could not save the run to " + file + ": " + reason(e) + ".", e);
        }
    }

    public static RunRecord load(Path file) {
        String json;
        try {
            json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunRecordException("There is no run record at " + file + ".", e);
        } catch (IOException e) {
            throw new RunRecordException("Could not read " + file + ": " + reason(e) + ".", e);
        }
        try {
            return RunRecordJson.read(json);
        } catch (RunRecordException e) {
            throw new RunRecordException(file + " cannot be loaded: " + lowerFirst(e.getMessage()), e);
        }
    }

    private static String reason(IOException e) {
        return WriteFailure.reason(e);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
