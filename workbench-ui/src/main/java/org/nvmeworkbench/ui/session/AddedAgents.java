package org.nvmeworkbench.ui.session;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.agent.AgentAddress;
import org.nvmeworkbench.core.agent.AgentClient;
import org.nvmeworkbench.core.agent.AgentException;
import org.nvmeworkbench.core.agent.KnownAgents;
import org.nvmeworkbench.core.agent.proto.DeviceEntry;
import org.nvmeworkbench.core.agent.proto.DeviceList;
import org.nvmeworkbench.core.device.DeviceInfo;
import org.nvmeworkbench.core.record.AtomicFile;

/**
 * The agents the user added in the Devices view, with their access tokens: kept across restarts in
 * {@code home/agents/tokens}, in a folder only its owner may enter (the token is a password). Their
 * certificates are pinned on first use in the same {@code known_agents} file the command line uses, so a
 * window and a script trust the same agents.
 */
public final class AddedAgents {
    private static final Logger LOG = Logger.getLogger(AddedAgents.class.getName());

    private final Path home;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final String client;

    public AddedAgents(Path home) {
        this.home = home;
        this.client = System.getProperty("user.name", "someone") + "@" + hostName() + " (workbench)";
        read();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    private Path tokenFile() {
        return home.resolve("agents").resolve("tokens");
    }

    /** HOST:PORT of each agent added, in the order they were added. */
    public synchronized List<String> endpoints() {
        return List.copyOf(tokens.keySet());
    }

    /** How to reach the agent of {@code address}: its token; {@code fingerprint} accepts a new certificate, or null. */
    public synchronized AgentClient.Options options(AgentAddress address, String fingerprint, PrintWriter notices) {
        String token = tokens.get(address.endpoint());
        if (token == null) {
            throw new AgentException("No agent has been added for " + address.endpoint()
                    + ": add it in the Devices view (Add agent) with its access token.", true);
        }
        return new AgentClient.Options(token, fingerprint, new KnownAgents(home.resolve("known_agents")), notices, client);
    }

    /**
     * Connects to the agent at {@code endpoint} with {@code token}, lists its devices and, when that worked,
     * keeps the agent (its certificate pinned on first use, or anew when {@code fingerprint} accepts a changed
     * one). Blocking: call it off the FX thread.
     *
     * @return the agent's devices, named {@code remote://HOST:PORT/DEV}, and what was pinned (or empty)
     * @throws AgentException in one sentence: unreachable, wrong token, changed certificate
     */
    public Listing add(String endpoint, String token, String fingerprint) {
        if (token == null || token.isBlank()) {
            throw new AgentException("Give the agent's access token (the agent printed where its token file is).", true);
        }
        if (fingerprint != null && !fingerprint.isBlank() && !fingerprint.strip().matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw new AgentException("A fingerprint is SHA256: and 43 base64 characters, as the agent prints it.", true);
        }
        AgentAddress address = AgentAddress.parse(AgentAddress.SCHEME + endpoint.strip());
        synchronized (this) {
            String before = tokens.put(address.endpoint(), token.strip());
            try {
                Listing l = list(address, fingerprint == null || fingerprint.isBlank() ? null : fingerprint.strip());
                save();
                return l;
            } catch (RuntimeException e) {
                if (before == null) {
                    tokens.remove(address.endpoint());
                } else {
                    tokens.put(address.endpoint(), before);
                }
                throw e;
            }
        }
    }

    /** Forgets the agent at {@code endpoint} (its pinned certificate stays pinned). */
    public synchronized void remove(String endpoint) {
        if (tokens.remove(endpoint) != null) {
            save();
        }
    }

    /** The devices of every agent added; an agent that cannot be reached is one entry saying why. */
    public List<DeviceInfo> devices() {
        List<DeviceInfo> all = new ArrayList<>();
        for (String endpoint : endpoints()) {
            AgentAddress a = AgentAddress.parse(AgentAddress.SCHEME + endpoint);
            try {
                all.addAll(list(a, null).devices());
            } catch (RuntimeException e) {
                all.add(new DeviceInfo(a.toString(), "the agent at " + endpoint, false, e.getMessage()));
            }
        }
        return all;
    }

    /** An agent's devices and what its first use pinned. */
    public record Listing(List<DeviceInfo> devices, String pinned) {
    }

    private Listing list(AgentAddress address, String fingerprint) {
        StringWriter said = new StringWriter();
        try (AgentClient c = AgentClient.connect(address, options(address, fingerprint, new PrintWriter(said, true)))) {
            DeviceList l = c.list();
            List<DeviceInfo> devices = new ArrayList<>();
            for (DeviceEntry d : l.getDevicesList()) {
                devices.add(new DeviceInfo(address.with(d.getSpec()).toString(), d.getDescription() + " (on " + l.getHost() + ")",
                        d.getAttachable(), d.getWhy()));
            }
            return new Listing(List.copyOf(devices), said.toString().strip());
        }
    }

    private void read() {
        Path f = tokenFile();
        if (!Files.isRegularFile(f)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && !parts[0].startsWith("#")) {
                    tokens.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not read the added agents from " + f, e);
        }
    }

    private void save() {
        Path f = tokenFile();
        StringBuilder sb = new StringBuilder("# Agents added in the workbench's Devices view: HOST:PORT and its access token.\n");
        tokens.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        try {
            Files.createDirectories(f.getParent());
            // The folder keeps everyone else out before the token is written (the file alone would be readable
            // for a moment between its creation and its chmod).
            Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwx------"));
            AtomicFile.write(f, sb.toString().getBytes(StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new AgentException("Could not keep the agent's token in " + f + " (" + e.getMessage() + ").", false, e);
        }
    }
}
