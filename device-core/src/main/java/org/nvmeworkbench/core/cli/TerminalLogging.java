package org.nvmeworkbench.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps java.util.logging records off the terminal while a command runs: the CLI speaks in sentences on
 * stderr, and a raw record ("Nov 22, 2026 ... WARNING: ...") is neither a sentence nor something a script
 * can tell from an error. The root logger's console handlers are turned off and restored afterwards.
 */
final class TerminalLogging implements AutoCloseable {
    private final List<Handler> handlers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();

    private TerminalLogging() {
    }

    /** Silences the console handlers until {@link #close()}. */
    static TerminalLogging silenced() {
        TerminalLogging t = new TerminalLogging();
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h instanceof ConsoleHandler) {
                t.handlers.add(h);
                t.levels.add(h.getLevel());
                h.setLevel(Level.OFF);
            }
        }
        return t;
    }

    @Override
    public void close() {
        for (int i = 0; i < handlers.size(); i++) {
            handlers.get(i).setLevel(levels.get(i));
        }
    }
}
