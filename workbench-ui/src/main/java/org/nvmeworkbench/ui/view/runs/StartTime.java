package org.nvmeworkbench.ui.view.runs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A run's start in the Runs table: short local time for today's runs, the date too for older ones. */
public final class StartTime {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx (VV)", Locale.ROOT);

    private StartTime() {
    }

    /** "14:03:27" when {@code started} is on {@code now}'s local day, else "Nov 21 14:03". */
    public static String brief(Instant started, Instant now, ZoneId zone) {
        LocalDate day = started.atZone(zone).toLocalDate();
        return (day.equals(now.atZone(zone).toLocalDate()) ? TODAY : EARLIER).format(started.atZone(zone));
    }

    /** "2026-11-23 14:03:27.123 +01:00 (Europe/Paris), 2026-11-23T13:03:27.123456Z": local and the exact instant. */
    public static String full(Instant started, ZoneId zone) {
        return FULL.format(started.atZone(zone)) + ", " + started;
    }
}
