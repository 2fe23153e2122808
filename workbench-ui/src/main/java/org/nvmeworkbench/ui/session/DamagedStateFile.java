package org.nvmeworkbench.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A state file of the window (layout.json, session.json) that cannot be believed: it is renamed to
 * {@code NAME.damaged-TIME} beside itself, never deleted (the user may want to see or mend it), so the window
 * starts from its defaults and does not save the damage back; the sentence returned says so for the status bar.
 */
public final class DamagedStateFile {
    private static final Logger LOG = Logger.getLogger(DamagedStateFile.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private DamagedStateFile() {
    }

    /** Sets {@code file} aside; {@code why} is a phrase ("its device is not a device name"). */
    public static String setAside(Path file, String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return file.getFileName() + " was damaged (" + why + "); it was set aside as " + aside.getFileName()
                    + " and the defaults are used.";
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not set aside " + file, e);
            return file.getFileName() + " was damaged (" + why + ") and could not be set aside; the defaults are used.";
        }
    }
}
