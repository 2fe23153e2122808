package org.nvmeworkbench.core.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.nvmeworkbench.core.agent.proto.AdminEntries;
import org.nvmeworkbench.core.agent.proto.AdminEntry;
import org.nvmeworkbench.core.agent.proto.Desired;
import org.nvmeworkbench.core.agent.proto.Ring;
import org.nvmeworkbench.core.agent.proto.Snapshot;
import org.nvmeworkbench.core.agent.proto.Vector;
import org.nvmeworkbench.core.driver.AdminLogEntry;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;
import org.nvmeworkbench.core.telemetry.RunState;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.core.telemetry.VectorSnapshot;

/**
 * What a followed session streams, on the wire and back: telemetry samples (the rings and vectors the live
 * views draw), the admin log's new entries and the desired 08h/CD vectors. Field for field, so a remote view
 * draws exactly what a local one would.
 */
final class WireTelemetry {
    private WireTelemetry() {
    }

    static Snapshot of(TelemetrySnapshot s) {
        Snapshot.Builder b = Snapshot.newBuilder().setDeviceNs(s.deviceNanos()).setRunState(s.state().name())
                .setIops(s.iops()).setTotalIos(s.totalIos()).setP50Ns(s.p50Nanos()).setP99Ns(s.p99Nanos())
                .setP999Ns(s.p999Nanos());
        for (QueueRingSnapshot q : s.queues()) {
            b.addQueues(Ring.newBuilder().setQid(q.qid()).setEntries(q.entries()).setSqHead(q.sqHead()).setSqTail(q.sqTail())
                    .setCqHead(q.cqHead()).setCqTail(q.cqTail()).setPhase(q.phase()).setSqOccupancy(q.sqOccupancy())
                    .setCqOccupancy(q.cqOccupancy()).setInFlight(q.inFlight()).setVector(q.vector()));
        }
        for (VectorSnapshot v : s.vectors()) {
            b.addVectors(Vector.newBuilder().setIv(v.iv()).setCount(v.count()).setRatePerSecond(v.ratePerSecond())
                    .setMasked(v.masked()).setPending(v.pending()).setCoalescingDisabled(v.coalescingDisabled()));
        }
        return b.build();
    }

    static TelemetrySnapshot snapshot(Snapshot s) {
        List<QueueRingSnapshot> queues = new ArrayList<>(s.getQueuesCount());
        for (Ring q : s.getQueuesList()) {
            queues.add(new QueueRingSnapshot(q.getQid(), q.getEntries(), q.getSqHead(), q.getSqTail(), q.getCqHead(),
                    q.getCqTail(), q.getPhase(), q.getSqOccupancy(), q.getCqOccupancy(), q.getInFlight(), q.getVector()));
        }
        List<VectorSnapshot> vectors = new ArrayList<>(s.getVectorsCount());
        for (Vector v : s.getVectorsList()) {
            vectors.add(new VectorSnapshot(v.getIv(), v.getCount(), v.getRatePerSecond(), v.getMasked(), v.getPending(),
                    v.getCoalescingDisabled()));
        }
        return new TelemetrySnapshot(s.getDeviceNs(), runState(s.getRunState()), queues, vectors, s.getIops(),
                s.getTotalIos(), s.getP50Ns(), s.getP99Ns(), s.getP999Ns());
    }

    private static RunState runState(String name) {
        try {
            return RunState.valueOf(name);
        } catch (IllegalArgumentException e) {
            return RunState.IDLE; // a newer agent's state this client does not know: drawn as at rest
        }
    }

    static AdminEntries of(List<AdminLogEntry> entries) {
        AdminEntries.Builder b = AdminEntries.newBuilder();
        for (AdminLogEntry e : entries) {
            b.addEntries(AdminEntry.newBuilder().setSequence(e.sequence()).setWallTimeMs(e.wallTime().toEpochMilli())
                    .setDeviceNs(e.deviceNanos()).setOpcode(e.opcode()).setCid(e.cid()).setCdw10(e.cdw10())
                    .setCdw11(e.cdw11()).setStatus(e.status()).setDw0(e.dw0()).setDurationNs(e.durationNanos())
                    .setNote(e.note()));
        }
        return b.build();
    }

    static List<AdminLogEntry> entries(AdminEntries entries) {
        List<AdminLogEntry> l = new ArrayList<>(entries.getEntriesCount());
        for (AdminEntry e : entries.getEntriesList()) {
            l.add(new AdminLogEntry(e.getSequence(), Instant.ofEpochMilli(e.getWallTimeMs()), e.getDeviceNs(), e.getOpcode(),
                    e.getCid(), e.getCdw10(), e.getCdw11(), e.getStatus(), e.getDw0(), e.getDurationNs(), e.getNote()));
        }
        return List.copyOf(l);
    }

    static Desired of(InterruptCoalescing coalescing, Set<Integer> cdVectors) {
        Desired.Builder b = Desired.newBuilder();
        if (coalescing != null) {
            b.setHasCoalescing(true).setCoalescing(coalescing.cdw11());
        }
        if (cdVectors != null) {
            b.setHasCdVectors(true).addAllCdVectors(new TreeSet<>(cdVectors));
        }
        return b.build();
    }

    static InterruptCoalescing coalescing(Desired d) {
        return d.getHasCoalescing() ? InterruptCoalescing.fromCdw11(d.getCoalescing()) : null;
    }

    static Set<Integer> cdVectors(Desired d) {
        return d.getHasCdVectors() ? Set.copyOf(d.getCdVectorsList()) : null;
    }
}
