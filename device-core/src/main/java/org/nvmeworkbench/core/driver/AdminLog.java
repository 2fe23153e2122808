package org.nvmeworkbench.core.driver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every admin command the driver sent, newest last, bounded to the last {@link #CAPACITY} entries.
 * Written on the driver's thread (the admin path may allocate and lock), read from any thread.
 */
public final class AdminLog {
    private static final Logger LOG = Logger.getLogger(AdminLog.class.getName());
    public static final int CAPACITY = 10_000;

    private final ArrayDeque<AdminLogEntry> entries = new ArrayDeque<>();
    private final List<AdminLogListener> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    void append(java.time.Instant wall, long deviceNanos, int opcode, int cid, int cdw10, int cdw11, int status,
                int dw0, long durationNanos, String note) {
        AdminLogEntry entry;
        synchronized (this) {
            entry = new AdminLogEntry(++sequence, wall, deviceNanos, opcode, cid, cdw10, cdw11, status, dw0,
                    durationNanos, note);
            entries.addLast(entry);
            if (entries.size() > CAPACITY) {
                entries.removeFirst();
            }
        }
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(entry.describe());
        }
        for (AdminLogListener l : listeners) {
            try {
                l.logged(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An admin log listener failed: " + e.getMessage(), e);
            }
        }
    }

    public synchronized List<AdminLogEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized AdminLogEntry last() {
        return entries.peekLast();
    }

    public synchronized int size() {
        return entries.size();
    }

    public void addListener(AdminLogListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AdminLogListener listener) {
        listeners.remove(listener);
    }
}
