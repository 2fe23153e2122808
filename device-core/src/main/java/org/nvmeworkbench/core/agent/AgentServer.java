package org.nvmeworkbench.core.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import org.nvmeworkbench.core.device.DeviceCatalog;
import org.nvmeworkbench.core.session.RunHistory;

/**
 * {@code nvme-workbench agent}: serves this host's devices to remote workbenches over gRPC, always with TLS
 * (the agent's self-signed certificate, pinned by clients) and the access token on every call.
 */
public final class AgentServer implements AutoCloseable {
    private final Server server;
    private final AgentService service;
    private final AgentIdentity identity;

    private AgentServer(Server server, AgentService service, AgentIdentity identity) {
        this.server = server;
        this.service = service;
        this.identity = identity;
    }

    /**
     * Starts listening on {@code host:port} (port 0 picks a free one).
     *
     * @param history where the runs made for clients are kept on this host
     */
    public static AgentServer start(String host, int port, DeviceCatalog catalog, AgentIdentity identity,
                                    RunHistory history) {
        AgentService service = new AgentService(catalog, hostName(host), history);
        try {
            Server s = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                    .sslContext(GrpcSslContexts.forServer(identity.certificate().toFile(), identity.key().toFile()).build())
                    .addService(ServerInterceptors.intercept(service, new TokenCheck(identity.token())))
                    // Clients probe every second so that a vanished agent is noticed within 2 s.
                    .permitKeepAliveTime(500, TimeUnit.MILLISECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    .build()
                    .start();
            return new AgentServer(s, service, identity);
        } catch (IOException e) {
            throw new AgentException("The agent cannot listen on " + host + ":" + port + " (" + reason(e) + ").", false, e);
        }
    }

    private static String reason(IOException e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String hostName(String listen) {
        if (!listen.equals("0.0.0.0") && !listen.equals("::")) {
            return listen;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return listen;
        }
    }

    public int port() {
        return server.getPort();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        service.shutdown();
        server.shutdown();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
    }
}
