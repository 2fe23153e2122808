package org.nvmeworkbench.core.fiojob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed .fio job file, read as fio reads it: {@code [global]} and job sections, comments, includes,
 * environment variables, reserved keywords, units and arithmetic (see {@link FioJobText} and
 * {@link FioUnits}). A {@code [global]} section applies to the jobs after it. Nothing is dropped silently:
 * what the workbench does not do as fio would is in the notes.
 *
 * @param source where it came from, used in messages
 * @param jobs   the jobs in file order
 */
public record FioJobFile(String source, List<FioJob> jobs) {
    public FioJobFile {
        jobs = List.copyOf(jobs);
    }

    /** Every note of every job, each once, in line order. */
    public List<FioJobNote> notes() {
        Map<String, FioJobNote> all = new LinkedHashMap<>();
        for (FioJob j : jobs) {
            for (FioJobNote n : j.notes()) {
                all.putIfAbsent(n.position() + ":" + n.text(), n);
            }
        }
        List<FioJobNote> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparingInt(FioJobNote::position));
        return out;
    }

    /** Every note as a sentence, each once, in line order. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        for (FioJobNote n : notes()) {
            w.add(n.sentence());
        }
        return w;
    }

    /** The first job the workbench cannot run, or null. */
    public FioJob firstRefused() {
        for (FioJob j : jobs) {
            if (!j.runnable()) {
                return j;
            }
        }
        return null;
    }

    /** fio job files are a few lines; beyond this a file named by mistake (a log, a disk image) is refused unread. */
    public static final long MAX_BYTES = 1 << 20;

    public static FioJobFile read(Path file) {
        return read(file, FioEnvironment.system());
    }

    public static FioJobFile read(Path file, FioEnvironment env) {
        String text;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new FioJobException("The job file " + file + " is " + Files.size(file) / 1024 + " KiB; a fio job file is "
                        + "at most " + MAX_BYTES / 1024 + " KiB, so this is not one.", 0);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FioJobException("There is no job file at " + file + ".", 0);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FioJobException("The job file " + file + " is not UTF-8 text.", 0);
        } catch (IOException e) {
            throw new FioJobException("Could not read the job file " + file + ": "
                    + org.nvmeworkbench.core.record.WriteFailure.reason(e) + ".", 0);
        }
        return new FioJobParser(file.getFileName().toString(), env).parse(text, file.toAbsolutePath().getParent());
    }

    /** Parses {@code text} (no includes); a malformed line throws {@link FioJobException} naming {@code source} and the line. */
    public static FioJobFile parse(String text, String source) {
        return new FioJobParser(source, FioEnvironment.system()).parse(text, null);
    }

    /** Parses {@code text} with {@code env}'s variables and figures, includes relative to {@code folder}. */
    public static FioJobFile parse(String text, String source, FioEnvironment env, Path folder) {
        return new FioJobParser(source, env).parse(text, folder);
    }
}
