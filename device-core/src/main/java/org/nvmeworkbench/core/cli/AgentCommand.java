package org.nvmeworkbench.core.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.nvmeworkbench.core.agent.AgentAddress;
import org.nvmeworkbench.core.agent.AgentIdentity;
import org.nvmeworkbench.core.agent.AgentServer;
import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.plugin.WorkbenchHome;
import org.nvmeworkbench.core.session.RunHistory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent --listen HOST:PORT}: serves this host's devices (simulator and VFIO) to remote workbenches and
 * command lines, through a headless tuning session per client, over TLS with a token on every call.
 */
@Command(name = "agent", description = {"Serve this host's devices to remote workbenches (remote://HOST:PORT/DEV), over TLS",
    "with an access token; the certificate and token are made on first start in ~/.nvme-workbench/agent/."})
final class AgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:" + AgentAddress.DEFAULT_PORT,
            description = "Where to listen (default: ${DEFAULT-VALUE}; 0.0.0.0:7450 for every interface, port 0 for any free one).")
    String listen;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Take the access token from FILE instead of the one made on first start.")
    Path tokenFile;

    @Override
    public Integer call() throws InterruptedException {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) {
            throw CliFailure.usage("--listen takes HOST:PORT, e.g. 0.0.0.0:7450, not '" + listen + "'.");
        }
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw CliFailure.usage("The port in --listen " + listen + " is not a number.");
        }
        if (port < 0 || port > 65535) {
            throw CliFailure.usage("The port in --listen " + listen + " is " + port + "; a port is 0..65535.");
        }
        Path home = WorkbenchHome.path();
        AgentIdentity id = AgentIdentity.loadOrCreate(home.resolve("agent"), tokenFile);
        AgentServer server = AgentServer.start(host, port, DeviceCatalog.load(), id, new RunHistory(home.resolve("runs")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "agent-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("NVMe Workbench agent listening on " + host + ":" + server.port() + " (TLS).");
        out.println("Certificate fingerprint: " + id.fingerprint());
        out.println("Access token: " + id.tokenFile().toAbsolutePath() + " (copy it to the client; --token-file FILE there).");
        out.println("Clients: nvme-workbench list -d remote://" + (host.equals("0.0.0.0") ? "THIS-HOST" : host) + ":"
                + server.port() + " --token-file FILE");
        out.flush();
        server.awaitTermination();
        return 0;
    }
}
