package org.nvmeworkbench.core.driver;

/**
 * Receives completions from {@link IoQueuePair#reapCompletions}. Primitive arguments only: the reap
 * path allocates nothing.
 */
public interface CompletionSink {

    /**
     * @param qid    the queue the entry came from
     * @param cid    the command (slot) that completed
     * @param status SCT and SC packed as {@link org.nvmeworkbench.core.spec.StatusCode#code}; 0 is success
     * @param result DW0 of the completion entry, unsigned
     */
    void onCompletion(int qid, int cid, int status, long result);
}
