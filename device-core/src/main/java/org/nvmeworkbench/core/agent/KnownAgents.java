package org.nvmeworkbench.core.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nvmeworkbench.core.record.AtomicFile;

/**
 * The agents a client has met, each pinned to its certificate's fingerprint on first use, as ssh's
 * known_hosts: one line {@code HOST:PORT SHA256:...} each, in {@code ~/.nvme-workbench/known_agents}.
 */
public final class KnownAgents {
    private final Path file;

    public KnownAgents(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The pinned fingerprint of {@code endpoint}, or null. */
    public synchronized String pinned(String endpoint) {
        return read().get(endpoint);
    }

    /** Pins {@code endpoint} to {@code fingerprint}, replacing what was there. */
    public synchronized void pin(String endpoint, String fingerprint) {
        Map<String, String> all = read();
        all.put(endpoint, fingerprint);
        StringBuilder sb = new StringBuilder("# Agents this workbench trusts: HOST:PORT and the SHA-256 of its certificate.\n");
        all.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AgentException("Could not record the agent's fingerprint in " + file + " (" + e.getMessage() + ").",
                    false, e);
        }
    }

    private Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                if (parts.length == 2) {
                    out.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new AgentException("Could not read " + file + " (" + e.getMessage() + ").", false, e);
        }
        return out;
    }
}
