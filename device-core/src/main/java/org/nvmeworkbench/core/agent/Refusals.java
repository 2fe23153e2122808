package org.nvmeworkbench.core.agent;

import java.util.concurrent.CancellationException;

import io.grpc.Status;

import org.nvmeworkbench.core.device.DeviceException;
import org.nvmeworkbench.core.workload.WorkloadException;

/**
 * A failure on the agent as its client sees it: the session's own sentence, with a status that keeps the
 * command line's exit codes the same as locally (bad input 2: INVALID_ARGUMENT; the device refused or failed 1:
 * FAILED_PRECONDITION or UNAVAILABLE).
 */
final class Refusals {
    private Refusals() {
    }

    static Status status(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof WorkloadException) {
            return Status.INVALID_ARGUMENT.withDescription(m);
        }
        // UNAVAILABLE is left to the transport (the agent went away); a device that refused is a precondition.
        if (e instanceof DeviceException || e instanceof IllegalStateException || e instanceof CancellationException) {
            return Status.FAILED_PRECONDITION.withDescription(m);
        }
        return Status.INTERNAL.withDescription("The agent failed: " + m);
    }
}
