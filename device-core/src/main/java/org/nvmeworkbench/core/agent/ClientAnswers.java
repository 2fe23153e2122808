package org.nvmeworkbench.core.agent;

import java.util.concurrent.CompletableFuture;

import org.nvmeworkbench.core.session.ApplyDuringIoQuestion;
import org.nvmeworkbench.core.session.SafetyPrompts;
import org.nvmeworkbench.core.session.WriteConfirmation;

/**
 * The safety questions of an agent's session, answered as its client already answered them: no one sits at
 * the agent, so the client asks its own user before the call (naming host and device) and the call carries
 * the answer. Writes are allowed when the hold said so (a command line's --allow-writes) or the call in
 * progress did (a window's confirmation); Set Features during a run reaches the question only when the client
 * chose to apply it now (after the run, the agent waits for the device instead).
 */
final class ClientAnswers implements SafetyPrompts {
    private final boolean writesForTheHold;
    private volatile boolean writesForThisCall;

    ClientAnswers(boolean writesForTheHold) {
        this.writesForTheHold = writesForTheHold;
    }

    /** The yes (or no) of the run or sweep the client starts now; the device's calls are one at a time. */
    void allowWritesForThisCall(boolean yes) {
        writesForThisCall = yes;
    }

    @Override
    public CompletableFuture<Boolean> confirmWrites(WriteConfirmation question) {
        return CompletableFuture.completedFuture(writesForTheHold || writesForThisCall);
    }

    @Override
    public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion question) {
        return CompletableFuture.completedFuture(ApplyChoice.APPLY_NOW);
    }
}
