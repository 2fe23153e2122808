package org.nvmeworkbench.core.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverException;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.spec.FeatureId;
import org.nvmeworkbench.core.spec.IdentifyController;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.InterruptVectorConfig;
import org.nvmeworkbench.core.spec.StatusCode;
import org.nvmeworkbench.core.telemetry.RunGauges;
import org.nvmeworkbench.core.telemetry.RunState;

/**
 * Runs one workload on a controller: sets the spec's features (a refusal is noted and the run goes
 * on), creates the queue pairs (IV = queue id), reads the features back, keeps iodepth in flight per
 * queue until a limit is reached, and deletes its queues at the end.
 */
public final class WorkloadRunner {
    private static final Logger LOG = Logger.getLogger(WorkloadRunner.class.getName());

    public RunResult run(NvmeController ctrl, WorkloadSpec spec, RunObserver observer) {
        spec.validate(ctrl);
        RunObserver obs = observer == null ? RunObserver.NONE : observer;
        PciFunction pci = ctrl.pci();
        Instant startedAt = Instant.now();
        List<String> featureNotes = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        if (spec.coalescing() != null) {
            AdminResult r = ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, spec.coalescing().cdw11(), false);
            if (!r.ok()) {
                featureNotes.add(refusal("Interrupt Coalescing", r.status()));
            }
        }
        RunGauges gauges = new RunGauges();
        List<IoQueuePair> created = new ArrayList<>();
        RunResult result;
        try {
            int entries = Math.max(2, spec.iodepth() + 1);
            for (int qid = 1; qid <= spec.queues(); qid++) {
                created.add(ctrl.createIoQueuePair(qid, entries, WorkloadSpec.vectorFor(qid, ctrl.vectorCount()),
                        spec.blockSize(), !spec.polling()));
            }
            Set<Integer> vectors = new LinkedHashSet<>();
            for (IoQueuePair q : created) {
                vectors.add(q.vector());
            }
            if (spec.cdVectors() != null) {
                for (int v : vectors) {
                    if (v == 0) {
                        continue; // the admin vector cannot be configured
                    }
                    boolean cd = spec.cdVectors().contains(v);
                    AdminResult r = ctrl.setFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION,
                            new InterruptVectorConfig(v, cd).cdw11(), false);
                    if (!r.ok()) {
                        featureNotes.add(refusal("Interrupt Vector Configuration for IV " + v, r.status()));
                    }
                }
            }
            RunResult.FeaturesReadBack readBack = readBack(ctrl, vectors, featureNotes);

            IoQueuePair[] qs = created.toArray(new IoQueuePair[0]);
            IoLoop loop = new IoLoop(ctrl, qs, spec, ctrl.namespace().nsze(), ctrl.namespace().lbaSize(),
                    ctrl.options().adminTimeoutNanos(), ctrl.options().interruptRecheckNanos(), gauges);
            int[] used = loop.vectorsInUse();
            long[] irqStart = new long[used.length];
            for (int i = 0; i < used.length; i++) {
                irqStart[i] = pci.interruptCount(used[i]);
            }
            long cpuStart = pci.interruptCpuNanos();
            gauges.state(RunState.RUNNING);
            obs.started(new LiveRun(ctrl, gauges));

            loop.run(obs);

