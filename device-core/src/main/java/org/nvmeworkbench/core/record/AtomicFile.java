package org.nvmeworkbench.core.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a whole file or nothing: the bytes go to a temporary file in the same directory, are forced
 * to disk, then renamed over the target in one atomic step. A crash leaves the old file or the new
 * one, never half of either.
 *
 * <p>Only an ordinary file is replaced. A symbolic link is followed and its target written (replacing
 * the link would silently unlink the user's file from where it really lives); a device node, a named
 * pipe or a socket is opened and written through, as a shell redirection would (renaming over
 * {@code /dev/null} as root would destroy the system's own); a folder is refused.
 */
public final class AtomicFile {
    private static final Logger LOG = Logger.getLogger(AtomicFile.class.getName());

    /** A new file's permissions before the umask: rw-r--r--. */
    static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    /** Marks our temporary files, with the writer's pid, so a later write can tell a dead writer's leftovers. */
    private static final String TEMP_MARK = ".nvme-workbench-";
    private static final int MAX_LINKS = 40;

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = followLinks(target.toAbsolutePath());
        BasicFileAttributes a = attributes(absolute);
        if (a != null && a.isDirectory()) {
            throw new FileSystemException(target.toString(), null, "it is a folder, not a file");
        }
        if (a != null && a.isOther()) {
            writeThrough(absolute, content);
            return;
        }
        replace(absolute, content);
    }

    /** What {@link #write} would refuse at once (a folder), in words, or null; lets a command refuse before any work. */
    public static String refusal(Path target) {
        try {
            BasicFileAttributes a = attributes(followLinks(target.toAbsolutePath()));
            return a != null && a.isDirectory() ? target + " is a folder; name a file to write." : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The file {@code target} names after following every symbolic link, whether or not that file exists yet. */
    public static Path followLinks(Path target) throws IOException {
        Path p = target;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
        }
        return p;
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A device or a pipe: opened for writing (never created or renamed over) and written in order. */
    private static void writeThrough(Path node, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(node, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    private static void replace(Path absolute, byte[] content) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemps(dir, absolute.getFileName().toString());
        // Same directory: a rename across file systems would not be atomic.
        Path temp = createTemp(dir, absolute);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(content);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + dir + " cannot replace files atomically.", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(dir);
    }

    /**
     * The temporary file, with the permissions the finished file should have: a replaced file keeps its
     * own; a new one gets rw-r--r-- less the umask (open(2) applies it), as any editor would make it,
     * not the owner-only 0600 of {@link Files#createTempFile}. Named {@code .NAME.nvme-workbench-PID-N.tmp}.
     */
    private static Path createTemp(Path dir, Path target) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(tempName(target.getFileName().toString(), ProcessHandle.current().pid(),
                    Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)));
            try {
                if (!posix) {
                    return Files.createFile(temp);
                }
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(NEW_FILE));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
                continue;
            }
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
            return temp;
        }
    }

    static String tempName(String target, long pid, String unique) {
        return "." + target + TEMP_MARK + pid + "-" + unique + ".tmp";
    }

    /**
     * A writer killed between creating its temporary file and renaming it (SIGKILL, power loss) leaves the
     * temporary file behind; the next write of the same file removes those whose writer is gone. Only our
     * own names for this very file are touched.
     */
    private static void removeStaleTemps(Path dir, String target) {
        Pattern ours = Pattern.compile(Pattern.quote("." + target + TEMP_MARK) + "(\\d+)-[0-9a-z]+\\.tmp");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith("." + target))) {
            for (Path f : files) {
                Matcher m = ours.matcher(f.getFileName().toString());
                if (m.matches() && !alive(m.group(1))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not look for stale temporary files in " + dir, e);
        }
    }

    private static boolean alive(String pid) {
        try {
            long p = Long.parseLong(pid);
            return p == ProcessHandle.current().pid() || ProcessHandle.of(p).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, so this is best effort. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "Could not sync directory " + dir, e);
        }
    }
}
