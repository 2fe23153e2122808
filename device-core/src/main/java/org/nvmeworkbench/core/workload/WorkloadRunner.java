package org.nvmeworkbench.core.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.HdrHistogram.Histogram;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.DriverException;
import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.host.CorePlan;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.host.HostTopology;
import org.nvmeworkbench.core.pci.PciFunction;
import org.nvmeworkbench.core.record.DeviceIdentity;
import org.nvmeworkbench.core.record.FeatureReadback;
import org.nvmeworkbench.core.record.HostCpuUse;
import org.nvmeworkbench.core.record.LatencyHistogram;
import org.nvmeworkbench.core.record.RunOrigin;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.record.RunTotals;
import org.nvmeworkbench.core.record.VectorCount;
import org.nvmeworkbench.core.spec.FeatureId;
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

    /** Runs {@code spec} on {@code ctrl}; the record names the device as the function calls itself. */
    public RunRecord run(NvmeController ctrl, WorkloadSpec spec, RunObserver observer) {
        return run(ctrl.pci().name(), ctrl, spec, observer);
    }

    /**
     * Runs {@code spec} on {@code ctrl} and returns its record.
     *
     * @param device the name the user gave the device, e.g. {@code sim} or {@code vfio:0000:01:00.0}
     */
    public RunRecord run(String device, NvmeController ctrl, WorkloadSpec spec, RunObserver observer) {
        spec.validate(ctrl);
        RunObserver obs = observer == null ? RunObserver.NONE : observer;
        PciFunction pci = ctrl.pci();
        Instant startedAt = Instant.now();
        List<String> featureNotes = new ArrayList<>();

        if (spec.coalescing() != null) {
            AdminResult r = ctrl.setFeature(FeatureId.INTERRUPT_COALESCING, spec.coalescing().cdw11(), false);
            if (!r.ok()) {
                featureNotes.add(refusal("Interrupt Coalescing", r.status()));
            }
        }
        RunGauges gauges = new RunGauges();
        List<IoQueuePair> created = new ArrayList<>();
        RunRecord record;
        try {
            // An I/O above MDTS takes several commands, each its own slot: iodepth I/Os need that many more.
            long mdts = ctrl.maxTransferBytes();
            int entries = Math.max(2, spec.iodepth() * spec.commandsPerIo(mdts) + 1);
            for (int qid = 1; qid <= spec.queues(); qid++) {
                created.add(ctrl.createIoQueuePair(qid, entries, WorkloadSpec.vectorFor(qid, ctrl.vectorCount()),
                        spec.commandBytes(mdts), !spec.polling()));
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
            FeatureReadback readBack = readBack(ctrl, vectors, featureNotes);

            IoQueuePair[] qs = created.toArray(new IoQueuePair[0]);
            IoLoop loop = new IoLoop(ctrl, qs, spec, ctrl.namespace().nsze(), ctrl.namespace().lbaSize(), mdts,
                    ctrl.options().adminTimeoutNanos(), ctrl.options().interruptRecheckNanos(), gauges);
            CorePlan plan = placeOnCores(pci, spec, qs, featureNotes);
            int[] used = loop.vectorsInUse();
            long[] irqStart = new long[used.length];
            for (int i = 0; i < used.length; i++) {
                irqStart[i] = pci.interruptCount(used[i]);
            }
            long cpuStart = pci.interruptCpuNanos();
            gauges.state(RunState.RUNNING);
            LiveRun live = new LiveRun(ctrl, gauges, new RunSoFar(startedAt, DeviceIdentity.of(device, ctrl), spec,
                    readBack, loop.soFar()));
            obs.started(live, live);

            IoOutcome out;
            try (IoThreadPin pin = pci.hostTopology() == null ? IoThreadPin.apply(spec.placement(), featureNotes)
                    : IoThreadPin.NONE) {
                out = loop.run(obs);
            }

            long cpu = pci.interruptCpuNanos() - cpuStart;
            List<VectorCount> counts = new ArrayList<>();
            long totalIrqs = 0;
            for (int i = 0; i < used.length; i++) {
                long n = pci.interruptCount(used[i]) - irqStart[i];
                long completions = 0;
                for (IoQueuePair q : qs) {
                    if (q.vector() == used[i]) {
                        completions += out.completionsOf(q.qid());
                    }
                }
                counts.add(new VectorCount(used[i], n, completions));
                totalIrqs += n;
            }
            HostCpuUse cpus = CoreAccounting.use(spec.placement(), plan, pci.coreFigures(), qs, out.durationNanos());
            record = record(device, ctrl, spec, startedAt, out, readBack, counts, totalIrqs, cpu, featureNotes,
                    notes(ctrl, spec, out), cpus);
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
        obs.finished(record);
        return record;
    }

    private static RunRecord record(String device, NvmeController ctrl, WorkloadSpec spec, Instant startedAt,
                                    IoOutcome out, FeatureReadback readBack, List<VectorCount> counts, long totalIrqs,
                                    long irqCpuNanos, List<String> featureNotes, List<String> notes, HostCpuUse cpus) {
        long duration = out.durationNanos();
        Histogram all = out.readLatency().copy();
        all.add(out.writeLatency());
        all.add(out.trimLatency());
        RunTotals totals = new RunTotals(out.completed(), out.readLatency().getTotalCount(),
                out.writeLatency().getTotalCount(), out.bytes(), out.errors(), totalIrqs, out.trimLatency().getTotalCount());
        return new RunRecord(ToolVersion.get(), startedAt, duration, spec.seed(), DeviceIdentity.of(device, ctrl),
                spec.settings(), readBack, totals, LatencyHistogram.of(all), LatencyHistogram.of(out.readLatency()),
                LatencyHistogram.of(out.writeLatency()), counts,
                totalIrqs == 0 ? 0 : (double) out.commands() / totalIrqs, duration == 0 ? 0 : irqCpuNanos * 100.0 / duration,
                out.timeSeries(), RunOrigin.WORKBENCH, featureNotes, notes, out.queueDepths(),
                LatencyHistogram.of(out.trimLatency()), cpus);

    }

    /**
     * Puts the spec's CPU placement in force on a function that places work on cores (the simulator), which
     * also restarts its per-core figures; says in a note why a placement that was asked for is not applied.
     */
    private static CorePlan placeOnCores(PciFunction pci, WorkloadSpec spec, IoQueuePair[] qs, List<String> notes) {
        HostTopology host = pci.hostTopology();
        CpuPlacement asked = spec.placement();
        if (host == null) {
            return null; // a real device: IoThreadPin pins the thread that drives it, if asked
        }
        if (spec.polling() && asked.given()) {
            notes.add(asked.describe() + " places interrupts and the threads they wake; completions were polled, so "
                    + "the run used the host model's one CPU");
            pci.placeCores(null);
            return null;
        }
        CorePlan plan;
        try {
            plan = CoreAccounting.plan(asked, host, qs);
        } catch (IllegalArgumentException e) {
            throw new WorkloadException(e.getMessage());
        }
        pci.placeCores(plan);
        return plan;
    }

    /** What else the loop ran into, one sentence each. */
    private static List<String> notes(NvmeController ctrl, WorkloadSpec spec, IoOutcome out) {
        List<String> notes = new ArrayList<>();
        if (out.splitIos() > 0) {
            long mdtsKib = ctrl.maxTransferBytes() / 1024;
            notes.add(out.splitIos() + " I/O(s) of up to " + spec.blockSize() / 1024 + " KiB were above the controller's "
                    + "largest transfer (MDTS, " + mdtsKib + " KiB) and were split into commands of at most " + mdtsKib
                    + " KiB, as the Linux block layer splits them: " + out.commands() + " commands for " + out.completed()
                    + " I/Os in all; a split I/O's latency is that of its last command.");
        }
        if (out.cancelled()) {
            notes.add("The run was cancelled after " + out.completed() + " I/Os.");
        }
        if (out.abortsSent() > 0) {
            notes.add(out.abortsSent() + " I/O command(s) did not complete within "
                    + ctrl.options().adminTimeoutNanos() / 1_000_000 + " ms; the driver sent Abort for them ("
                    + out.abortsAccepted() + " aborted) and stopped issuing.");
        }
        if (out.stuckCommands() > 0) {
            notes.add(out.stuckCommands() + " I/O command(s) did not complete even after Abort; the run stopped without them.");
        }
        if (out.lostInterruptRecoveries() > 0) {
            notes.add("Completions were found without their interrupt " + out.lostInterruptRecoveries()
                    + " time(s); the driver picked them up by polling after "
                    + ctrl.options().interruptRecheckNanos() / 1_000_000 + " ms each.");
        }
        long[] pages = ctrl.pci().dmaPagesPerNode();
        int node = ctrl.pci().numaNode();
        long total = java.util.Arrays.stream(pages).sum();
        long onNode = node >= 0 && node < pages.length ? pages[node] : 0;
        if (node >= 0 && total > onNode) {
            notes.add((total - onNode) + " of " + total + " pages of DMA memory are not on the device's NUMA node " + node
                    + ": the kernel put them elsewhere, as the preferred node was short of free memory.");
        }
        if (out.errors() > 0) {
            notes.add(out.errors() + " I/O(s) completed with an error, the first with "
                    + StatusCode.describe(out.firstErrorStatus()) + ".");
        }
        return notes;
    }

    private static FeatureReadback readBack(NvmeController ctrl, Set<Integer> vectors, List<String> notes) {
        AdminResult c = ctrl.getFeature(FeatureId.INTERRUPT_COALESCING, FeatureId.SEL_CURRENT, 0);
        int raw = c.ok() ? c.dw0() : -1;
        if (!c.ok()) {
            notes.add("The device did not report Interrupt Coalescing (" + StatusCode.name(c.status()) + ").");
        }
        List<FeatureReadback.VectorFeature> per = new ArrayList<>();
        for (int v : vectors) {
            AdminResult r = ctrl.getFeature(FeatureId.INTERRUPT_VECTOR_CONFIGURATION, FeatureId.SEL_CURRENT, v);
            if (r.ok()) {
                per.add(new FeatureReadback.VectorFeature(v, r.dw0()));
            } else {
                per.add(new FeatureReadback.VectorFeature(v, -1));
                notes.add("The device did not report Interrupt Vector Configuration for IV " + v + " ("
                        + StatusCode.name(r.status()) + ").");
            }
        }
        return new FeatureReadback(raw, per, -1);
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
