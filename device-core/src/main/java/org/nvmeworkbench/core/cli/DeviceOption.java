package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.nvmeworkbench.core.agent.AgentClient;
import org.nvmeworkbench.core.agent.AgentException;
import org.nvmeworkbench.core.agent.AgentIdentity;
import org.nvmeworkbench.core.agent.KnownAgents;
import org.nvmeworkbench.core.plugin.WorkbenchHome;

import picocli.CommandLine.Option;

/**
 * {@code -d DEV}: sim (default profile), sim:PROFILE, vfio:DDDD:BB:DD.F or remote://HOST:PORT/DEV, with how to
 * reach an agent (its token, and a certificate to accept). Mixed into every command that attaches a device.
 */
public final class DeviceOption {
    /** The client's token when no --token-file is given, for scripts and CI. */
    static final String TOKEN_VARIABLE = "NVME_WORKBENCH_TOKEN";

    @Option(names = {"-d", "--device"}, paramLabel = "DEV",
            description = "sim, sim:PROFILE, vfio:DDDD:BB:DD.F or remote://HOST:PORT/DEV (default: sim); run takes several "
                    + "(-d A -d B), like fio's --client, and runs the same workload on each at once.")
    java.util.List<String> devices;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "For remote://: the agent's access token, from its token file (or set " + TOKEN_VARIABLE + ").")
    Path tokenFile;

    @Option(names = "--agent-fingerprint", paramLabel = "SHA256:...",
            description = "For remote://: accept the agent's certificate with this fingerprint (and pin it), e.g. after it was re-keyed.")
    String agentFingerprint;

    /** The device as typed, e.g. {@code sim:fast} or {@code vfio:0000:01:00.0}; sim when none was named. */
    public String device() {
        return devices == null || devices.isEmpty() ? "sim" : devices.get(0);
    }

    /** Every device named, in order (sim when none was). */
    java.util.List<String> all() {
        return devices == null || devices.isEmpty() ? java.util.List.of("sim") : java.util.List.copyOf(devices);
    }

    /** This option with another device name (e.g. --profile folded in), the agent options kept. */
    DeviceOption named(String name) {
        DeviceOption o = new DeviceOption();
        o.devices = java.util.List.of(name);
        o.tokenFile = tokenFile;
        o.agentFingerprint = agentFingerprint;
        return o;
    }

    /** How to reach an agent from here: the token, the known agents of this user, first-use pins said on {@code err}. */
    AgentClient.Options agentOptions(PrintWriter err) {
        String token;
        if (tokenFile != null) {
            token = AgentIdentity.readToken(tokenFile);
        } else if (System.getenv(TOKEN_VARIABLE) != null && !System.getenv(TOKEN_VARIABLE).isBlank()) {
            token = System.getenv(TOKEN_VARIABLE).strip();
        } else {
            throw new AgentException("A remote device needs the agent's access token: give --token-file FILE (a copy of "
                    + "the file the agent printed at its start) or set " + TOKEN_VARIABLE + ".", true);
        }
        if (agentFingerprint != null && !agentFingerprint.matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw CliFailure.usage("--agent-fingerprint takes SHA256: and 43 base64 characters, as the agent prints it, not '"
                    + agentFingerprint + "'.");
        }
        String user = System.getProperty("user.name", "someone");
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "this host";
        }
        return new AgentClient.Options(token, agentFingerprint,
                new KnownAgents(WorkbenchHome.path().resolve("known_agents")), err, user + "@" + host);
    }
}
