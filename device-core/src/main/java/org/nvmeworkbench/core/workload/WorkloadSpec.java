package org.nvmeworkbench.core.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.nvmeworkbench.core.driver.IoQueuePair;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.driver.NvmeController;
import org.nvmeworkbench.core.record.WorkloadSettings;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.spec.Opcodes;

/**
 * A workload in fio's vocabulary plus the coalescing features to run it with.
 *
 * @param rw           the I/O pattern
 * @param blockSize    bytes per I/O (fio's bs); a multiple of the namespace's LBA size
 * @param iodepth      commands kept in flight per queue
 * @param queues       I/O queue pairs, each on its own interrupt vector (IV = queue id)
 * @param runtimeNanos stop after this much device time; 0 = no time limit
 * @param ios          stop after this many I/Os in total; 0 = no count limit (the first limit reached ends the run)
 * @param rwmixread    percentage of reads in a mixed pattern (fio's default 50)
 * @param seed         seed of the LBA and read/write choices
 * @param allowWrites  the user explicitly allowed writing to the device
 * @param coalescing   Feature 08h to set before the run; null leaves the device as it is
 * @param cdVectors    vectors to set CD=1 on (Feature 09h); every other vector of the run gets CD=0; null
 *                     leaves 09h as it is
 * @param polling      reap by polling the CQ phase instead of waiting for interrupts
 * @param shape        sizes and offsets beyond rw and bs (fio's bssplit, bsrange, rw modifiers, offset);
 *                     with a mix, blockSize is its largest size
 * @param placement    the host's cores for the run's queues and vectors, in fio's words (cpus_allowed,
 *                     cpus_allowed_policy, numa_cpu_nodes, numa_mem_policy) plus where interrupts are taken;
 *                     {@link CpuPlacement#NONE} leaves the device's own placement
 */
