package org.nvmeworkbench.core.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an agent listens, and a device on it: {@code remote://HOST:PORT/DEV} (e.g.
 * {@code remote://lab7:7450/vfio:0000:01:00.0}), or {@code remote://HOST[:PORT]} for the host alone.
 *
 * @param host   the agent's host name or address
 * @param port   its port (default {@link #DEFAULT_PORT})
 * @param device the device as the agent's host names it, or "" for none
 */
public record AgentAddress(String host, int port, String device) {
    public static final int DEFAULT_PORT = 7450;
    public static final String SCHEME = "remote://";
    private static final Pattern FORM = Pattern.compile("remote://(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?(?:/(.*))?");

    /** Whether {@code spec} names a device on an agent. */
    public static boolean names(String spec) {
        return spec != null && spec.startsWith(SCHEME);
    }

    /** Parses {@code remote://HOST[:PORT][/DEV]}; a malformed one is one sentence (IllegalArgumentException). */
    public static AgentAddress parse(String spec) {
        Matcher m = FORM.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not a remote device: write remote://HOST:PORT/DEV, "
                    + "e.g. remote://lab7:7450/sim.");
        }
        int port = m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port in '" + spec + "' is " + port + "; a port is 1..65535.");
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new AgentAddress(host, port, m.group(3) == null ? "" : m.group(3));
    }

    /** {@code HOST:PORT}, as the agent's listen address and the known-agents file write it. */
    public String endpoint() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** This agent with {@code dev}. */
    public AgentAddress with(String dev) {
        return new AgentAddress(host, port, dev);
    }

    @Override
    public String toString() {
        return SCHEME + endpoint() + (device.isEmpty() ? "" : "/" + device);
    }
}
