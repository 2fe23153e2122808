package org.nvmeworkbench.core.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.IdentifyController;

/**
 * What the Controller view shows, read from the device in one go: Identify Controller, the registers,
 * Features 07h and 08h, and 09h for each vector bound to an I/O completion queue now. 09h names a vector
 * that an I/O CQ uses (Interrupt Vector Configuration, docs/nvme-reference.md), so it is only read while a run's queues
 * exist. Data, not text: the window reads it here or receives it from an agent, and words it the same way.
 *
 * @param features 07h and 08h as the device answered them
 * @param vectors  09h per vector bound to an I/O CQ, in vector order; empty between runs
 * @param duringRun whether it was read between two batches of a run
 */
public record ControllerReadout(IdentifyController controller, ControllerRegisters registers, List<FeatureRead> features,
                                List<VectorRead> vectors, boolean duringRun) {

    public ControllerReadout {
        features = List.copyOf(features);
        vectors = List.copyOf(vectors);
    }

    /** One Get Features answer. */
    public record FeatureRead(int fid, AdminResult result) {
    }

    /** Get Features 09h for vector {@code iv}, which the I/O CQs {@code cqs} signal. */
    public record VectorRead(int iv, Set<Integer> cqs, AdminResult result) {
        public VectorRead {
            cqs = Set.copyOf(new TreeSet<>(cqs));
        }
    }

    /** Reads {@code c} now; on the thread that owns it (the device thread, or between a run's batches). */
    public static ControllerReadout read(NvmeController c, boolean duringRun) {
        List<FeatureRead> features = new ArrayList<>();
        for (int fid : new int[] {FeatureId.NUMBER_OF_QUEUES, FeatureId.INTERRUPT_COALESCING}) {
            features.add(new FeatureRead(fid, c.getFeature(fid, FeatureId.SEL_CURRENT, 0)));
        }
        TreeMap<Integer, Set<Integer>> cqsByVector = new TreeMap<>();
        for (IoQueuePair q : c.ioQueuePairs()) {
            cqsByVector.computeIfAbsent(q.vector(), v -> new TreeSet<>()).add(q.qid());
        }
        List<VectorRead> vectors = new ArrayList<>();
        for (var e : cqsByVector.entrySet()) {
            vectors.add(new VectorRead(e.getKey(), e.getValue(),
                    c.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, e.getKey())));
        }
        return new ControllerReadout(c.identifyController(), c.registers(), features, vectors, duringRun);
    }
}