public record WorkloadSpec(ReadWrite rw, int blockSize, int iodepth, int queues, long runtimeNanos, long ios,
                           int rwmixread, long seed, boolean allowWrites, InterruptCoalescing coalescing,
                           Set<Integer> cdVectors, boolean polling, IoShape shape, CpuPlacement placement) {

    public WorkloadSpec {
        if (rw == null) {
            throw new IllegalArgumentException("An I/O pattern (rw) is required.");
        }
        cdVectors = cdVectors == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(cdVectors));
        shape = shape == null ? IoShape.PLAIN : shape;
        placement = placement == null ? CpuPlacement.NONE : placement;
    }

    /** A spec with the device's own CPU placement. */
    public WorkloadSpec(ReadWrite rw, int blockSize, int iodepth, int queues, long runtimeNanos, long ios,
                        int rwmixread, long seed, boolean allowWrites, InterruptCoalescing coalescing,
                        Set<Integer> cdVectors, boolean polling, IoShape shape) {
        this(rw, blockSize, iodepth, queues, runtimeNanos, ios, rwmixread, seed, allowWrites, coalescing, cdVectors,
                polling, shape, CpuPlacement.NONE);
    }

    /** A spec of plain I/O: every I/O at {@code blockSize}, fresh random offsets, from LBA 0. */
    public WorkloadSpec(ReadWrite rw, int blockSize, int iodepth, int queues, long runtimeNanos, long ios,
                        int rwmixread, long seed, boolean allowWrites, InterruptCoalescing coalescing,
                        Set<Integer> cdVectors, boolean polling) {
        this(rw, blockSize, iodepth, queues, runtimeNanos, ios, rwmixread, seed, allowWrites, coalescing, cdVectors,
                polling, IoShape.PLAIN);
    }

    /** randread, 4 KiB, iodepth 32, one queue, 100,000 I/Os or 2 s, seed 1, device features untouched. */
    public static WorkloadSpec defaults() {
        return new WorkloadSpec(ReadWrite.RANDREAD, 4096, 32, 1, 2_000_000_000L, 100_000, 50, 1, false, null, null,
                false);
    }

    public WorkloadSpec withRw(ReadWrite v) {
        return with(d -> d.rw = v);
    }

    public WorkloadSpec withBlockSize(int v) {
        return with(d -> d.blockSize = v);
    }

    public WorkloadSpec withIodepth(int v) {
        return with(d -> d.iodepth = v);
    }

    public WorkloadSpec withQueues(int v) {
        return with(d -> d.queues = v);
    }

    /** Both limits at once: whichever is reached first ends the run (0 = no such limit). */
    public WorkloadSpec withLimits(long runtime, long count) {
        return with(d -> {
            d.runtimeNanos = runtime;
            d.ios = count;
        });
    }

    public WorkloadSpec withRwmixread(int v) {
        return with(d -> d.rwmixread = v);
    }

    public WorkloadSpec withSeed(long v) {
        return with(d -> d.seed = v);
    }

    public WorkloadSpec withAllowWrites(boolean v) {
        return with(d -> d.allowWrites = v);
    }

    public WorkloadSpec withCoalescing(InterruptCoalescing v) {
        return with(d -> d.coalescing = v);
    }

    public WorkloadSpec withCdVectors(Set<Integer> v) {
        return with(d -> d.cdVectors = v);
    }

    public WorkloadSpec withPolling(boolean v) {
        return with(d -> d.polling = v);
    }

    public WorkloadSpec withShape(IoShape v) {
        return with(d -> d.shape = v);
    }

    public WorkloadSpec withPlacement(CpuPlacement v) {
        return with(d -> d.placement = v);
    }

    /**
     * NVMe commands per I/O on a controller whose largest transfer is {@code mdtsBytes} (0: no limit): an
     * I/O above MDTS is split into commands of at most MDTS, as the Linux block layer splits a bio at the
     * queue's max_hw_sectors, so fio's bs=1m runs here as it does through the kernel.
     */
    public int commandsPerIo(long mdtsBytes) {
        boolean movesData = rw.reads() || rw.writesData(); // a trim's range is not limited by MDTS
        return movesData && mdtsBytes > 0 && blockSize > mdtsBytes ? (int) ((blockSize + mdtsBytes - 1) / mdtsBytes) : 1;
    }

    /** The largest command of the run: the block size, or MDTS when I/Os are split at it. */
    public int commandBytes(long mdtsBytes) {
        return commandsPerIo(mdtsBytes) == 1 ? blockSize : (int) mdtsBytes;
    }

    /** The smallest I/O of the run: the mix's smallest size, else the block size. */
    public int minBlockSize() {
        return shape.mix() == null ? blockSize : shape.mix().minBytes();
    }

    /** This spec with {@code change} applied to a copy of its components, checked again by the constructor. */
    private WorkloadSpec with(Consumer<Draft> change) {
        Draft d = new Draft();
        change.accept(d);
        return d.build();
    }

    /**
     * The components as fields, starting as this spec's, so each with*() names only the one it changes:
     * twelve positional copies of the argument list had to agree, and two ints or longs swapped among them
     * would still compile.
     */
    private final class Draft {
        ReadWrite rw = WorkloadSpec.this.rw;
        int blockSize = WorkloadSpec.this.blockSize;
        int iodepth = WorkloadSpec.this.iodepth;
        int queues = WorkloadSpec.this.queues;
        long runtimeNanos = WorkloadSpec.this.runtimeNanos;
        long ios = WorkloadSpec.this.ios;
        int rwmixread = WorkloadSpec.this.rwmixread;
        long seed = WorkloadSpec.this.seed;
        boolean allowWrites = WorkloadSpec.this.allowWrites;
        InterruptCoalescing coalescing = WorkloadSpec.this.coalescing;
        Set<Integer> cdVectors = WorkloadSpec.this.cdVectors;
        boolean polling = WorkloadSpec.this.polling;
        IoShape shape = WorkloadSpec.this.shape;
        CpuPlacement placement = WorkloadSpec.this.placement;

        WorkloadSpec build() {
            return new WorkloadSpec(rw, blockSize, iodepth, queues, runtimeNanos, ios, rwmixread, seed, allowWrites,
                    coalescing, cdVectors, polling, shape, placement);
        }
    }

    /** The vector queue {@code qid} signals when the function granted {@code vectors}: IV = qid while they last. */
    /** The workload as a run record keeps it, in fio's names. */
    public WorkloadSettings settings() {
        return new WorkloadSettings(rw.fioName(), blockSize, iodepth, queues, runtimeNanos, ios, rwmixread, allowWrites,
                polling, coalescing == null ? -1 : coalescing.cdw11(), cdVectors == null ? List.of() : new ArrayList<>(cdVectors));
    }

    /**
     * The workload of a record, to run it again: its settings and {@code seed}; null when the pattern is not
     * one this workbench runs (a record opened from fio's output may name one).
     */
    public static WorkloadSpec of(WorkloadSettings w, long seed) {
        ReadWrite rw = ReadWrite.ofFioName(w.rw());
        if (rw == null) {
            return null;
        }
        return new WorkloadSpec(rw, w.blockSize(), w.iodepth(), w.queues(), w.runtimeNanos(), w.ios(), w.rwmixread(), seed,
                w.allowWrites(), w.coalescing() < 0 ? null : InterruptCoalescing.fromCdw11(w.coalescing()),
                w.coalescing() < 0 && w.cdVectors().isEmpty() ? null : new TreeSet<>(w.cdVectors()), w.polling());
    }

    public static int vectorFor(int qid, int vectors) {
        return vectors <= 1 ? 0 : 1 + (qid - 1) % (vectors - 1);
    }

    /** What is wrong with the spec on its own, one sentence each; empty when nothing is. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (blockSize <= 0) {
            p.add("The block size must be a positive number of bytes, not " + blockSize + ".");
        }
        if (blockSize > IoQueuePair.MAX_IO_BYTES) {
            p.add("The block size " + blockSize + " B is above the workbench's limit of 2 MiB per I/O.");
        }
        if (iodepth < 1) {
            p.add("iodepth must be at least 1, not " + iodepth + ".");
        }
        if (queues < 1) {
            p.add("A run needs at least one queue, not " + queues + ".");
        }
        if (runtimeNanos < 0 || ios < 0) {
            p.add("The runtime and the number of I/Os cannot be negative.");
        }
        if (runtimeNanos == 0 && ios == 0) {
            p.add("Give a runtime or a number of I/Os; with neither the run would never end.");
        }
        if (rwmixread < 0 || rwmixread > 100) {
            p.add("rwmixread is a percentage (0..100), not " + rwmixread + ".");
        }
        if (rw.writes() && !allowWrites && !(rw.mixed() && rwmixread == 100)) {
            p.add(rw.fioName() + " writes to the device; allow writes explicitly (--allow-writes) to run it.");
        }
        if (cdVectors != null && cdVectors.contains(0)) {
            p.add("IV 0 is the admin queue's vector and cannot be configured with Feature 09h.");
        }
        return p;
    }

    /** What is wrong with the spec on {@code ctrl}, one sentence each; empty when nothing is. */
    public List<String> problems(NvmeController ctrl) {
        List<String> p = problems();
        int lba = ctrl.namespace().lbaSize();
        if (blockSize > 0 && blockSize % lba != 0) {
            p.add("The block size " + blockSize + " B is not a multiple of the namespace's " + lba + " B logical block.");
        }
        if (shape.mix() != null) {
            for (int size : shape.mix().sizes()) {
                if (size <= 0 || size % lba != 0) {
                    p.add(shape.mix().text() + ": the size " + size + " B is not a multiple of the namespace's " + lba
                            + " B logical block.");
                    break;
                }
            }
        }
        if (shape.offsetBytes() % lba != 0) {
            p.add("offset=" + shape.offsetBytes() + " is not a multiple of the namespace's " + lba + " B logical block.");
        } else if (blockSize > 0 && shape.offsetBytes() / lba + blockSize / lba > ctrl.namespace().nsze()) {
            p.add("offset=" + shape.offsetBytes() + " leaves no room for an I/O in the namespace ("
                    + ctrl.namespace().nsze() + " blocks of " + lba + " B).");
        }
        if (shape.holeBytes() % lba != 0) {
            p.add("The rw modifier's " + shape.holeBytes() + " B is not a multiple of the namespace's " + lba
                    + " B logical block.");
        }
        if (rw.trims() && (ctrl.identifyController().oncs() & Opcodes.ONCS_DATASET_MANAGEMENT) == 0) {
            p.add("rw=" + rw.fioName() + " trims with Dataset Management, which this controller does not support "
                    + "(Identify Controller ONCS bit 2 is 0).");
        }
        long mdts = ctrl.maxTransferBytes();
        int split = commandsPerIo(mdts);
        if (commandBytes(mdts) / Math.max(1, lba) > 65536) {
            p.add("The block size " + blockSize + " B is more than 65536 logical blocks, the most one command can move.");
        }
        int maxDepth = ctrl.maxQueueEntries() - 1;
        if (split == 1 && iodepth > maxDepth) {
            p.add("iodepth " + iodepth + " is more than a queue of this controller can hold (" + maxDepth
                    + ": CAP.MQES + 1 entries with one kept empty).");
        } else if ((long) iodepth * split > maxDepth) {
            p.add("iodepth " + iodepth + " of " + blockSize + " B I/Os, each split into " + split + " commands at the "
                    + "controller's largest transfer of " + mdts + " B (MDTS), needs " + (long) iodepth * split
                    + " queue entries; a queue of this controller holds " + maxDepth + ".");
        }
        if (queues > ctrl.grantedQueues()) {
            p.add(queues + " queues were asked for but the controller granted " + ctrl.grantedQueues() + ".");
        }
        if ((long) iodepth * Math.max(blockSize, 4096) > Integer.MAX_VALUE) {
            p.add("iodepth x block size needs more than 2 GiB of buffers per queue; lower one of them.");
        }
        if (blockSize > 0 && (long) blockSize / lba > ctrl.namespace().nsze()) {
            p.add("The namespace (" + ctrl.namespace().nsze() + " blocks) is smaller than one I/O.");
        }
        if (placement.given() && ctrl.pci().hostTopology() != null) {
            int[] qids = new int[queues];
            int[] vectors = new int[queues];
            for (int q = 1; q <= queues; q++) {
                qids[q - 1] = q;
                vectors[q - 1] = vectorFor(q, ctrl.vectorCount());
            }
            try {
                placement.resolve(ctrl.pci().hostTopology(), qids, vectors);
            } catch (IllegalArgumentException e) {
                p.add(e.getMessage());
            }
        }
        if (cdVectors != null) {
            Set<Integer> used = new TreeSet<>();
            for (int q = 1; q <= queues; q++) {
                used.add(vectorFor(q, ctrl.vectorCount()));
            }
            for (int v : cdVectors) {
                if (v != 0 && !used.contains(v)) {
                    p.add("IV " + v + " is not used by any of the run's queues (they use " + used + ").");
                }
            }
        }
        return p;
    }

    /** Throws the first problem of {@link #problems(NvmeController)}. */
    public void validate(NvmeController ctrl) {
        List<String> p = problems(ctrl);
        if (!p.isEmpty()) {
            throw new WorkloadException(p.get(0));
        }
    }
}
