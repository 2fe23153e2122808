package org.nvmeworkbench.core.vfio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nvmeworkbench.core.device.DeviceException;

/** A PCI function address, domain:bus:device.function, as sysfs and VFIO spell it (lower-case hex). */
record Bdf(String text) {
    private static final Pattern FORM = Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{2}):([01][0-9a-fA-F])\\.([0-7])");

    /** Parses {@code DDDD:BB:DD.F}; anything else is refused with one sentence showing the form. */
    static Bdf parse(String s) {
        Matcher m = FORM.matcher(s == null ? "" : s.trim());
        if (!m.matches()) {
            throw new DeviceException("'" + s + "' is not a PCI address: write it as DDDD:BB:DD.F, e.g. vfio:0000:01:00.0.");
        }
        return new Bdf(s.trim().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return text;
    }
}
