package org.nvmeworkbench.ui.session;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a session.json must look like to be believed: each field of its type and range, and a device that is a
 * device name. The window offers the device from this file, so a path smuggled in as a BDF must never get as
 * far as the device providers. Each check returns the damage as a phrase naming the field, or null.
 */
final class StateChecks {
    /** sim, sim:PROFILE or vfio: with a strict PCI address (domain:bus:device.function, hexadecimal). */
    private static final String LOCAL = "sim(:[a-z0-9-]{1,32})?|vfio:[0-9a-f]{4}:[0-9a-f]{2}:[01][0-9a-f]\\.[0-7]";
    /** One of those on an agent: remote://HOST:PORT/DEV, the host a DNS name, an IPv4 or a bracketed IPv6 address. */
    static final Pattern DEVICE = Pattern.compile(LOCAL + "|remote://([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]):[0-9]{1,5}/("
            + LOCAL + ")");

    private StateChecks() {
    }

    static String session(JsonNode o) {
        JsonNode d = o.get("device");
        if (d != null && !d.isNull() && (!d.isTextual() || !DEVICE.matcher(d.asText()).matches())) {
            return "its \"device\" " + d + " is not sim, sim:PROFILE, vfio:DDDD:BB:DD.F or one of those on an agent (remote://HOST:PORT/DEV)";
        }
        JsonNode w = o.get("workload");
        if (w != null && !w.isNull()) {
            if (!w.isObject()) {
                return "\"workload\" is not an object";
            }
            String bad = firstBad(w, new String[] {"bs", "iodepth", "queues", "rwmixread"}, 0, Integer.MAX_VALUE, true);
            if (bad == null) {
                bad = firstBad(w, new String[] {"runtime_ns", "ios", "seed"}, Long.MIN_VALUE, Long.MAX_VALUE, false);
            }
            if (bad != null) {
                return "\"workload." + bad + "\" is not a whole number in range";
            }
            if (w.has("rw") && !w.get("rw").isTextual()) {
                return "\"workload.rw\" is not text";
            }
            if (w.has("polling") && !w.get("polling").isBoolean()) {
                return "\"workload.polling\" is not true or false";
            }
            if (w.has("cd_vectors") && !w.get("cd_vectors").isArray()) {
                return "\"workload.cd_vectors\" is not a list";
            }
        }
        JsonNode c = o.get("coalesce");
        if (c != null && !c.isNull()) {
            if (!c.isObject() || !c.path("thr").canConvertToInt() || !c.path("thr").isIntegralNumber()
                    || c.path("thr").asInt() < 0 || c.path("thr").asInt() > 255 || !c.path("time").isIntegralNumber()
                    || c.path("time").asInt() < 0 || c.path("time").asInt() > 255) {
                return "\"coalesce\" does not hold THR and TIME of 0 to 255";
            }
        }
        JsonNode win = o.get("window");
        if (win != null && !win.isNull()) {
            for (String f : new String[] {"x", "y", "width", "height"}) {
                if (win.has(f) && !win.get(f).isNumber()) {
                    return "\"window." + f + "\" is not a number";
                }
            }
        }
        return null;
    }

    private static String firstBad(JsonNode o, String[] fields, long min, long max, boolean positiveInt) {
        for (String f : fields) {
            JsonNode n = o.get(f);
            if (n == null) {
                continue;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max
                    || positiveInt && (!n.canConvertToInt() || n.asInt() < 0)) {
                return f;
            }
        }
        return null;
    }
}
