package org.nvmeworkbench.core.workload;

import java.util.Locale;

/**
 * fio's {@code rw=}: the I/O pattern. A trim is a Dataset Management deallocate (NVM Command Set spec
 * 3.2.3); fio's trimwrite trims blocks and then writes the same blocks.
 */
public enum ReadWrite {
    READ("read", false, true, false, false),
    WRITE("write", false, false, true, false),
    RANDREAD("randread", true, true, false, false),
    RANDWRITE("randwrite", true, false, true, false),
    RW("rw", false, true, true, false),
    RANDRW("randrw", true, true, true, false),
    TRIM("trim", false, false, false, true),
    RANDTRIM("randtrim", true, false, false, true),
    TRIMWRITE("trimwrite", false, false, true, true),
    RANDTRIMWRITE("randtrimwrite", true, false, true, true);

    private final String fioName;
    private final boolean random;
    private final boolean reads;
    private final boolean writesData;
    private final boolean trims;

    ReadWrite(String fioName, boolean random, boolean reads, boolean writesData, boolean trims) {
        this.fioName = fioName;
        this.random = random;
        this.reads = reads;
        this.writesData = writesData;
        this.trims = trims;
    }

    /** The name fio uses: read, write, randread, randwrite, rw, randrw, trim, randtrim, trimwrite, randtrimwrite. */
    public String fioName() {
        return fioName;
    }

    public boolean random() {
        return random;
    }

    public boolean reads() {
        return reads;
    }

    /**
     * Whether it changes what the device holds, by writing data or deallocating it: either needs the
     * user's explicit yes (--allow-writes, the window's confirmation).
     */
    public boolean writes() {
        return writesData || trims;
    }

    /** Whether it sends Write commands. */
    public boolean writesData() {
        return writesData;
    }

    /** Whether it sends Dataset Management deallocates. */
    public boolean trims() {
        return trims;
    }

    /** Whether reads and writes are mixed (rwmixread applies). */
    public boolean mixed() {
        return reads && writesData;
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
                + "': use read, write, randread, randwrite, rw (readwrite), randrw, trim, randtrim, trimwrite or randtrimwrite.");
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
