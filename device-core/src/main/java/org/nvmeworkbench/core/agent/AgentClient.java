package org.nvmeworkbench.core.agent;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;

import org.nvmeworkbench.core.agent.proto.AgentGrpc;
import org.nvmeworkbench.core.agent.proto.DeviceList;
import org.nvmeworkbench.core.agent.proto.ListDevicesRequest;

/**
 * A connection to an agent: TLS with the agent's certificate pinned (first use pins it and says so; a changed
 * one is refused in a sentence that says how to accept it), the token on every call. An agent that dies closes
 * its connections at once; keepalive probes every second find one that went silent (a host or network gone),
 * with a 5 s grace so that a slow handshake on a busy host is not taken for one. Nothing here ever asks on a
 * terminal.
 */
public final class AgentClient implements AutoCloseable {
    private final AgentAddress address;
    private final ManagedChannel channel;
    private final PinnedCertificate trust;
    private final Options options;
    private final AgentGrpc.AgentBlockingStub blocking;
    private final AgentGrpc.AgentStub async;
    private boolean pinChecked;

    /**
     * How to reach and trust an agent.
     *
     * @param token       the agent's access token
     * @param fingerprint the certificate to accept ({@code SHA256:...}) instead of the pinned one, or null
     * @param known       where fingerprints are pinned
     * @param notices     where first-use pins are said (stderr), or null
     * @param client      who this is, shown to another client the device is held for
     */
    public record Options(String token, String fingerprint, KnownAgents known, PrintWriter notices, String client) {
    }

    private AgentClient(AgentAddress address, ManagedChannel channel, PinnedCertificate trust, Options options) {
        this.address = address;
        this.channel = channel;
        this.trust = trust;
        this.options = options;
        Metadata auth = new Metadata();
        auth.put(TokenCheck.AUTHORIZATION, "Bearer " + options.token());
        var withToken = MetadataUtils.newAttachHeadersInterceptor(auth);
        this.blocking = AgentGrpc.newBlockingStub(channel).withInterceptors(withToken);
        this.async = AgentGrpc.newStub(channel).withInterceptors(withToken);
    }

    public static AgentClient connect(AgentAddress address, Options options) {
        String pin = options.fingerprint() != null ? options.fingerprint() : options.known().pinned(address.endpoint());
        PinnedCertificate trust = new PinnedCertificate(address.endpoint(), pin);
        try {
            ManagedChannel ch = NettyChannelBuilder.forAddress(address.host(), address.port())
                    .sslContext(GrpcSslContexts.forClient().trustManager(trust).build())
                    .keepAliveTime(1, TimeUnit.SECONDS)
                    .keepAliveTimeout(5, TimeUnit.SECONDS)
                    .keepAliveWithoutCalls(true)
                    .build();
            return new AgentClient(address, ch, trust, options);
        } catch (SSLException e) {
            throw new AgentException("TLS could not be set up for " + address.endpoint() + ": " + e.getMessage() + ".",
                    false, e);
        }
    }

    public AgentAddress address() {
        return address;
    }

    AgentGrpc.AgentBlockingStub blocking() {
        return blocking;
    }

    AgentGrpc.AgentStub async() {
        return async;
    }

    Options options() {
        return options;
    }

    /** The agent's devices, with why one cannot be attached. */
    public DeviceList list() {
        try {
            DeviceList l = blocking.withDeadlineAfter(30, TimeUnit.SECONDS).listDevices(ListDevicesRequest.getDefaultInstance());
            pinOnFirstUse();
            return l;
        } catch (StatusRuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * After the first call that got through: pins the certificate the agent presented when it was not pinned
     * (first use), or when the user accepted a new one with --agent-fingerprint, and says so on stderr.
     */
    void pinOnFirstUse() {
        if (pinChecked) {
            return;
        }
        pinChecked = true;
        String seen = trust.presented();
        if (seen == null) {
            return;
        }
        String before = options.known().pinned(address.endpoint());
        if (seen.equals(before)) {
            return;
        }
        options.known().pin(address.endpoint(), seen);
        if (options.notices() != null) {
            options.notices().println((before == null ? "Pinned the agent at " + address.endpoint() + " on first use as "
                    : "Pinned the agent at " + address.endpoint() + " anew as ") + seen + " (in " + options.known().file()
                    + ").");
            options.notices().flush();
        }
    }

    /** A failed call as one sentence: the agent's own, or what kept us from it. */
    AgentException failure(StatusRuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedCertificate.Mismatch m) {
                return new AgentException(m.getMessage(), true, e);
            }
        }
        Status s = e.getStatus();
        String where = "the agent at " + address.endpoint();
        if (hasCause(e, ConnectException.class)) {
            return new AgentException(capital(where) + " cannot be reached (connection refused); is nvme-workbench agent "
                    + "running there?", false, e);
        }
        if (s.getCode() == Status.Code.UNAVAILABLE) {
            // The agent answers its own refusals with other codes: this one is the connection itself.
            String why = s.getDescription() != null ? s.getDescription().lines().findFirst().orElse("") : rootMessage(e);
            return new AgentException(capital(where) + " went away or cannot be reached (" + lowerNoDot(why) + ").", false, e);
        }
        String d = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
        return new AgentException(d.endsWith(".") ? d : d + ".", s.getCode() == Status.Code.INVALID_ARGUMENT
                || s.getCode() == Status.Code.UNAUTHENTICATED, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static String lowerNoDot(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
