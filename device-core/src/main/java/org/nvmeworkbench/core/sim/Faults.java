package org.nvmeworkbench.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Faults injected on request, each armed to take effect after a number of I/O commands have been
 * fetched (0 = at the next opportunity). Arm from any thread; the controller picks armed faults up on
 * the thread that drives it.
 *
 * <p>Text form, comma separated: {@code NAME[:ARG][@AFTER]}, e.g. {@code lost-interrupt@100},
 * {@code error-status:5@1000}, {@code masked-vector:2}, {@code cfs@50}. AFTER is a count of I/O commands, or a
 * span of device time with its unit ({@code lost-interrupt@2s}, {@code @500ms}, {@code @100us}, {@code @50ns}).
 */
public final class Faults {

    /** The faults the simulator knows; ARG means what each says. */
    public enum Kind {
        /** Controller Fatal Status: CSTS.CFS=1, nothing more is processed until a reset. */
        CFS("cfs", 0),
        /** The next ARG I/Os (default 1) complete with a media error (Unrecovered Read Error / Write Fault). */
        ERROR_STATUS("error-status", 1),
        /** The next signal on vector ARG is dropped (ARG -1, the default, = whichever vector signals next). */
        LOST_INTERRUPT("lost-interrupt", -1),
        /** The next I/O never completes until it is aborted or the controller is reset. */
        STUCK_COMMAND("stuck-command", 0),
        /** Vector ARG (default 1) is masked. */
        MASKED_VECTOR("masked-vector", 1),
        /** The next I/O takes ARG more microseconds (default 10000). */
        SLOW_COMMAND("slow-command", 10_000);

        private final String text;
        private final int defaultArgument;

        Kind(String text, int defaultArgument) {
            this.text = text;
            this.defaultArgument = defaultArgument;
        }

        public String text() {
            return text;
        }

        public int defaultArgument() {
            return defaultArgument;
        }

        public static Kind byText(String s) {
            for (Kind k : values()) {
                if (k.text.equals(s)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One armed fault. */
    /**
     * One armed fault.
     *
     * @param afterCommands I/O commands fetched before it takes effect (ignored when {@code afterNanos >= 0})
     * @param afterNanos    device time before it takes effect, or -1 to count commands
     */
    public record Armed(Kind kind, int argument, long afterCommands, long afterNanos) {
        public Armed(Kind kind, int argument, long afterCommands) {
            this(kind, argument, afterCommands, -1);
        }

        /** When it takes effect, in words: "after 5000 I/O commands", "after 2 ms of device time". */
        public String when() {
            return afterNanos >= 0 ? "after " + span(afterNanos) + " of device time" : "after " + afterCommands + " I/O commands";
        }

        @Override
        public String toString() {
            return kind.text + ":" + argument + "@" + (afterNanos >= 0 ? afterNanos + "ns" : Long.toString(afterCommands));
        }
    }

    private static String span(long nanos) {
        if (nanos % 1_000_000_000L == 0 && nanos > 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos % 1_000_000L == 0 && nanos > 0) {
            return nanos / 1_000_000L + " ms";
        }
        if (nanos % 1_000L == 0 && nanos > 0) {
            return nanos / 1_000L + " us";
        }
        return nanos + " ns";
    }

    private final List<Armed> waiting = new ArrayList<>();
    /** Set when {@link #waiting} has something new; read by the driving thread on its hot path. */
    private volatile boolean changed;
    /** Set by {@link #clear}: the controller drops what it already took and still waits on. */
    private boolean cleared;

    /** Arms faults from their text form; throws IllegalArgumentException with one sentence when it is wrong. */
    public void inject(String spec) {
        for (Armed a : parseAll(spec)) {
            arm(a);
        }
    }

    /** The faults {@code spec} names, without arming them (a command line checks them before any work). */
    public static List<Armed> parseAll(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("No fault was named; use e.g. lost-interrupt@100 or error-status:5.");
        }
        List<Armed> parsed = new ArrayList<>();
        for (String part : spec.split(",")) {
            parsed.add(parse(part.trim().toLowerCase(Locale.ROOT)));
        }
        return parsed;
    }

    /** Device time with a unit (s, ms, us, ns), or -1 when {@code s} is a plain count. */
    private static long span(String s) {
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}};
        for (String[] u : units) {
            if (s.endsWith(u[0])) {
                long n = Long.parseLong(s.substring(0, s.length() - u[0].length()));
                long nanos = Math.multiplyExact(n, Long.parseLong(u[1]));
                if (nanos < 0) {
                    throw new IllegalArgumentException("A fault is armed after 0 or more of device time, not " + s + ".");
                }
                return nanos;
            }
        }
        return -1;
    }

    static Armed parse(String s) {
        String name = s;
        long after = 0;
        long afterNanos = -1;
        int at = name.indexOf('@');
        try {
            if (at >= 0) {
                String when = name.substring(at + 1);
                afterNanos = span(when);
                after = afterNanos >= 0 ? 0 : Long.parseLong(when);
                name = name.substring(0, at);
            }
            Integer arg = null;
            int colon = name.indexOf(':');
            if (colon >= 0) {
                arg = Integer.parseInt(name.substring(colon + 1));
                name = name.substring(0, colon);
            }
            Kind kind = Kind.byText(name);
            if (kind == null) {
                throw new IllegalArgumentException("Unknown fault '" + name + "'; choose one of: " + names() + ".");
            }
            if (after < 0) {
                throw new IllegalArgumentException("A fault is armed after 0 or more commands, not " + after + ".");
            }
            return new Armed(kind, arg == null ? kind.defaultArgument : arg, after, afterNanos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Fault '" + s + "' is not NAME[:ARG][@AFTER], e.g. lost-interrupt:1@100 or lost-interrupt@2s.", e);
        }
    }

    static String names() {
        StringBuilder sb = new StringBuilder();
        for (Kind k : Kind.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.text);
        }
        return sb.toString();
    }

    public synchronized void arm(Kind kind, int argument, long afterCommands) {
        arm(new Armed(kind, argument, afterCommands));
    }

    public synchronized void arm(Armed a) {
        waiting.add(a);
        changed = true;
    }

    /** Every kind's name, for messages and help: "cfs, error-status, ...". */
    public static String kinds() {
        return names();
    }

    /** Disarms the faults that have not taken effect yet, including those waiting for their command count. */
    public synchronized void clear() {
        waiting.clear();
        cleared = true;
        changed = true;
    }

    /** Faults armed and not yet handed to the controller. */
    public synchronized List<Armed> waiting() {
        return List.copyOf(waiting);
    }

    boolean changed() {
        return changed;
    }

    /** True when {@link #clear} ran since the last {@link #take}; read just before it, under the same lock. */
    synchronized boolean clearedSinceTake() {
        return cleared;
    }

    /** Hands the newly armed faults to the driving thread. */
    synchronized List<Armed> take() {
        changed = false;
        cleared = false;
        List<Armed> out = new ArrayList<>(waiting);
        waiting.clear();
        return out;
    }
}
