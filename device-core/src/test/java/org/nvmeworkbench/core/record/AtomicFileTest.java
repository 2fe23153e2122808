package org.nvmeworkbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
    }

    @Test
    void aNewFileIsReadableByOthersLikeAnyCreatedFileNotOwnerOnly() throws Exception {
        Path report = dir.resolve("report.html");
        AtomicFile.write(report, "<html/>".getBytes());

        // What creating rw-r--r-- gives under this process's umask, e.g. rw-r--r-- under 022, rw-r----- under 027.
        Path reference = Files.createFile(dir.resolve("reference"), PosixFilePermissions.asFileAttribute(AtomicFile.NEW_FILE));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(expected)
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(report)).isEqualTo("<html/>");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path run = dir.resolve("run.json");
        Files.writeString(run, "old");
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(run, chosen);

        AtomicFile.write(run, "new".getBytes());

        assertThat(Files.getPosixFilePermissions(run)).isEqualTo(chosen);
        assertThat(Files.readString(run)).isEqualTo("new");
    }
}
