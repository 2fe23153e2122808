package org.nvmeworkbench.core.workload;

import java.util.List;

import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.host.CpuSet;
import org.nvmeworkbench.core.host.CpusAllowedPolicy;
import org.nvmeworkbench.core.vfio.ThreadAffinity;

/**
 * On a real device, fio's cpus_allowed for the one thread that drives every queue of a run: with shared the
 * thread may use the whole set, as fio sets a job's affinity; with split the set's first CPU (one thread, so
 * one job). The thread's affinity before the run comes back when it ends. The other words (where interrupts
 * are taken, NUMA nodes and memory policy) are not applied there, and the note says so.
 */
final class IoThreadPin implements AutoCloseable {
    static final IoThreadPin NONE = new IoThreadPin(null);

    private final CpuSet before;

    private IoThreadPin(CpuSet before) {
        this.before = before;
    }

    /** Pins the calling thread as {@code asked} says; what was done or not goes to {@code notes}. */
    static IoThreadPin apply(CpuPlacement asked, List<String> notes) {
        if (!asked.given()) {
            return NONE;
        }
        if (asked.cpusAllowed() == null) {
            notes.add("this device does not place work on cores beyond pinning the I/O thread (cpus_allowed), so "
                    + asked.describe() + " was not applied");
            return NONE;
        }
        CpuSet want = asked.policyOrDefault() == CpusAllowedPolicy.SPLIT ? CpuSet.of(asked.cpusAllowed().get(0))
                : asked.cpusAllowed();
        CpuSet before;
        CpuSet now;
        try {
            before = ThreadAffinity.current();
            now = ThreadAffinity.pin(want);
        } catch (LinkageError e) {
            notes.add("the I/O thread could not be pinned on this platform (" + e.getMessage() + "); " + asked.describe()
                    + " was not applied");
            return NONE;
        } catch (IllegalArgumentException e) {
            throw new WorkloadException(e.getMessage());
        }
        boolean rest = asked.irqAffinity() != null || asked.numaCpuNodes() != null || asked.memPolicy() != null;
        notes.add("the I/O thread, which serves every queue, ran pinned to CPUs " + now + " (sched_setaffinity)"
                + (rest ? "; where interrupts are taken and NUMA nodes and memory policy are not set on a real device" : ""));
        return new IoThreadPin(before);
    }

    /** Gives the thread back the affinity it had. */
    @Override
    public void close() {
        if (before != null && !before.isEmpty()) {
            ThreadAffinity.pin(before);
        }
    }
}
