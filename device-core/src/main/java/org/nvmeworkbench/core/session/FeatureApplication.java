package org.nvmeworkbench.core.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.FeatureText;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;

/**
 * The one way a session sets Features 08h and 09h on a controller, and the words it says about it;
 * every front end (window, command line, agent) goes through here, so the same situation gets the same
 * sentence. Runs on the device thread, or between two batches of a run.
 *
 * <p>Feature 09h configures only a vector that an I/O completion queue uses (NVMe 2.x, Interrupt Vector
 * Configuration; docs/nvme-reference.md): between runs no such queue exists, so a vector without one is given a
 * short-lived I/O queue pair for the command, deleted at once. CD stays with the vector (it is per vector,
 * not per queue), and the driver sets it again after a reset (its desired features).
 */
public final class FeatureApplication {
    private FeatureApplication() {
    }

    /** Set Features' answer and what became of 09h on each vector, one phrase each. */
    public record Applied(AdminResult result, List<String> vectorNotes) {
        public Applied {
            vectorNotes = List.copyOf(vectorNotes);
        }
    }

    /**
     * Sets 08h to {@code value}, then 09h CD on each vector whose CD changes: the vectors of the controller's I/O
     * queues, or 1..{@code vectorsBetweenRuns} when it has none.
     *
     * @param cdVectors the vectors that should have CD=1; null leaves 09h alone
     */
    public static Applied coalescing(NvmeController c, InterruptCoalescing value, Set<Integer> cdVectors,
                                     int vectorsBetweenRuns) {
        AdminResult r = c.setFeature(FeatureId.INTERRUPT_COALESCING, value.cdw11(), false);
        if (!r.ok()) {
            return new Applied(r, List.of());
        }
        List<Integer> candidates = new ArrayList<>();
        for (int iv = 1; iv <= Math.max(1, vectorsBetweenRuns); iv++) {
            candidates.add(iv);
        }
        return new Applied(r, cd(c, boundOr(c, candidates), cdVectors));
    }

    /**
     * One Set Features for 08h or 09h as given (the command line's set-feature), with a vector bound for 09h
     * when no queue uses it.
     *
     * @return the answer, and for 09h what was done to bind the vector
     */
    public static Applied raw(NvmeController c, int fid, int cdw11, boolean save) {
        if (fid != FeatureId.INTERRUPT_VECTOR_CONFIGURATION) {
            return new Applied(c.setFeature(fid, cdw11, save), List.of());
        }
        int iv = cdw11 & 0xFFFF;
        List<String> notes = new ArrayList<>();
        AdminResult[] answer = new AdminResult[1];
        withVectorBound(c, iv, notes, () -> answer[0] = c.setFeature(fid, cdw11, save));
        return new Applied(answer[0], notes);
    }

    /** "Interrupt Coalescing set: ...; IV 1 CD=1 (coalescing disabled)." or the device's refusal, in words. */
    public static String said(InterruptCoalescing value, Applied a) {
        if (!a.result().ok()) {
            return FeatureText.failure("set-feature", FeatureId.INTERRUPT_COALESCING, a.result().status());
        }
        String m = "Interrupt Coalescing set: " + value.describe();
        return m + (a.vectorNotes().isEmpty() ? "" : "; " + String.join("; ", a.vectorNotes())) + ".";
    }

    /** The vectors of the controller's I/O completion queues, or {@code fallback} when it has none (between runs). */
    private static List<Integer> boundOr(NvmeController c, List<Integer> fallback) {
        Set<Integer> bound = boundVectors(c);
        return bound.isEmpty() ? fallback : new ArrayList<>(bound);
    }

    private static Set<Integer> boundVectors(NvmeController c) {
        Set<Integer> bound = new TreeSet<>();
        for (IoQueuePair q : c.ioQueuePairs()) {
            if (q.vector() > 0) {
                bound.add(q.vector());
            }
        }
        return bound;
    }

    /** Set Features 09h on each of {@code vectors} whose CD as the driver knows it differs from {@code cdVectors}. */
    private static List<String> cd(NvmeController c, List<Integer> vectors, Set<Integer> cdVectors) {
        List<String> notes = new ArrayList<>();
        if (cdVectors == null) {
            return notes;
        }
        for (int iv : vectors) {
            boolean cd = cdVectors.contains(iv);
            if (cd == c.coalescingDisabled(iv)) {
                continue;
            }
            List<String> binding = new ArrayList<>();
            AdminResult[] r = new AdminResult[1];
            boolean bound = withVectorBound(c, iv, binding, () -> r[0] = c.setFeature(
                    FeatureId.INTERRUPT_VECTOR_CONFIGURATION, new InterruptVectorConfig(iv, cd).cdw11(), false));
            if (!bound) {
                notes.addAll(binding);
            } else if (r[0].ok()) {
                notes.add("IV " + iv + " CD=" + (cd ? 1 : 0) + " (" + (cd ? "coalescing disabled" : "coalescing allowed") + ")");
            } else {
                String f = FeatureText.failure("set-feature", FeatureId.INTERRUPT_VECTOR_CONFIGURATION, r[0].status());
                notes.add("IV " + iv + ": " + f.substring(0, f.length() - 1));
            }
        }
        return notes;
    }

    /**
     * Runs {@code command} with an I/O completion queue on vector {@code iv}: the one there, or a short-lived
     * pair (qid = iv) created for it and deleted afterwards.
     *
     * @return false when no queue could be put on the vector (the reason is added to {@code notes})
     */
    private static boolean withVectorBound(NvmeController c, int iv, List<String> notes, Runnable command) {
        if (iv == 0 || boundVectors(c).contains(iv) || iv >= c.vectorCount() || iv > c.grantedQueues()) {
            // IV 0 and vectors beyond the granted ones go to the device as they are: its answer is the point.
            command.run();
            return true;
        }
        IoQueuePair q;
        try {
            q = c.createIoQueuePair(iv, 2, iv);
        } catch (RuntimeException e) {
            notes.add("IV " + iv + " has no I/O completion queue and none could be created on it (" + e.getMessage()
                    + "), so its Interrupt Vector Configuration was not changed");
            return false;
        }
        try {
            command.run();
        } finally {
            c.deleteIoQueuePair(q);
        }
        notes.add("I/O queue " + iv + " was created on IV " + iv + " for the command and deleted after: Feature 09h "
                + "configures only a vector that a completion queue uses");
        return true;
    }
}
