package org.nvmeworkbench.core.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a whole file or nothing: the bytes go to a temporary file in the same directory, are forced
 * to disk, then renamed over the target in one atomic step. A crash leaves the old file or the new
 * one, never half of either.
 */
public final class AtomicFile {
    private static final Logger LOG = Logger.getLogger(AtomicFile.class.getName());

    /** A new file's permissions before the umask: rw-r--r--. */
    static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
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
     * not the owner-only 0600 of {@link Files#createTempFile}.
     */
    private static Path createTemp(Path dir, Path target) throws IOException {
        String prefix = "." + target.getFileName();
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
        Path temp = Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(NEW_FILE));
        if (Files.exists(target)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
        return temp;
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
