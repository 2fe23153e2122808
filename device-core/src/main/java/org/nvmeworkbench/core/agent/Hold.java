package org.nvmeworkbench.core.agent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

import org.nvmeworkbench.core.agent.proto.HoldRequest;
import org.nvmeworkbench.core.agent.proto.SessionEvent;
import org.nvmeworkbench.core.session.Failures;

/**
 * A client's hold on a device of an agent: the Hold call, open for as long as the device is held, and the lease
 * the other calls name. The command line's session and the window's followed session both start here.
 */
final class Hold {
    final String lease;
    private final ClientCallStreamObserver<HoldRequest> call;

    private Hold(String lease, ClientCallStreamObserver<HoldRequest> call) {
        this.lease = lease;
        this.call = call;
    }

    /**
     * Asks the agent of {@code address} to hold its device and waits for the lease (60 s at most). After it,
     * the session's events go to {@code events} and a hold that ends (the agent gone or letting go) to
     * {@code lost}, in one sentence. On failure {@code client} is closed and the failure thrown as one sentence.
     */
    static Hold open(AgentClient client, AgentAddress address, HoldRequest request, Consumer<SessionEvent> events,
                     Consumer<String> lost) {
        CompletableFuture<String> held = new CompletableFuture<>();
        AtomicReference<ClientCallStreamObserver<HoldRequest>> call = new AtomicReference<>();
        client.async().hold(request, new ClientResponseObserver<HoldRequest, SessionEvent>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<HoldRequest> requestStream) {
                call.set(requestStream);
            }

            @Override
            public void onNext(SessionEvent e) {
                if (e.hasHeld()) {
                    held.complete(e.getHeld().getLease());
                } else {
                    events.accept(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                if (!held.completeExceptionally(t)) {
                    lost.accept(t instanceof StatusRuntimeException s ? client.failure(s).getMessage() : Failures.sentence(t));
                }
            }

            @Override
            public void onCompleted() {
                if (!held.completeExceptionally(new AgentException("The agent at " + address.endpoint()
                        + " ended the hold on " + address.device() + ".", false))) {
                    lost.accept("The agent at " + address.endpoint() + " let go of " + address.device() + ".");
                }
            }
        });
        try {
            String lease = held.get(60, TimeUnit.SECONDS);
            client.pinOnFirstUse();
            return new Hold(lease, call.get());
        } catch (ExecutionException e) {
            client.close();
            Throwable cause = e.getCause();
            if (cause instanceof StatusRuntimeException s) {
                throw client.failure(s);
            }
            throw cause instanceof RuntimeException r ? r : new AgentException(Failures.sentence(cause), false, cause);
        } catch (TimeoutException e) {
            client.close();
            throw new AgentException("The agent at " + address.endpoint() + " did not attach " + address.device()
                    + " within 60 s.", false, e);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new AgentException("Interrupted while attaching " + address + ".", false, e);
        }
    }

    /** Lets go of the device; the agent stops a run in progress, keeps its record and releases the device. */
    void cancel(String why) {
        call.cancel(why, null);
    }
}
