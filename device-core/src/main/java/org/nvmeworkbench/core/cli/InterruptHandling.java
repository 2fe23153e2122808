package org.nvmeworkbench.core.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) on the command line, as fio does it: the first one asks the work in progress to stop (a
 * run drains its in-flight commands and is printed and saved, marked as interrupted; a sweep keeps its
 * finished points), and the command then exits 130; a second one exits 130 at once. Without work in
 * progress the first one exits at once too.
 *
 * <p>The JVM's default SIGINT handling runs the shutdown hooks and exits, and a hook cannot wait for the
 * command thread to print its results without racing it; sun.misc.Signal (jdk.unsupported, in the runtime
 * image) lets the command thread finish its work instead. Installed only by {@link Main#main}: the window
 * and the tests call {@link Main#execute} and keep the process's own handling.
 */
final class InterruptHandling {
    private static final Logger LOG = Logger.getLogger(InterruptHandling.class.getName());

    /** The exit status of a process ended by SIGINT (128 + 2), as the shell reports it. */
    static final int EXIT_INTERRUPTED = 130;

    private static final AtomicInteger SIGNALS = new AtomicInteger();
    private static volatile Runnable stopWork;
    private static volatile PrintStream err = System.err;

    private InterruptHandling() {
    }

    /** Routes SIGINT here for the rest of the process; false when the platform does not allow it. */
    static boolean install() {
        try {
            Signal.handle(new Signal("INT"), s -> interrupted());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.log(Level.FINE, "SIGINT stays with the JVM", e);
            return false;
        }
    }

    /** While the returned scope is open, a first Ctrl-C runs {@code stop} (from the signal's thread) instead of exiting. */
    static Scope stopping(Runnable stop) {
        stopWork = stop;
        return () -> stopWork = null;
    }

    /** Whether Ctrl-C was pressed since the process started. */
    static boolean wasInterrupted() {
        return SIGNALS.get() > 0;
    }

    /** What a SIGINT does; package-private so that tests can press Ctrl-C without a signal. */
    static void interrupted() {
        int n = SIGNALS.incrementAndGet();
        Runnable stop = stopWork;
        if (n > 1 || stop == null) {
            err.flush();
            Runtime.getRuntime().halt(EXIT_INTERRUPTED);
            return;
        }
        err.println();
        err.println("Interrupted: stopping after the commands in flight; press Ctrl-C again to quit at once.");
        err.flush();
        try {
            stop.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Stopping the work failed", e);
            Runtime.getRuntime().halt(EXIT_INTERRUPTED);
        }
    }

    /** Forgets earlier signals (tests). */
    static void reset() {
        SIGNALS.set(0);
        stopWork = null;
    }

    /** The note a record of interrupted work carries. */
    static String note(long ios) {
        return "Interrupted by Ctrl-C (SIGINT) after " + ios + " I/Os; the figures cover only what completed.";
    }

    /** Ends the stop scope; never throws. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