            long cpu = pci.interruptCpuNanos() - cpuStart;
            List<RunResult.VectorCount> counts = new ArrayList<>();
            long totalIrqs = 0;
            for (int i = 0; i < used.length; i++) {
                long n = pci.interruptCount(used[i]) - irqStart[i];
                long completions = 0;
                for (IoQueuePair q : qs) {
                    if (q.vector() == used[i]) {
                        completions += loop.completionsOf(q.qid());
                    }
                }
                counts.add(new RunResult.VectorCount(used[i], n, completions));
                totalIrqs += n;
            }
            long duration = Math.max(0, loop.endNanos - loop.startNanos);
            if (loop.cancelled) {
                notes.add("The run was cancelled after " + loop.completed + " I/Os.");
            }
            if (loop.abortsSent > 0) {
                notes.add(loop.abortsSent + " I/O command(s) did not complete within "
                        + ctrl.options().adminTimeoutNanos() / 1_000_000 + " ms; the driver sent Abort for them ("
                        + loop.abortsAccepted + " aborted) and stopped issuing.");
            }
            if (loop.stuckCommands > 0) {
                notes.add(loop.stuckCommands + " I/O command(s) did not complete even after Abort; the run stopped without them.");
            }
            if (loop.lostInterruptRecoveries > 0) {
                notes.add("Completions were found without their interrupt " + loop.lostInterruptRecoveries
                        + " time(s); the driver picked them up by polling after "
                        + ctrl.options().interruptRecheckNanos() / 1_000_000 + " ms each.");
            }
            if (loop.errors > 0) {
                notes.add(loop.errors + " I/O(s) completed with an error, the first with "
                        + StatusCode.describe(loop.firstErrorStatus) + ".");
            }
            IdentifyController id = ctrl.identifyController();
            result = new RunResult(pci.name(), new RunResult.IdentifySummary(id.mn(), id.sn(), id.fr()),
                    spec, spec.seed(), startedAt, duration, loop.completed,
                    duration == 0 ? 0 : loop.completed * 1e9 / duration, loop.readLatency, loop.writeLatency,
                    counts, totalIrqs, totalIrqs == 0 ? 0 : (double) loop.completed / totalIrqs,
                    duration == 0 ? 0 : cpu * 100.0 / duration, readBack, featureNotes, loop.timeSeries(),
                    ToolVersion.get(), loop.errors, notes);
        } finally {
            gauges.state(RunState.FINISHED);
            for (IoQueuePair q : created) {
                try {
                    ctrl.deleteIoQueuePair(q);
                } catch (DriverException e) {
                    LOG.log(Level.WARNING, "Queue " + q.qid() + " could not be deleted: " + e.getMessage(), e);
                }
            }
        }
        obs.finished(result);
        return result;
    }

    private static RunResult.FeaturesReadBack readBack(NvmeController ctrl, Set<Integer> vectors, List<String> notes) {
        AdminResult c = ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);
        int raw = c.ok() ? c.dw0() : -1;
        String decoded;
        if (c.ok()) {
            decoded = InterruptCoalescing.fromCdw11(c.dw0()).describe();
        } else {
            decoded = "unknown: the device refused Get Features for Interrupt Coalescing ("
                    + StatusCode.name(c.status()) + ")";
            notes.add("The device did not report Interrupt Coalescing (" + StatusCode.name(c.status()) + ").");
        }
        List<RunResult.VectorConfigReadBack> per = new ArrayList<>();
        for (int v : vectors) {
            AdminResult r = ctrl.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, v);
            if (r.ok()) {
                per.add(new RunResult.VectorConfigReadBack(v, r.dw0(), (r.dw0() & InterruptVectorConfig.CD_BIT) != 0));
            } else {
                per.add(new RunResult.VectorConfigReadBack(v, -1, false));
                notes.add("The device did not report Interrupt Vector Configuration for IV " + v + " ("
                        + StatusCode.name(r.status()) + ").");
            }
        }
        return new RunResult.FeaturesReadBack(raw, decoded, per);
    }

    /** e.g. "the device does not let you change Interrupt Coalescing (Feature Not Changeable); ...". */
    static String refusal(String feature, int status) {
        if (status == StatusCode.FEATURE_NOT_CHANGEABLE) {
            return "the device does not let you change " + feature + " (Feature Not Changeable); the run uses the "
                    + "device's own values";
        }
        return "the device refused to set " + feature + " (" + StatusCode.name(status) + "); the run uses the "
                + "device's own values";
    }
}
