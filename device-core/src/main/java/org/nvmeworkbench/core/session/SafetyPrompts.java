package org.nvmeworkbench.core.session;

import java.util.concurrent.CompletableFuture;

/**
 * The questions the session asks before doing something risky (design.md, "Safety on real devices").
 * The window answers with dialogs; a command line or an agent without a person, writes are refused and Set Features waits for the run.
 * Futures complete on the thread that receives the session's callbacks (the FX thread in the window).
 */
public interface SafetyPrompts {

    /** What to do with Set Features asked for while I/O is in flight. */
    enum ApplyChoice { APPLY_NOW, AFTER_RUN, CANCEL }

    /** True only when the user confirmed writing to the device the question names. */
    CompletableFuture<Boolean> confirmWrites(WriteConfirmation question);

    CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion question);

    /** No one to ask: never write, and never change coalescing under running I/O. */
    SafetyPrompts UNATTENDED = new SafetyPrompts() {
        @Override
        public CompletableFuture<Boolean> confirmWrites(WriteConfirmation question) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion question) {
            return CompletableFuture.completedFuture(ApplyChoice.AFTER_RUN);
        }
    };

    /**
     * A command line's answers: writes as its --allow-writes says, and Set Features never during a run's I/O
     * (it runs one command at a time, so that question does not arise there).
     */
    public static SafetyPrompts consent(boolean allowWrites) {
        return new SafetyPrompts() {
            @Override
            public CompletableFuture<Boolean> confirmWrites(WriteConfirmation question) {
                return CompletableFuture.completedFuture(allowWrites);
            }

            @Override
            public CompletableFuture<ApplyChoice> applyDuringIo(ApplyDuringIoQuestion question) {
                return CompletableFuture.completedFuture(ApplyChoice.AFTER_RUN);
            }
        };
    }
}
