package org.nvmeworkbench.core.fiojob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed .fio job file: fio's INI syntax ({@code [global]} and job sections, {@code key=value} or bare
 * flags, {@code ;} and {@code #} comment lines). A {@code [global]} section applies to the jobs after it,
 * as in fio. Nothing is dropped silently: what does not apply is in the warnings.
 *
 * @param source where it came from, used in messages
 * @param jobs   the jobs in file order
 */
public record FioJobFile(String source, List<FioJob> jobs) {
    public FioJobFile {
        jobs = List.copyOf(jobs);
    }

    /** Every warning of every job, each once, in file order. */
    public List<String> warnings() {
        Set<String> all = new LinkedHashSet<>();
        for (FioJob j : jobs) {
            all.addAll(j.warnings());
        }
        return new ArrayList<>(all);
    }

    /** fio job files are a few lines; beyond this a file named by mistake (a log, a disk image) is refused unread. */
    public static final long MAX_BYTES = 1 << 20;

    public static FioJobFile read(Path file) {
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
        return parse(text, file.getFileName().toString());
    }

    /** Parses {@code text}; a malformed line throws {@link FioJobException} naming {@code source} and the line. */
    public static FioJobFile parse(String text, String source) {
        return new FioJobParser(source).parse(text);
    }
}
