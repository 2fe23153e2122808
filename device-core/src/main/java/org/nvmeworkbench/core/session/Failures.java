package org.nvmeworkbench.core.session;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the one sentence a user sees. */
public final class Failures {
    private Failures() {
    }

    public static String sentence(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "Something failed unexpectedly (" + e.getClass().getSimpleName() + "); the log has the details.";
        }
        return m.endsWith(".") ? m : m + ".";
    }
}
