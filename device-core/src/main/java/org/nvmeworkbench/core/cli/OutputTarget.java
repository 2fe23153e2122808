package org.nvmeworkbench.core.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nvmeworkbench.core.record.AtomicFile;
import org.nvmeworkbench.core.record.WriteFailure;

/**
 * Where a command writes a file it was told to write: {@code -} is stdout, anything else goes through
 * {@link AtomicFile} (ordinary files replaced atomically, devices and pipes written through, links
 * followed). Before any work, a folder is refused and an output that is also one of the command's inputs
 * (or another of its outputs) is refused, however the two are spelled: a run that overwrites the job file
 * it was started from cannot be undone.
 */
final class OutputTarget {
    private OutputTarget() {
    }

    static boolean isStdout(Path p) {
        return p != null && p.toString().equals("-");
    }

    /** Writes {@code bytes} to {@code file}, or to {@code out} for {@code -}; a failure is one sentence naming the file. */
    static void write(Path file, byte[] bytes, PrintWriter out) {
        if (isStdout(file)) {
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        try {
            AtomicFile.write(file, bytes);
        } catch (IOException e) {
            throw CliFailure.refused("Could not write " + file + ": " + WriteFailure.reason(e) + ".");
        } catch (RuntimeException e) {
            throw CliFailure.refused("Could not write " + file + ": " + WriteFailure.reason(e) + ".");
        }
    }

    /** Refuses a folder named as an output file, before any work. */
    static void checkWritable(Path file, String option) {
        if (file == null || isStdout(file)) {
            return;
        }
        String refused = AtomicFile.refusal(file);
        if (refused != null) {
            throw CliFailure.usage(option + " " + refused);
        }
    }

    /**
     * Before a long piece of work: that {@code dir} exists or can be made, and a file can be created in it, so
     * an unwritable --save-dir or --report is said before the first point runs, not after the last.
     */
    static void checkFolderWritable(Path dir, String option) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw CliFailure.usage(option + " " + dir + " is a file, not a folder.");
        }
        try {
            // Probed in the nearest folder that exists, so nothing is left behind (not even an empty folder)
            // when the work then stops before writing anything.
            Path existing = dir.toAbsolutePath();
            while (!Files.exists(existing) && existing.getParent() != null) {
                existing = existing.getParent();
            }
            if (!Files.isDirectory(existing)) {
                throw CliFailure.usage(option + " " + dir + ": " + existing + " is a file, not a folder.");
            }
            Path probe = Files.createTempFile(existing, ".nvme-workbench-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw CliFailure.refused("Could not write in " + dir + ": " + WriteFailure.reason(e) + ".");
        } catch (RuntimeException e) {
            throw CliFailure.refused("Could not write in " + dir + ": " + WriteFailure.reason(e) + ".");
        }
    }

    /** The folder a file will be written in, checked as {@link #checkFolderWritable} does; devices and stdout pass. */
    static void checkFileWritable(Path file, String option) {
        if (file == null || isStdout(file)) {
            return;
        }
        checkWritable(file, option);
        try {
            Path target = AtomicFile.followLinks(file.toAbsolutePath());
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                return; // a device or a pipe is written through, not created beside
            }
            checkFolderWritable(target.getParent(), option);
        } catch (IOException e) {
            throw CliFailure.refused("Could not write " + file + ": " + WriteFailure.reason(e) + ".");
        }
    }

    /** Refuses {@code output} when it is the same file as {@code other}, an input or another output, before any work. */
    static void checkDistinct(Path output, String outputOption, Path other, String otherOption, boolean otherIsInput) {
        if (output == null || other == null || isStdout(output) || isStdout(other)) {
            return;
        }
        if (same(output, other)) {
            throw CliFailure.usage(otherIsInput
                    ? outputOption + " " + output + " is also an input (" + otherOption + " " + other + "); it would be overwritten: name another file."
                    : outputOption + " " + output + " and " + otherOption + " " + other + " are the same file; name two files.");
        }
    }

    /** Whether two names reach the same file: the same inode when both exist, else the same path once links are followed. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
            return canonical(a).equals(canonical(b));
        } catch (IOException | RuntimeException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** The path with links followed and its folder's real path, for a file that may not exist yet. */
    private static Path canonical(Path p) throws IOException {
        Path followed = AtomicFile.followLinks(p.toAbsolutePath().normalize());
        Path parent = followed.getParent();
        if (parent != null && Files.exists(parent)) {
            return parent.toRealPath().resolve(followed.getFileName());
        }
        return followed;
    }
}
