package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** A command never puts a java.util.logging record on the terminal, even when a library logs a warning. */
class TerminalLoggingTest {
    @Test
    void aWriteRunPastTheSimulatorsRetentionPrintsNoLoggingRecord() {
        List<LogRecord> onTerminal = new ArrayList<>();
        List<LogRecord> logged = new ArrayList<>();
        ConsoleHandler terminal = new ConsoleHandler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    onTerminal.add(r);
                }
            }
        };
        Handler all = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(terminal);
        root.addHandler(all);
        try {
            // 2600 x 128 KiB = 325 MiB of new places: past the simulator's 256 MiB, which it logs
            CliRun r = CliRun.of("run", "-d", "sim:null", "--rw", "write", "--bs", "128k", "--ios", "2600", "--allow-writes");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(logged).extracting(LogRecord::getMessage).anyMatch(m -> m.contains("256 MiB"));
            assertThat(onTerminal).isEmpty();
            assertThat(r.err()).doesNotContain("WARNING");
        } finally {
            root.removeHandler(terminal);
            root.removeHandler(all);
        }
    }
}
