package org.nvmeworkbench.core.workload;

import java.util.Locale;

/** fio's {@code rw=}: the I/O pattern. */
public enum ReadWrite {
    READ("read", false, true, false),
    WRITE("write", false, false, true),
    RANDREAD("randread", true, true, false),
    RANDWRITE("randwrite", true, false, true),
    RW("rw", false, true, true),
    RANDRW("randrw", true, true, true);

    private final String fioName;
    private final boolean random;
    private final boolean reads;
    private final boolean writes;

    ReadWrite(String fioName, boolean random, boolean reads, boolean writes) {
        this.fioName = fioName;
        this.random = random;
        this.reads = reads;
        this.writes = writes;
    }

    /** The name fio uses: read, write, randread, randwrite, rw, randrw. */
    public String fioName() {
        return fioName;
    }

    public boolean random() {
        return random;
    }

    public boolean reads() {
        return reads;
    }

    public boolean writes() {
        return writes;
    }

    /** Whether reads and writes are mixed (rwmixread applies). */
    public boolean mixed() {
        return reads && writes;
    }

    /** Parses fio's names, including the alias {@code readwrite} for {@code rw}. */
    public static ReadWrite parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("readwrite")) {
            return RW;
        }
        for (ReadWrite rw : values()) {
            if (rw.fioName.equals(n)) {
                return rw;
            }
        }
        throw new IllegalArgumentException("Unknown I/O pattern '" + name
                + "': use read, write, randread, randwrite, rw (readwrite) or randrw.");
    }

    /** The pattern fio calls {@code name}, or null when this workbench does not run it. */
    public static ReadWrite ofFioName(String name) {
        try {
            return parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return fioName;
    }
}
